/**
 * Retrying reads the store could not serve yet. When another process holds the SQLite write lock (a
 * `narrascope ingest`, a cluster rebuild), the server answers 503 `store-locked` with Retry-After: a
 * passing condition, where the page used to show an error until reloaded. A GET (or HEAD) is sent again
 * after the delay the server asks for, a few times at most; any other method is never sent again by
 * itself, since it may have changed something (or will, on the next try): its error is shown instead.
 */

/** Retries after the first try (so at most 4 requests), each delay capped: about 6 s with the server's 2 s. */
export const STORE_LOCKED_RETRIES = 3;
export const MAX_RETRY_DELAY_MS = 10_000;
const DEFAULT_RETRY_DELAY_MS = 2_000;

/** A retry about to happen, for the page to say so. */
export interface RetryNotice {
  /** 1 for the first retry. */
  readonly retry: number;
  readonly of: number;
  readonly delayMs: number;
}

export interface RetryOptions {
  readonly onRetry?: (notice: RetryNotice) => void;
  readonly signal?: AbortSignal;
  /** Now, for Retry-After given as an HTTP date. */
  readonly now?: () => number;
}

/** The wait a Retry-After header asks for (seconds or an HTTP date), within [0, MAX_RETRY_DELAY_MS]. */
export function retryDelayMs(header: string | null, now: number = Date.now()): number {
  const value = header?.trim() ?? '';
  // An HTTP date has a day or month name; Date.parse alone would read "-5" as a year.
  const ms = /^\d+$/u.test(value)
    ? Number(value) * 1000
    : /[A-Za-z]/u.test(value)
      ? Date.parse(value) - now
      : Number.NaN;
  if (Number.isNaN(ms)) return DEFAULT_RETRY_DELAY_MS;
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(0, ms));
}

export function isIdempotent(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/**
 * The passing 503s: the SQLite write lock (`store-locked`) and a PostgreSQL store whose connections are all
 * in use (`store-busy`); both come with Retry-After. A store that is down or timed out is not retried.
 */
const RETRIED_CODES = new Set(['store-locked', 'store-busy']);

/** Whether `res` is the server's 503 store-locked or store-busy (read from a clone: the caller still reads the body). */
export async function isStoreLocked(res: Response): Promise<boolean> {
  if (res.status !== 503) return false;
  try {
    const body = JSON.parse(await res.clone().text()) as { error?: { code?: unknown } } | null;
    return typeof body?.error?.code === 'string' && RETRIED_CODES.has(body.error.code);
  } catch {
    return false;
  }
}

/** Resolves after `ms`, or rejects when `signal` aborts (a page that moved on stops waiting). */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Sends with `send` until the answer is not a 503 store-locked, the method is not idempotent, or the
 * retries are used up; the last answer is returned either way.
 */
export async function sendWithRetry(
  send: () => Promise<Response>,
  method: string,
  options: RetryOptions = {},
): Promise<Response> {
  for (let retry = 1; ; retry++) {
    const res = await send();
    if (retry > STORE_LOCKED_RETRIES || !isIdempotent(method) || !(await isStoreLocked(res))) return res;
    const delayMs = retryDelayMs(res.headers.get('retry-after'), (options.now ?? Date.now)());
    options.onRetry?.({ retry, of: STORE_LOCKED_RETRIES, delayMs });
    await sleep(delayMs, options.signal);
  }
}
