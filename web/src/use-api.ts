import { useEffect, useState } from 'preact/hooks';
import { api, type ApiFailure } from './api.js';
import type { RetryNotice } from './retry.js';

/**
 * GET `path` when the page mounts and whenever `deps` change (default: the path): its answer, or the error
 * that replaced it — never both, since an earlier answer under a new error would read as this page's (the
 * previous search's documents under a refused search). An answer that arrives after a newer request was
 * sent is dropped. `reload` asks again (after an analyst's action changed what the server holds).
 * `retrying` is set while a retry of a locked store is pending (api.ts, retry.ts), for the page to say so.
 * `answered` is the path that `data` or `error` answers (null before the first answer): while a new path
 * is asked for, the last answer stays, and a page that acts on an error must know which request it was for.
 */
export function useApi<T>(
  path: string,
  deps: readonly unknown[] = [path],
): { data: T | null; error: ApiFailure | null; answered: string | null; retrying: RetryNotice | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  const [retrying, setRetrying] = useState<RetryNotice | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    // A page that moves on also stops the retries its last request was waiting for.
    const abort = new AbortController();
    setRetrying(null);
    api<T>(path, { signal: abort.signal, onRetry: (n) => current && setRetrying(n) })
      .then((d) => {
        if (!current) return;
        setData(d);
        setError(null);
        setAnswered(path);
      })
      .catch((e: ApiFailure) => {
        if (!current) return;
        setData(null);
        setError(e);
        setAnswered(path);
      })
      .finally(() => current && setRetrying(null));
    return () => {
      current = false;
      abort.abort();
    };
  }, [...deps, round]);
  return { data, error, answered, retrying, reload: () => setRound((r) => r + 1) };
}
