/**
 * The web client's retry of a locked store (web/src/retry.ts, through request() in web/src/api.ts): a GET
 * answered 503 store-locked is sent again after Retry-After, a few times at most; other methods never are.
 * Fake fetch, fake timers: nothing waits for real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, ApiFailure } from '../../web/src/api.js';
import {
  MAX_RETRY_DELAY_MS,
  retryDelayMs,
  sendWithRetry,
  STORE_LOCKED_RETRIES,
  type RetryNotice,
} from '../../web/src/retry.js';

function locked(retryAfter: string | null = '2', code = 'store-locked'): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (retryAfter !== null) headers['retry-after'] = retryAfter;
  return new Response(
    JSON.stringify({
      error: {
        code,
        message: 'the store is busy (another process is writing); retry shortly',
        hint: 'Retry in a few seconds (see Retry-After).',
      },
    }),
    { status: 503, headers },
  );
}
const ok = (): Response =>
  new Response(JSON.stringify({ total: 1 }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });

/** A fetch that answers from the list in order, and records what it was asked. */
function fakeFetch(answers: (() => Response)[]): { calls: { url: string; method: string }[] } {
  const calls: { url: string; method: string }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? 'GET' });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  });
  return { calls };
}

/** Settles `p` while advancing the fake clock, and says when it settled. */
async function settle<T>(p: Promise<T>): Promise<{ value?: T; error?: unknown; at: number }> {
  const start = Date.now();
  let done: { value?: T; error?: unknown } | null = null;
  p.then(
    (value) => (done = { value }),
    (error: unknown) => (done = { error }),
  );
  for (let i = 0; i < 1000 && !done; i++) await vi.advanceTimersByTimeAsync(100);
  if (!done) throw new Error('never settled');
  return { ...(done as { value?: T; error?: unknown }), at: Date.now() - start };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('retry of a locked store', () => {
  it('sends a GET again after Retry-After, and returns the answer that came through', async () => {
    const { calls } = fakeFetch([() => locked('2'), () => locked('1'), ok]);
    const notices: RetryNotice[] = [];
    const r = await settle(
      api<{ total: number }>('/api/documents?q=harbour', { onRetry: (n) => notices.push(n) }),
    );
    expect(r.value).toEqual({ total: 1 });
    expect(calls.map((c) => c.method)).toEqual(['GET', 'GET', 'GET']);
    expect(notices).toEqual([
      { retry: 1, of: STORE_LOCKED_RETRIES, delayMs: 2000 },
      { retry: 2, of: STORE_LOCKED_RETRIES, delayMs: 1000 },
    ]);
    // It waited what the server asked, not less (timers advance in steps of 100 ms).
    expect(r.at).toBeGreaterThanOrEqual(3000);
    expect(r.at).toBeLessThan(3200);
  });

  it("gives up after three retries, with the server's error and a hint that it was tried", async () => {
    const { calls } = fakeFetch([locked, locked, locked, locked, ok].map((f) => () => f()));
    const r = await settle(api('/api/clusters'));
    expect(calls).toHaveLength(1 + STORE_LOCKED_RETRIES);
    expect(r.error).toBeInstanceOf(ApiFailure);
    const e = r.error as ApiFailure;
    expect([e.status, e.code, e.hint]).toEqual([
      503,
      'store-locked',
      'Still busy after 4 tries; try again in a moment.',
    ]);
  });

  it("never sends a POST (or DELETE) again by itself: its error is the first answer's", async () => {
    for (const method of ['POST', 'DELETE']) {
      const { calls } = fakeFetch([() => locked(), ok]);
      const notices: RetryNotice[] = [];
      const r = await settle(
        api('/api/analyse', { method, body: { text: 'x', store: true }, onRetry: (n) => notices.push(n) }),
      );
      expect(calls).toHaveLength(1);
      expect(notices).toEqual([]);
      expect([
        (r.error as ApiFailure).status,
        (r.error as ApiFailure).code,
        (r.error as ApiFailure).hint,
      ]).toEqual([503, 'store-locked', 'Retry in a few seconds (see Retry-After).']);
      vi.unstubAllGlobals();
    }
  });

  it('retries store-busy (a PostgreSQL store with every connection in use) like store-locked', async () => {
    const { calls } = fakeFetch([() => locked('1', 'store-busy'), ok]);
    const p = settle(api('/api/documents'));
    await vi.advanceTimersByTimeAsync(1_500);
    const r = await p;
    expect(calls).toHaveLength(2);
    expect(r.error).toBeUndefined();
  });

  it('retries only store-locked and store-busy: other 503s and errors are answered at once', async () => {
    const busy = (): Response =>
      new Response(JSON.stringify({ error: { code: 'store-unavailable', message: 'down' } }), {
        status: 503,
        headers: { 'retry-after': '5' },
      });
    const notJson = (): Response =>
      new Response('<html>Service Unavailable</html>', { status: 503, headers: { 'retry-after': '1' } });
    for (const answer of [busy, notJson, () => new Response('{}', { status: 404 })]) {
      const { calls } = fakeFetch([answer, ok]);
      const r = await settle(api('/api/documents'));
      expect(calls).toHaveLength(1);
      expect(r.error).toBeInstanceOf(ApiFailure);
      vi.unstubAllGlobals();
    }
  });

  it('stops waiting when the page moves on (abort)', async () => {
    const { calls } = fakeFetch([() => locked('10'), ok]);
    const abort = new AbortController();
    const p = settle(api('/api/documents', { signal: abort.signal }));
    await vi.advanceTimersByTimeAsync(500);
    abort.abort();
    const r = await p;
    expect(r.error).toBeDefined();
    expect(r.error).not.toBeInstanceOf(ApiFailure);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toHaveLength(1);
  });

  it('reads Retry-After as seconds or an HTTP date, capped, 2 s when absent or unreadable', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryDelayMs('2', now)).toBe(2000);
    expect(retryDelayMs('0', now)).toBe(0);
    expect(retryDelayMs('3600', now)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(retryDelayMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(retryDelayMs(null, now)).toBe(2000);
    expect(retryDelayMs('soon', now)).toBe(2000);
    expect(retryDelayMs('-5', now)).toBe(2000);
  });

  it('sendWithRetry returns the last answer when every try is locked (HEAD is retried too)', async () => {
    const sent: number[] = [];
    const p = settle(
      sendWithRetry(async () => {
        sent.push(Date.now());
        return locked('3600');
      }, 'HEAD'),
    );
    const r = await p;
    expect((r.value as Response).status).toBe(503);
    expect(sent).toHaveLength(1 + STORE_LOCKED_RETRIES);
    // A Retry-After of an hour waits the cap, not an hour.
    expect(r.at).toBeLessThan(STORE_LOCKED_RETRIES * MAX_RETRY_DELAY_MS + 500);
  });
});
