/**
 * PostgreSQL time limits (src/store/postgres-pool.ts): a statement that runs too long, a server that stops
 * answering, a lock held by another session and a pool whose four connections are all in use each used to
 * make a command wait without end (or, for the full pool, read as "cannot connect" to a database that was
 * up). Each is now a StoreError a user can act on: `timeout`, `locked`, `busy`.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, parsePostgresUrl, type Store } from '../../src/store/index.js';
import { postgresDb, postgresReachable, type TestDb } from './dialects.js';
import { freezableRelay, throughRelay } from './freezable-relay.js';

const reachable = await postgresReachable();

describe('timeouts in the URL', () => {
  it('reads connect_timeout (seconds) and statement_timeout (ms) and keeps them out of the connection string', () => {
    expect(parsePostgresUrl('postgres://u@h/db?schema=a&connect_timeout=3&statement_timeout=2500&sslmode=disable')).toEqual({
      connectionString: 'postgres://u@h/db?sslmode=disable',
      schema: 'a',
      connectTimeoutMs: 3000,
      statementTimeoutMs: 2500,
    });
    expect(parsePostgresUrl('postgres://u@h/db?statement_timeout=0').statementTimeoutMs).toBe(0);
  });

  it.each(['-1', '1.5', 'ten', '', '99999999999', '3&connect_timeout=4'])('refuses connect_timeout=%s', (value) => {
    expect(() => parsePostgresUrl(`postgres://u@h/db?connect_timeout=${value}`)).toThrow(
      expect.objectContaining({ kind: 'bad-url' }),
    );
  });
});

let db: TestDb | undefined;
let store: Store | undefined;
const others: pg.Client[] = [];
afterEach(async () => {
  for (const c of others.splice(0)) await c.end().catch(() => undefined);
  await store?.close();
  store = undefined;
  await db?.cleanup();
  db = undefined;
});

/** A second session on the test database, in the store's schema. */
async function otherSession(url: string): Promise<pg.Client> {
  const schema = new URL(url).searchParams.get('schema') ?? 'public';
  const client = new pg.Client({ connectionString: url.replace(/\?.*$/u, ''), options: `-c search_path=${schema}` });
  await client.connect();
  others.push(client);
  return client;
}

describe.skipIf(!reachable)('on PostgreSQL', () => {
  it('migrates a new store whatever the statement timeout, then holds statements to it (timeout)', { timeout: 20_000 }, async () => {
    db = postgresDb();
    // 1 ms would cancel the migration's own statements if it applied to them.
    store = await openStore(`${db.url}&statement_timeout=300`);
    await expect(sql`SELECT pg_sleep(2)`.execute(store.db)).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/ran out of time/u),
    });
    // The connection was not lost: the store goes on.
    expect((await sql<{ n: number }>`SELECT 1 AS n`.execute(store.db)).rows).toEqual([{ n: 1 }]);
  });

  it('gives up a lock another session holds after the busy timeout (locked), where it waited without end', { timeout: 20_000 }, async () => {
    db = postgresDb();
    store = await openStore(db.url, { busyTimeoutMs: 300 });
    const other = await otherSession(db.url);
    await other.query('BEGIN');
    await other.query('LOCK TABLE documents IN ACCESS EXCLUSIVE MODE');
    await expect(store.db.selectFrom('documents').select('id').execute()).rejects.toMatchObject({ kind: 'locked' });
    await other.query('ROLLBACK');
    expect(await store.db.selectFrom('documents').select('id').execute()).toEqual([]);
  });

  it('says the pool is busy, not that the database cannot be reached, when all four connections stay in use', { timeout: 20_000 }, async () => {
    db = postgresDb();
    store = await openStore(`${db.url}&connect_timeout=1`);
    const s = store;
    let free: () => void = () => undefined;
    const held = new Promise<void>((done) => (free = done));
    let started = 0;
    const holders = Array.from({ length: 4 }, () =>
      s.db.connection().execute(async (c) => {
        await sql`SELECT 1`.execute(c);
        started++;
        await held;
      }),
    );
    while (started < 4) await new Promise((done) => setTimeout(done, 20));
    const error = await s.db.selectFrom('documents').select('id').execute().catch((e: unknown) => e);
    free();
    await Promise.all(holders);
    expect(error).toMatchObject({ kind: 'busy', message: expect.stringMatching(/in use/u) });
    expect((error as Error).message).not.toMatch(/cannot connect/u);
  });
});

describe.skipIf(!reachable)('a server that stops answering', () => {
  it('fails the statement (timeout) instead of waiting without end, gives the connection up, and recovers', { timeout: 30_000 }, async () => {
    db = postgresDb();
    const relay = await freezableRelay(new URL(db.url));
    try {
      store = await openStore(`${throughRelay(db.url, relay)}&statement_timeout=200&connect_timeout=2`);
      expect(await store.db.selectFrom('documents').select('id').execute()).toEqual([]);
      relay.freeze();
      await expect(store.db.selectFrom('documents').select('id').execute()).rejects.toMatchObject({
        kind: 'timeout',
        message: expect.stringMatching(/gave no answer within 5 s/u),
      });
      relay.thaw();
      // The silent connection is not handed out again: a new one answers.
      expect(await store.db.selectFrom('documents').select('id').execute()).toEqual([]);
    } finally {
      await store?.close();
      store = undefined;
      await relay.close();
    }
  });
});

describe.skipIf(!reachable)('a connection lost during a statement', () => {
  // pg's client emits 'error' besides failing the statement; with nobody listening while the connection
  // was checked out, that ended the process (a database restart during a request stopped `serve`).
  it('fails the statement (unreachable) and the process goes on', { timeout: 30_000 }, async () => {
    db = postgresDb();
    const relay = await freezableRelay(new URL(db.url));
    try {
      store = await openStore(throughRelay(db.url, relay));
      const running = sql`SELECT pg_sleep(3)`.execute(store.db).catch((e: unknown) => e);
      await new Promise((done) => setTimeout(done, 300));
      await relay.close();
      expect(await running).toMatchObject({ kind: 'unreachable' });
      await new Promise((done) => setTimeout(done, 100));
    } finally {
      await store?.close().catch(() => undefined);
      store = undefined;
    }
  });
});
