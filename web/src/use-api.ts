import { useEffect, useState } from 'preact/hooks';
import { api, type ApiFailure } from './api.js';

/**
 * GET `path` when the page mounts and whenever `deps` change (default: the path): its answer, or the error
 * that replaced it — never both, since an earlier answer under a new error would read as this page's (the
 * previous search's documents under a refused search). An answer that arrives after a newer request was
 * sent is dropped. `reload` asks again (after an analyst's action changed what the server holds).
 */
export function useApi<T>(path: string, deps: readonly unknown[] = [path]): { data: T | null; error: ApiFailure | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    api<T>(path)
      .then((d) => {
        if (!current) return;
        setData(d);
        setError(null);
      })
      .catch((e: ApiFailure) => {
        if (!current) return;
        setData(null);
        setError(e);
      });
    return () => {
      current = false;
    };
  }, [...deps, round]);
  return { data, error, reload: () => setRound((r) => r + 1) };
}
