import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openStore, StoreError } from '../../src/store/index.js';
import { PG_BASE, postgresReachable } from './dialects.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function kindOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(StoreError);
  return (e as StoreError).kind;
}

describe('opening SQLite stores that are not usable', () => {
  it('refuses a file that is not a database and leaves it untouched', async () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
    const before = readFileSync(file);
    expect(await kindOf(openStore(file))).toBe('corrupt');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a SQLite database that belongs to another program', async () => {
    const file = join(dir, 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    other.close();
    expect(await kindOf(openStore(file))).toBe('corrupt');
  });

  it('says so when a read command finds no store, without creating one', async () => {
    const file = join(dir, 'missing.db');
    expect(await kindOf(openStore(file, { create: false }))).toBe('missing');
    expect(existsSync(file)).toBe(false);
  });

  it('does not turn an empty file into a store when a read command opens it', async () => {
    const file = join(dir, 'empty.txt');
    writeFileSync(file, '');
    expect(await kindOf(openStore(file, { create: false }))).toBe('missing');
    expect(readFileSync(file).length).toBe(0);
    await (await openStore(file)).close(); // a write command may still create the store there
  });

  it('reports a store whose write lock another process holds past the busy timeout (reads still work: WAL)', async () => {
    const file = join(dir, 'locked.db');
    await (await openStore(file)).close();
    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const store = await openStore(file, { busyTimeoutMs: 100 });
    try {
      expect(await kindOf(store.write((trx) => trx.insertInto('outlets').values({ name: 'x' }).execute()))).toBe('locked');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    await store.write((trx) => trx.insertInto('outlets').values({ name: 'x' }).execute());
    await store.close();
  });

  it('refuses a directory as a store', async () => {
    expect(await kindOf(openStore(dir))).toBe('bad-url');
  });
});

describe('PostgreSQL URLs', () => {
  it('reports an unreachable server as such', async () => {
    expect(await kindOf(openStore('postgres://nobody@127.0.0.1:1/none'))).toBe('unreachable');
  });
  it('a read command does not create a missing schema, and finds it once a write created it', async (ctx) => {
    if (!(await postgresReachable())) return ctx.skip();
    const schema = `ns_missing_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const url = `${PG_BASE}?schema=${schema}`;
    const client = new pg.Client({ connectionString: PG_BASE });
    await client.connect();
    try {
      expect(await kindOf(openStore(url, { create: false }))).toBe('missing');
      expect((await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount).toBe(0);
      await (await openStore(url)).close();
      await (await openStore(url, { create: false })).close();
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
  it('rejects an invalid schema name', async () => {
    expect(await kindOf(openStore('postgres://root@127.0.0.1:5432/test?schema=Robert%27);DROP'))).toBe('bad-url');
  });
});
