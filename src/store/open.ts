/**
 * Opening a store: `openStore('./narrascope.db')` (SQLite, the embedded default) or
 * `openStore('postgres://user@host/db?schema=name')`. The schema is migrated to the latest version on open.
 * Problems come back as a StoreError (corrupt or locked file, unreachable server, a database newer than
 * this code), never as a silently created new database.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { postgresCapabilities, sqliteCapabilities, type Capabilities } from './capabilities.js';
import { StoreError } from './errors.js';
import { registerCasefold } from './casefold.js';
import { migrate } from './migrate.js';
import { guardedPool, postgresStoreError, type GuardedPool } from './postgres-pool.js';
import { parsePostgresUrl, quoteSchema, redactUrl } from './postgres-url.js';
import type { StoreSchema } from './schema.js';

export interface OpenStoreOptions {
  /** Create the SQLite file when it does not exist (default true). Read-only commands pass false. */
  readonly create?: boolean;
  /** How long a writer waits for another writer's lock, in ms (SQLite busy timeout; default 30 s). */
  readonly busyTimeoutMs?: number;
  /**
   * The busy timeout once the store is open and migrated (SQLite only; default `busyTimeoutMs`). Opening
   * may wait for a running writer as long as a command would; a server, whose synchronous SQLite calls
   * stall every request while they wait, then waits much less (src/cli/commands/serve-store.ts).
   */
  readonly busyTimeoutAfterOpenMs?: number;
  /**
   * PostgreSQL: how long to wait for a connection, in ms — a new one (the server's answer to the login
   * included) or a free one of the pool's four (default 10 s; `?connect_timeout=SECONDS` in the URL wins).
   */
  readonly connectTimeoutMs?: number;
  /**
   * PostgreSQL: the longest one statement may run once the store is migrated, in ms (statement_timeout;
   * default 2 minutes; 0 for none; `?statement_timeout=MS` in the URL wins). A statement that gets no
   * answer at all for 5 s longer fails too, and its connection is given up (postgres-pool.ts).
   */
  readonly statementTimeoutMs?: number;
  /** Told before each schema step applied to an existing store (a newer Narrascope opening an older store). */
  readonly onUpgrade?: (step: { readonly id: string; readonly description: string; readonly cost?: string }) => void;
}

export interface Store {
  /** The query builder; reads may use it directly. */
  readonly db: Kysely<StoreSchema>;
  readonly caps: Capabilities;
  /** Where the store lives: an absolute file path or the PostgreSQL URL without password. */
  readonly location: string;
  /**
   * Runs `fn` in one write transaction that holds the write lock from its first statement (SQLite
   * `BEGIN IMMEDIATE`), so concurrent writers — threads or processes — are serialised, never deadlocked.
   * Commits when `fn` resolves, rolls back when it throws.
   */
  write<T>(fn: (trx: Kysely<StoreSchema>) => Promise<T>): Promise<T>;
  /**
   * SQLite only (null on PostgreSQL): the first column of a read query as plain values, bypassing row
   * objects — search reads tens of thousands of ids per query and intersects them in memory.
   */
  readonly readColumn: ((query: string, params: readonly unknown[]) => unknown[]) | null;
  /** SQLite only (null on PostgreSQL): every row of a read query as an array of column values. */
  readonly readRows: ((query: string, params: readonly unknown[]) => unknown[][]) | null;
  /**
   * SQLite only (null on PostgreSQL): inserts rows (all with the keys of the first) through one cached
   * prepared statement; call it inside `write`, on whose connection it runs. Returns the rowid of the last
   * row inserted (null for no rows).
   */
  readonly insertRows: ((table: string, rows: readonly Record<string, unknown>[]) => number | null) | null;
  /**
   * SQLite only (null on PostgreSQL): the same with each row given as its values in the order of `columns`
   * — no row object is built, which is most of the JavaScript cost of writing the ~130 derived rows of a
   * news article.
   */
  readonly insertValues: ((table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) => number | null) | null;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//iu.test(url);
}

export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const store = isPostgresUrl(url) ? await openPostgres(url, options) : openSqlite(url, options);
  try {
    await migrate(store.db as unknown as Kysely<unknown>, store.caps, (fn) => store.write((trx) => fn(trx as unknown as Kysely<unknown>)), undefined, options.onUpgrade);
  } catch (e) {
    await store.close().catch(() => undefined);
    throw translateError(e, store.location);
  }
  if (options.busyTimeoutAfterOpenMs !== undefined && !isPostgresUrl(url)) {
    const ms = Math.max(0, Math.floor(options.busyTimeoutAfterOpenMs));
    await sql.raw(`PRAGMA busy_timeout = ${ms}`).execute(store.db);
  }
  const pool = postgresPools.get(store);
  if (pool) {
    // PostgreSQL waits for locks off the event loop, but a command or request waited without end all the
    // same: its statements now give up after the time SQLite's busy timeout gives, as a `locked` store
    // error, and after the statement timeout whatever they wait for, as a `timeout` (postgres-pool.ts).
    pool.setLockTimeout(options.busyTimeoutAfterOpenMs ?? options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
    pool.setStatementTimeout(postgresStatementTimeoutMs.get(store) ?? DEFAULT_STATEMENT_TIMEOUT_MS);
  }
  return store;
}

const DEFAULT_BUSY_TIMEOUT_MS = 30_000;
/** PostgreSQL: how long to wait for a connection, unless the URL or the options say otherwise. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/**
 * PostgreSQL: the longest a statement may run, unless the URL or the options say otherwise. The slowest
 * statements are corpus-wide reads (a cluster rebuild, stats), seconds on 100,000 documents; two minutes
 * leaves room for far larger corpora while a hung server is still reported rather than waited for.
 */
const DEFAULT_STATEMENT_TIMEOUT_MS = 120_000;

function openSqlite(path: string, options: OpenStoreOptions): Store {
  // SQLite ends a file name at NUL: 'a\0b.db' silently opened, or created, a store named 'a'.
  if (path.includes('\u0000')) throw new StoreError('bad-url', 'the store path contains a NUL character', 'Pass a file path without control characters, e.g. --db ./narrascope.db.');
  const file = path.startsWith('file:') ? path.slice(5) : path;
  const location = file === ':memory:' ? file : resolve(file);
  if (location !== ':memory:') {
    if (!existsSync(location) && options.create === false) {
      throw new StoreError('missing', `no store at ${location}`, 'Ingest documents first (`narrascope ingest ... --db PATH`), or pass the right --db.');
    }
    // SQLite takes an empty file for an empty database and would migrate it into a store, so a read
    // command given an empty file (a mistyped --db, a `touch`ed placeholder) would turn it into one.
    if (options.create === false && isEmptyFile(location) && !isNonEmptyFile(`${location}-wal`)) {
      throw new StoreError('missing', `no store at ${location} (the file is empty)`, 'Ingest documents first (`narrascope ingest ... --db PATH`), or pass the right --db.');
    }
    if (existsSync(location) && statSync(location).isDirectory()) {
      throw new StoreError('bad-url', `${location} is a directory, not a store file`, 'Pass a file path, e.g. --db ./narrascope.db.');
    }
    // A device or a pipe (/dev/null, a FIFO): SQLite's reads of it failed as "disk I/O error", which the
    // CLI reported as an internal error (exit 1).
    if (existsSync(location) && !statSync(location).isFile()) {
      throw new StoreError('bad-url', `${location} is not a regular file (a device or a pipe), so it cannot be a store`, 'Pass a file path, e.g. --db ./narrascope.db.');
    }
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(location, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
    // Reading the schema is what reveals a file that is not a database.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    if (location !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // Unicode lower case for plain-text filters, as PostgreSQL's lower() (casefold.ts).
    registerCasefold(sqlite);
    checkOurs(sqlite, location);
  } catch (e) {
    throw translateError(e, location);
  }
  const db = new Kysely<StoreSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  const statements = new Map<string, Database.Statement>();
  const prepared = (query: string, mode: 'column' | 'rows'): Database.Statement => {
    const key = `${mode}\u0000${query}`;
    let stmt = statements.get(key);
    if (!stmt) {
      stmt = mode === 'column' ? sqlite.prepare(query).pluck() : sqlite.prepare(query).raw();
      if (statements.size > 200) statements.clear();
      statements.set(key, stmt);
    }
    return stmt;
  };
  const readColumn = (query: string, params: readonly unknown[]): unknown[] => prepared(query, 'column').all(...params);
  const readRows = (query: string, params: readonly unknown[]): unknown[][] => prepared(query, 'rows').all(...params) as unknown[][];
  const inserts = new Map<string, Database.Statement>();
  const insertStatement = (table: string, columns: readonly string[]): Database.Statement => {
    const key = `${table}(${columns.join(',')})`;
    let stmt = inserts.get(key);
    if (!stmt) {
      // Table and column names come from our repositories, never from input; checked all the same.
      if (![table, ...columns].every((n) => /^[a-z_][a-z0-9_]*$/u.test(n))) throw new Error(`invalid table or column name in ${key}`);
      stmt = sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      inserts.set(key, stmt);
    }
    return stmt;
  };
  const insertValues = (table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): number | null => {
    if (!rows.length) return null;
    const stmt = insertStatement(table, columns);
    let last: number | null = null;
    for (const row of rows) {
      if (row.length !== columns.length) throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
      last = Number(stmt.run(row).lastInsertRowid);
    }
    return last;
  };
  const insertRows = (table: string, rows: readonly Record<string, unknown>[]): number | null => {
    const first = rows[0];
    if (!first) return null;
    const columns = Object.keys(first);
    return insertValues(
      table,
      columns,
      rows.map((row) => columns.map((c) => row[c] ?? null)),
    );
  };
  return makeStore(db, sqliteCapabilities, location, { readColumn, readRows, insertRows, insertValues });
}

function isEmptyFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile() && statSync(path).size === 0;
}

/** A new WAL-mode database can keep everything in its -wal file until the first checkpoint. */
function isNonEmptyFile(path: string): boolean {
  return existsSync(path) && statSync(path).size > 0;
}

/** A SQLite file with tables but without our migration table belongs to something else: leave it alone. */
function checkOurs(sqlite: Database.Database, location: string): void {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  if (tables.length > 0 && !tables.some((t) => t.name === 'narrascope_migrations')) {
    throw new StoreError('corrupt', `${location} is a SQLite database but not a Narrascope store`, 'Pass another --db path; Narrascope does not write into foreign databases.');
  }
}

/** The pool of each PostgreSQL store, and its statement timeout, for settings made once the store is migrated. */
const postgresPools = new WeakMap<Store, GuardedPool>();
const postgresStatementTimeoutMs = new WeakMap<Store, number>();

async function openPostgres(url: string, options: OpenStoreOptions): Promise<Store> {
  const { connectionString, schema, connectTimeoutMs, statementTimeoutMs } = parsePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    connectionTimeoutMillis: connectTimeoutMs ?? options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // A host that vanishes (no FIN, no RST) is noticed by the operating system's keepalive probes.
    keepAlive: true,
    ...(schema ? { options: `-c search_path=${quoteSchema(schema)}` } : {}),
  });
  const location = redactUrl(url);
  try {
    const client = await pool.connect();
    try {
      // As for a SQLite file: a read command must not create the store (a mistyped ?schema= used to be
      // created, migrated and searched, answering "0 documents" instead of saying there is no store).
      if (options.create === false) {
        const found = await client.query<{ t: string | null }>(`SELECT to_regclass('narrascope_migrations')::text AS t`);
        if (!found.rows[0]?.t) throw new StoreError('missing', `no store at ${location}`, 'Ingest documents first (`narrascope ingest ... --db URL`), or pass the right --db.');
      }
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteSchema(schema)}`);
      await refuseForeignSchema(client, schema, location);
    } finally {
      client.release();
    }
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw translateError(e, location);
  }
  // A lost connection neither ends the process nor reads as a bug (postgres-pool.ts).
  const guarded = guardedPool(pool, location);
  const db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool: guarded }) });
  const store = makeStore(db, postgresCapabilities, location, { readColumn: null, readRows: null, insertRows: null, insertValues: null });
  postgresPools.set(store, guarded);
  const statementMs = statementTimeoutMs ?? options.statementTimeoutMs;
  if (statementMs !== undefined) postgresStatementTimeoutMs.set(store, statementMs);
  return store;
}

/**
 * A schema with tables but no Narrascope store belongs to another application: leave it alone, as a
 * SQLite database that is not ours is left alone (checkOurs). The migrations created their twenty tables
 * beside the application's, or, where a name was taken (`documents`), failed half-way with "schema
 * migration 0001-core failed ... This is a bug in Narrascope".
 */
async function refuseForeignSchema(client: pg.PoolClient, schema: string | undefined, location: string): Promise<void> {
  const ours = await client.query<{ t: string | null }>(`SELECT to_regclass('narrascope_migrations')::text AS t`);
  if (ours.rows[0]?.t) return;
  // Tables that belong to an extension (PostGIS puts spatial_ref_sys in public) are not an application's.
  const found = await client.query<{ name: string; tables: string }>(
    `SELECT s.name, (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = s.name AND c.relkind IN ('r', 'p')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')) AS tables
      FROM (SELECT coalesce($1::text, current_schema()) AS name) s`,
    [schema ?? null],
  );
  const row = found.rows[0];
  if (row && Number(row.tables) > 0) {
    throw new StoreError(
      'corrupt',
      `the schema "${row.name}" of ${location} holds ${row.tables} table(s) of another application and no Narrascope store`,
      'Give Narrascope a schema of its own: add ?schema=narrascope (or another new name) to the URL; it is created when absent. Narrascope does not write beside another application\'s tables.',
    );
  }
}

function makeStore(db: Kysely<StoreSchema>, caps: Capabilities, location: string, raw: Pick<Store, 'readColumn' | 'readRows' | 'insertRows' | 'insertValues'>): Store {
  return {
    db,
    caps,
    location,
    ...raw,
    async write(fn) {
      try {
        return await db.connection().execute(async (conn) => {
          await sql.raw(caps.beginWrite).execute(conn);
          try {
            const result = await fn(conn as Transaction<StoreSchema>);
            await sql.raw('COMMIT').execute(conn);
            return result;
          } catch (e) {
            await sql.raw('ROLLBACK').execute(conn).catch(() => undefined);
            throw e;
          }
        });
      } catch (e) {
        throw translateError(e, location);
      }
    },
    close: () => db.destroy(),
  };
}

/** Maps driver errors to StoreErrors a user can act on; other errors pass through unchanged. */
export function translateError(e: unknown, location: string): unknown {
  if (e instanceof StoreError) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = (e as Error).message ?? String(e);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreError('corrupt', `${location} is not a usable SQLite database (${message})`, 'Check the --db path. Narrascope never overwrites an existing file; restore it from a backup or choose a new path.', { cause: e });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError('locked', `${location} is locked by another process (${message})`, 'Wait for the other narrascope process to finish, or stop it, then run again.', { cause: e });
  }
  // Extended codes too: SQLITE_READONLY_DIRECTORY, SQLITE_READONLY_CANTINIT, SQLITE_CANTOPEN_ISDIR, ...
  if (code.startsWith('SQLITE_READONLY')) {
    return new StoreError(
      'unreachable',
      `cannot use ${location}: it or its folder is read-only for this user (${message})`,
      'SQLite writes its journal files (-wal, -shm) beside the store, even to read it: make the folder and the file writable for this user, or copy the store to a folder that is.',
      { cause: e },
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') {
    return new StoreError('unreachable', `cannot open ${location} (${message})`, 'Check that the folder exists and is writable.', { cause: e });
  }
  if (code === 'SQLITE_FULL') {
    return new StoreError('unreachable', `cannot write ${location}: the disk is full (${message})`, 'Free some space on its disk (SQLite also needs room for its -wal journal beside the store), then run again; nothing was half-written.', { cause: e });
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError('unreachable', `cannot read or write ${location} (${message})`, 'The file system refused a read or write: check the disk and that the file is not on a failing or disconnected drive, then run again.', { cause: e });
  }
  // better-sqlite3 checks the folder itself and throws a plain TypeError.
  if (/directory does not exist/iu.test(message)) {
    return new StoreError('unreachable', `cannot create ${location}: its folder does not exist`, 'Create the folder first, or pass another --db.', { cause: e });
  }
  return postgresStoreError(e, location) ?? e;
}
