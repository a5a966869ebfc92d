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
 * - A statement could wait for its answer without end: a server that accepts the connection and then says
 *   nothing more (a hung host, a proxy that lost its upstream), or a statement blocked for good. Once the
 *   store is migrated, `setStatementTimeout` gives every connection PostgreSQL's statement_timeout (the
 *   server cancels the statement: 57014) and every statement a client-side limit a few seconds longer
 *   (for a server that no longer answers at all: the connection is destroyed, never reused). Both are the
 *   store's `timeout` StoreError; migrations are not limited (a step may rewrite a large table).
 * - When every pooled connection was in use for the whole connect timeout, pg's "timeout exceeded when
 *   trying to connect" read as "cannot connect", though the database was up and merely busy: it is the
 *   store's `busy` StoreError.
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
const LOST_MESSAGES = /Connection terminated|Client has encountered a connection error|Connection refused/iu;
/** pg-pool's message when no pooled connection became free within the connect timeout (the pool was full). */
const POOL_EXHAUSTED = /timeout exceeded when trying to connect/iu;
/** SQLSTATE of a cancelled statement; its message says whether statement_timeout cancelled it. */
const QUERY_CANCELED = '57014';
/** How much longer than statement_timeout the client waits for an answer before it gives the connection up. */
export const CLIENT_GRACE_MS = 5000;

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
  if (e instanceof StoreError) return e;
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  if (typeof e === 'object' && e !== null && POOL_EXHAUSTED.test(text)) {
    return new StoreError(
      'busy',
      `every connection to ${location} stayed in use (or still connecting) for the whole connect timeout`,
      'The database is reachable but busy with other requests: retry in a few seconds. If it keeps happening, look for slow statements, or raise the connect timeout (?connect_timeout=SECONDS in the URL).',
      { cause: e },
    );
  }
  if (isPostgresUnavailable(e)) return unavailableError(e, location);
  const code = (e as { code?: unknown } | null)?.code;
  if (code === QUERY_CANCELED && /statement timeout/iu.test(text)) {
    return new StoreError(
      'timeout',
      `a statement on ${location} ran out of time (${text})`,
      'The database took longer than the statement timeout: retry later, narrow the request, or raise the limit (?statement_timeout=MS in the URL; 0 for none).',
      { cause: e },
    );
  }
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

/**
 * What Kysely's PostgresDialect uses of a pool (`connect`, `end`), over `pool`, with every connection error
 * and every error of a lost connection's query passed through `postgresStoreError`. Other query errors (a
 * constraint, a syntax error) are passed on unchanged: they are not the database's absence.
 */
export interface GuardedPool extends Pick<pg.Pool, 'connect' | 'end'> {
  /** From now on, every statement waits at most `ms` for a lock (PostgreSQL's lock_timeout). */
  setLockTimeout(ms: number): void;
  /**
   * From now on, every statement runs at most `ms` (PostgreSQL's statement_timeout), and one that gets no
   * answer for `ms` + CLIENT_GRACE_MS fails and its connection is destroyed. 0: no limit.
   */
  setStatementTimeout(ms: number): void;
}

export function guardedPool(pool: pg.Pool, location: string): GuardedPool {
  pool.on('error', () => {
    // An idle client lost its connection; the pool has already removed it. The next query connects anew.
  });
  const translate = (e: unknown): unknown => postgresStoreError(e, location) ?? e;
  const settings: { lock_timeout?: number; statement_timeout?: number } = {};
  // The settings each pooled connection has been given, as their SET statement (a connection made before
  // a setting was asked for has not got it yet).
  const applied = new WeakMap<pg.PoolClient, string>();
  // Connections given up on (a statement got no answer): released with an error, so the pool ends them.
  const broken = new WeakSet<pg.PoolClient>();
  // Kysely keeps per-client state in a WeakMap keyed by the client it got: the same client must always
  // come back as the same wrapper.
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();

  /** `out` (a query's promise on `client`), failing as a `timeout` when no answer comes in time. */
  const answered = <T>(client: pg.PoolClient, out: Promise<T>): Promise<T> => {
    const limit = settings.statement_timeout;
    if (!limit) return out.catch((e: unknown) => Promise.reject(translate(e)));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        broken.add(client);
        // The socket, not client.end(): ending politely waits for a server that no longer answers.
        (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
        reject(
          new StoreError(
            'timeout',
            `${location} gave no answer within ${Math.round((limit + CLIENT_GRACE_MS) / 1000)} s`,
            'The database server or the network to it stopped answering: check that it is up and reachable, then retry.',
          ),
        );
      }, limit + CLIENT_GRACE_MS);
      out.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(translate(e));
        },
      );
    });
  };

  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    let w = wrapped.get(client);
    if (!w) {
      // A connection lost while checked out (its socket destroyed above, or closed by the server) makes
      // the client emit 'error' besides failing its query; the pool listens only while it is idle, and an
      // 'error' nobody listens to ends the process.
      client.on('error', () => undefined);
      w = new Proxy(client, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (prop === 'release' && typeof value === 'function')
            return (err?: Error | boolean): void => (value as (e?: Error | boolean) => void).call(target, broken.has(target) || err);
          if (prop !== 'query' || typeof value !== 'function')
            return typeof value === 'function' ? value.bind(target) : value;
          return (...args: unknown[]): unknown => {
            const out: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
            // A query with a callback or a cursor (Kysely's streaming) returns no promise: left as it is.
            return out instanceof Promise ? answered(target, out) : out;
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
      const statement = Object.entries(settings)
        .map(([name, ms]) => `SET ${name} = ${ms}`)
        .join('; ');
      if (statement && applied.get(client) !== statement) {
        try {
          await answered(client, client.query(statement));
          applied.set(client, statement);
        } catch (e) {
          client.release(e instanceof Error ? e : true);
          throw e;
        }
      }
      return wrap(client);
    }) as pg.Pool['connect'],
    end: (() => pool.end()) as pg.Pool['end'],
    setLockTimeout(ms: number): void {
      settings.lock_timeout = Math.max(1, Math.floor(ms));
    },
    setStatementTimeout(ms: number): void {
      settings.statement_timeout = Math.max(0, Math.floor(ms));
    },
  };
}
