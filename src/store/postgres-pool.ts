/**
 * The PostgreSQL connection pool as the store hands it to Kysely, made safe against a database that goes
 * away while Narrascope runs (a restart, a dropped network, a proxy in between that closes):
 *
 * - An idle pooled connection that the server closes makes `pg.Pool` emit 'error'; with no listener Node
 *   throws it, so `narrascope serve` exited ("internal error: Connection terminated unexpectedly") at the
 *   first lost connection. The pool drops such a client by itself; the listener only keeps the process up.
 * - Errors of connecting and of queries on a lost connection came out of reads as the driver's own errors
 *   (ECONNREFUSED, "Connection terminated unexpectedly"), which the server answered as a 500 "bug". They are
 *   now the store's `unreachable` StoreError, as when the store cannot be reached at start, which the server
 *   answers 503 `store-unavailable` with Retry-After and the CLI as exit 4.
 * - A request waited without end for a lock another session held (a migration, a TRUNCATE or VACUUM FULL, a
 *   long write transaction), where on SQLite the server gives up after a second and answers 503
 *   `store-locked`. `setLockTimeout` (what `narrascope serve` asks for once the store is migrated) gives
 *   every connection PostgreSQL's lock_timeout, and a statement that runs out of it (55P03) is the store's
 *   `locked` StoreError, answered the same way.
 * - A schema dropped under a running server made every request a 500 "bug"; it is `unreachable` too.
 */
import type pg from 'pg';
import { StoreError } from './errors.js';

/** Socket errors of a connection that cannot be made or was lost. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);
/**
 * SQLSTATEs of a database that cannot be used now, none of them caused by the query: class 08 (connection
 * exception), 57P01-57P03 (shut down, crashed, starting up), 53300 (too many connections), 3D000 (no such
 * database), 28000 / 28P01 (login refused).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|53300|3D000|28000|28P01)$/u;
/** pg's own messages for a connection that ended or could not be made in time (they carry no code). */
const LOST_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/iu;

/** Whether `e` says the database cannot be reached or the connection was lost, rather than a query failing. */
export function isPostgresUnavailable(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
  const message = (e as { message?: unknown }).message;
  return typeof message === 'string' && LOST_MESSAGES.test(message);
}

/** SQLSTATE of a statement that gave up waiting for a lock (lock_timeout). */
const LOCK_NOT_AVAILABLE = '55P03';
/**
 * SQLSTATEs of a store whose tables are gone while Narrascope runs (its schema dropped or renamed): no such
 * table (42P01), no such schema (3F000). Narrascope's own queries name only tables its migrations made.
 */
const STORE_GONE = new Set(['42P01', '3F000']);

/** The StoreError for `e` when it is the database's absence, the store's tables gone or a lock wait given up, else undefined. */
export function postgresStoreError(e: unknown, location: string): StoreError | undefined {
  if (isPostgresUnavailable(e)) return unavailableError(e, location);
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && STORE_GONE.has(code)) {
    const message = e instanceof Error ? e.message : String(e);
    return new StoreError(
      'unreachable',
      `${location} no longer holds the store's tables (${message})`,
      'Its schema may have been dropped or renamed: check --db; restarting creates and migrates an empty store there.',
      { cause: e },
    );
  }
  if (code === LOCK_NOT_AVAILABLE) {
    const message = e instanceof Error ? e.message : String(e);
    return new StoreError(
      'locked',
      `${location} is locked by another session (${message})`,
      'Wait for the other session (a migration, a long write) to finish, then try again.',
      { cause: e },
    );
  }
  return undefined;
}

/** The StoreError for an unavailable database at `location` (the URL without its password). */
export function unavailableError(e: unknown, location: string): StoreError {
  const message = e instanceof Error ? e.message : String(e);
  return new StoreError(
    'unreachable',
    `cannot connect to ${location} (${message})`,
    'Check that PostgreSQL is running and the URL (host, port, database, user) is right.',
    { cause: e },
  );
}

type Translate = (e: unknown) => unknown;

/**
 * What Kysely's PostgresDialect uses of a pool (`connect`, `end`), over `pool`, with every connection error
 * and every error of a lost connection's query passed through `translate`. Other query errors (a
 * constraint, a syntax error) are passed on unchanged: they are not the database's absence.
 */
export interface GuardedPool extends Pick<pg.Pool, 'connect' | 'end'> {
  /** From now on, every statement waits at most `ms` for a lock (PostgreSQL's lock_timeout). */
  setLockTimeout(ms: number): void;
}

export function guardedPool(pool: pg.Pool, location: string): GuardedPool {
  pool.on('error', () => {
    // An idle client lost its connection; the pool has already removed it. The next query connects anew.
  });
  const translate: Translate = (e) => postgresStoreError(e, location) ?? e;
  let lockTimeoutMs: number | undefined;
  // The lock_timeout each pooled connection has been given (a connection made before setLockTimeout has none).
  const applied = new WeakMap<pg.PoolClient, number>();
  // Kysely keeps per-client state in a WeakMap keyed by the client it got: the same client must always
  // come back as the same wrapper.
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    let w = wrapped.get(client);
    if (!w) {
      w = new Proxy(client, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (prop !== 'query' || typeof value !== 'function')
            return typeof value === 'function' ? value.bind(target) : value;
          return (...args: unknown[]): unknown => {
            const out: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
            // A query with a callback or a cursor (Kysely's streaming) returns no promise: left as it is.
            return out instanceof Promise ? out.catch((e: unknown) => Promise.reject(translate(e))) : out;
          };
        },
      });
      wrapped.set(client, w);
    }
    return w;
  };
  return {
    connect: (async () => {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (e) {
        throw translate(e);
      }
      const ms = lockTimeoutMs;
      if (ms !== undefined && applied.get(client) !== ms) {
        try {
          await client.query(`SET lock_timeout = ${ms}`);
          applied.set(client, ms);
        } catch (e) {
          client.release(e instanceof Error ? e : true);
          throw translate(e);
        }
      }
      return wrap(client);
    }) as pg.Pool['connect'],
    end: (() => pool.end()) as pg.Pool['end'],
    setLockTimeout(ms: number): void {
      lockTimeoutMs = Math.max(1, Math.floor(ms));
    },
  };
}
