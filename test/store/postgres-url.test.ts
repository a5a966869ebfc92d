/**
 * PostgreSQL store URLs (src/store/postgres-url.ts): what is wrong with the URL itself is found before
 * connecting, and the CLI says so as a usage error (exit 2); it was a store error (exit 4), or, for a
 * pg_ or keyword schema, the server's error shown as an internal one.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore, parsePostgresUrl, schemaNameProblem } from '../../src/store/index.js';
import { runCli } from '../cli/run-cli.js';
import { PG_BASE, postgresReachable } from './dialects.js';

describe('parsePostgresUrl', () => {
  it('takes the schema out of the connection string', () => {
    expect(parsePostgresUrl('postgres://u:p@h:5433/db?schema=team_a&sslmode=disable')).toEqual({
      connectionString: 'postgres://u:p@h:5433/db?sslmode=disable',
      schema: 'team_a',
    });
    expect(parsePostgresUrl('postgresql://u@h/db')).toEqual({
      connectionString: 'postgresql://u@h/db',
      schema: undefined,
    });
  });

  it.each([
    ['bad-name;drop', /not one Narrascope uses/u],
    ['Team', /not one Narrascope uses/u],
    ['9lives', /not one Narrascope uses/u],
    ['', /not one Narrascope uses/u],
    ['a'.repeat(64), /not one Narrascope uses/u],
    ['pg_x', /PostgreSQL's own/u],
    ['pg_catalog', /PostgreSQL's own/u],
    ['information_schema', /PostgreSQL's own/u],
  ])('refuses the schema %j', (schema, message) => {
    expect(schemaNameProblem(schema)).toMatch(message);
    expect(() => parsePostgresUrl(`postgres://u@h/db?schema=${encodeURIComponent(schema)}`)).toThrow(
      expect.objectContaining({ kind: 'bad-url' }),
    );
  });

  it('refuses a URL that does not parse, or names two schemas, without showing the password', () => {
    expect(() => parsePostgresUrl('postgres://u:secret@[bad/db')).toThrow(
      /cannot parse the database URL "postgres:\/\/u:\*\*\*@\[bad\/db"/u,
    );
    expect(() => parsePostgresUrl('postgres://u@h/db?schema=a&schema=b')).toThrow(/names 2 schemas/u);
  });

  it('a pg_ schema is refused by openStore before connecting (the server said "unacceptable schema name", an internal error)', async () => {
    await expect(openStore('postgres://nobody@127.0.0.1:1/none?schema=pg_x')).rejects.toMatchObject({
      kind: 'bad-url',
    });
  });
});

describe('the CLI', () => {
  it.each([['search', 'water'], ['stats'], ['export', 'csv', '--corpus']])(
    '%s: a bad schema name in --db is a usage error, exit 2, before connecting (it was exit 4)',
    async (...argv) => {
      // Port 1: nothing listens, so a connection attempt would be a store error (exit 4).
      const r = await runCli([...argv, '--db', 'postgres://root@127.0.0.1:1/test?schema=bad-name;drop']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--db: the schema name "bad-name;drop" is not one Narrascope uses/u);
    },
  );

  it('ingest: $NARRASCOPE_DB with a system schema is a usage error naming the variable; nothing is read', async () => {
    const r = await runCli(['ingest', '-'], {
      stdin: 'Myth: a. Fact: b.',
      env: { NARRASCOPE_DB: 'postgres://root@127.0.0.1:1/test?schema=information_schema' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\$NARRASCOPE_DB: the schema name "information_schema" is PostgreSQL's own/u);
  });
});

describe('a schema named by an SQL keyword', () => {
  it('is created and used (it was a syntax error, reported as an internal error)', async (ctx) => {
    if (!(await postgresReachable())) return ctx.skip();
    // A reserved keyword no other test uses; the name is quoted wherever Narrascope writes it.
    const schema = 'asymmetric';
    const client = new pg.Client({ connectionString: PG_BASE });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      const store = await openStore(`${PG_BASE}?schema=${schema}`);
      await store.write((trx) => trx.insertInto('outlets').values({ name: 'Example Daily' }).execute());
      await store.close();
      const rows = await client.query(`SELECT name FROM "${schema}".outlets`);
      expect(rows.rows).toEqual([{ name: 'Example Daily' }]);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });
});
