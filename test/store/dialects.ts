/**
 * The two databases every store test runs against: a fresh SQLite file, and a fresh schema in the local
 * PostgreSQL (dropped afterwards). PostgreSQL is skipped with a notice when unreachable (CI has one).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const PG_BASE = process.env.NARRASCOPE_TEST_PG ?? 'postgres://root@127.0.0.1:5432/test';

let reachable: boolean | null = null;
export async function postgresReachable(): Promise<boolean> {
  if (reachable !== null) return reachable;
  const client = new pg.Client({ connectionString: PG_BASE, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    reachable = true;
  } catch {
    reachable = false;
    console.warn(`[skip] PostgreSQL not reachable at ${PG_BASE}: PostgreSQL store tests are skipped (they run in CI).`);
  }
  return reachable;
}

export interface TestDb {
  readonly url: string;
  cleanup(): Promise<void>;
}

export function sqliteDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'narrascope-store-'));
  return { url: join(dir, 'test.db'), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

export function postgresDb(): TestDb {
  const schema = `ns_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  return {
    url: `${PG_BASE}?schema=${schema}`,
    async cleanup() {
      const client = new pg.Client({ connectionString: PG_BASE });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** [name, factory] pairs for describe.each; PostgreSQL only when reachable. */
export async function dialects(): Promise<[string, () => TestDb][]> {
  const out: [string, () => TestDb][] = [['sqlite', sqliteDb]];
  if (await postgresReachable()) out.push(['postgres', postgresDb]);
  return out;
}
