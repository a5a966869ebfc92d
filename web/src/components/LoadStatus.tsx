import type { ApiFailure } from '../api.js';
import type { RetryNotice } from '../retry.js';
import { ErrorBox } from './ErrorBox.js';

/**
 * What a page's data is waiting for or failed on: a store locked by another process is retried a few times
 * by itself (retry.ts), and says so meanwhile, since a page that shows nothing for seconds looks broken.
 */
export function LoadStatus({
  error,
  retrying,
  reload,
}: {
  error: ApiFailure | null;
  retrying: RetryNotice | null;
  reload: () => void;
}) {
  if (retrying) {
    return (
      <p class="muted" role="status">
        The store is busy (another process is writing to it); retrying in {Math.ceil(retrying.delayMs / 1000)}{' '}
        s… (retry {retrying.retry} of {retrying.of})
      </p>
    );
  }
  return error ? <ErrorBox error={error} onRetry={reload} /> : null;
}
