/**
 * The store as `narrascope serve` opens it. better-sqlite3 is synchronous: while another process (a
 * `narrascope ingest` into the same file) holds the write lock, a request that writes waits inside SQLite's
 * busy handler on the server's only thread, and every other request waits with it. The CLI's 30 s suits a
 * command that has nothing else to do; a server must give up much sooner and answer 503 `store-locked`
 * with Retry-After (src/server/errors.ts), so that a client can retry.
 */
import { openStore, type OpenStoreOptions, type Store } from '../../store/index.js';

/**
 * How long one request may wait for another writer's lock, in ms. An ingest commits a batch of up to 32
 * analysed documents per transaction, ≈ 1.2–2 ms each (src/corpus/ingest/batch-writer.ts), so it holds
 * the lock for tens of milliseconds at a time (measured: while `ingest` stored 1,500 short documents with
 * two workers, a writer taking the lock every 20 ms waited at most 36 ms, p99 18 ms, over 923 tries, and
 * never in vain): one second outlasts such a batch many times over, so a store-locked answer means a
 * writer that really holds on (a cluster rebuild, a migration), while no request stalls the server for
 * more than a second.
 */
export const SERVE_BUSY_TIMEOUT_MS = 1000;

/**
 * PostgreSQL: the longest one statement of a request may run, in ms (`--statement-timeout SECONDS`; the
 * URL's `?statement_timeout=MS` wins). The store's default of 2 minutes suits a command; a request held
 * that long keeps one of the pool's four connections from the other clients, who wait for it and are
 * answered 503 store-busy. Half a minute is still far beyond a request's statements: a search of 100,000
 * documents on PostgreSQL measured p95 under 100 ms, its slowest phrases 300 ms (docs/corpus.md), and
 * exports read in batches.
 */
export const SERVE_STATEMENT_TIMEOUT_MS = 30_000;

/** Opens (and migrates) like any command, waiting the usual 30 s for a writer; then serves with the short timeouts. */
export function openServeStore(
  location: string,
  onUpgrade?: OpenStoreOptions['onUpgrade'],
  statementTimeoutMs: number = SERVE_STATEMENT_TIMEOUT_MS,
): Promise<Store> {
  return openStore(location, {
    busyTimeoutAfterOpenMs: SERVE_BUSY_TIMEOUT_MS,
    statementTimeoutMs,
    ...(onUpgrade ? { onUpgrade } : {}),
  });
}
