/**
 * A PostgreSQL schema that holds another application's tables and no Narrascope store is refused, as a
 * SQLite database that is not ours is: `ingest` into it created Narrascope's tables beside the
 * application's, or, where a name was taken (`documents`), failed with "schema migration 0001-core
 * failed ... This is a bug in Narrascope".
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { PG_BASE, postgresDb, postgresReachable, type TestDb } from './dialects.js';

const reachable = await postgresReachable();

let db: TestDb | undefined;
afterEach(async () => {
  await db?.cleanup();
  db = undefined;
});

async function inSchema(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_BASE });
  await client.connect();
  try {
    const schema = new URL(url).searchParams.get('schema') ?? 'public';
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`SET search_path = ${schema}`);
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function tables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: PG_BASE });
  await client.connect();
  try {
    const schema = new URL(url).searchParams.get('schema') ?? 'public';
    return (await client.query<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [schema])).rows.map((r) => r.t);
  } finally {
    await client.end();
  }
}

describe.skipIf(!reachable)('a schema of another application', () => {
  it.each([
    ['a table whose name Narrascope uses', 'CREATE TABLE documents (id int, body text)', ['documents']],
    ['other tables', 'CREATE TABLE invoices (id int); CREATE TABLE customers (id int)', ['customers', 'invoices']],
  ])('holding %s is refused and left as it was', async (_name, statement, before) => {
    db = postgresDb();
    await inSchema(db.url, statement);
    await expect(openStore(db.url)).rejects.toMatchObject({
      name: 'StoreError',
      kind: 'corrupt',
      message: expect.stringMatching(/of another application and no Narrascope store/u),
      hint: expect.stringMatching(/\?schema=/u),
    });
    expect(await tables(db.url)).toEqual(before);
  });

  it('an empty schema, and a store, open as before', async () => {
    db = postgresDb();
    await inSchema(db.url, 'SELECT 1');
    const store = await openStore(db.url);
    await store.close();
    const again = await openStore(db.url);
    await again.close();
    expect(await tables(db.url)).toContain('narrascope_migrations');
  });
});

describe.skipIf(!reachable)('a database whose public schema holds only an extension\'s tables (PostGIS: spatial_ref_sys)', () => {
  it('opens: those tables are not an application\'s', { timeout: 30_000 }, async () => {
    const name = `ns_ext_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: PG_BASE });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(PG_BASE);
      url.pathname = `/${name}`;
      const inside = new pg.Client({ connectionString: url.toString() });
      await inside.connect();
      try {
        await inside.query('CREATE EXTENSION seg');
        await inside.query('CREATE TABLE reference_grid (id int)');
        await inside.query('ALTER EXTENSION seg ADD TABLE reference_grid');
      } finally {
        await inside.end();
      }
      const store = await openStore(url.toString());
      await store.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
