import type { ApiFailure } from '../api.js';

/**
 * Failures that may pass (a busy or locked store, a rate limit, a server that did not answer): with
 * `onRetry`, they get a button to send the request again. Nothing else is sent again by itself: an analysis
 * or an analyst's action may not be repeated without the analyst asking.
 */
function passing(error: ApiFailure): boolean {
  // 502 and 504: a proxy in front of a server that is restarting or slow.
  // Not `no-store` (a 503 too): a server started without a store keeps answering it, however often asked.
  if (error.code === 'no-store') return false;
  return error.status === 0 || error.status === 429 || error.status === 502 || error.status === 503 || error.status === 504;
}

export function ErrorBox({ error, onRetry }: { error: ApiFailure; onRetry?: () => void }) {
  return (
    <div class="error" role="alert">
      <strong>{error.message}</strong>
      {error.hint && <span> — {error.hint}</span>}
      {error.status > 0 && <span class="muted"> ({error.code}, HTTP {error.status})</span>}
      {onRetry && passing(error) && (
        <>
          {' '}
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        </>
      )}
    </div>
  );
}
