/**
 * The migration runner tells the caller before each step it applies to an existing store (a newer
 * Narrascope opening an older store: a step may rewrite a large table), and says nothing while creating a
 * new store. Runs on SQLite; the runner is the same code on PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import type { Migration } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/index.js';
import { storeUpgradeNotice } from '../../src/cli/store-upgrade-notice.js';
import { sqliteDb } from './dialects.js';

const db = sqliteDb();
afterAll(() => db.cleanup());

const step = (id: string, cost?: Migration['cost']): Migration => ({
  id,
  description: `creates table ${id.replace(/-/gu, '_')}`,
  ...(cost ? { cost } : {}),
  async up(trx) {
    await sql`CREATE TABLE ${sql.raw(`t_${id.replace(/-/gu, '_')}`)} (x integer)`.execute(trx);
  },
});

describe('migration upgrade notice', () => {
  it('is silent while creating a store, then names each step applied to it later, with its cost on this database', async () => {
    const store = await openStore(db.url);
    const k = store.db as unknown as Kysely<unknown>;
    const write = <T>(fn: (trx: Kysely<unknown>) => Promise<T>): Promise<T> => store.write((trx) => fn(trx as unknown as Kysely<unknown>));
    const told: string[] = [];
    const tell = (s: { id: string; cost?: string }): void => void told.push(`${s.id}${s.cost ? `: ${s.cost}` : ''}`);
    // The built-in steps ran when the store was opened, without a notice (no onUpgrade given, and none is due).
    const first = [step('9001-a')];
    const second = [...first, step('9002-b', { sqlite: 'slow here', postgres: 'slow there' }), step('9003-c', { postgres: 'slow there only' })];
    const builtin = (await import('../../src/store/migrations/index.js')).migrations;
    expect(await migrate(k, store.caps, write, [...builtin, ...first], tell)).toEqual(['9001-a']);
    expect(await migrate(k, store.caps, write, [...builtin, ...second], tell)).toEqual(['9002-b', '9003-c']);
    expect(told).toEqual(['9001-a', '9002-b: slow here', '9003-c']);
    await store.close();
  });

  it('is silent for a new store', async () => {
    const fresh = sqliteDb();
    const told: string[] = [];
    const store = await openStore(fresh.url, { onUpgrade: (s) => told.push(s.id) });
    expect(told).toEqual([]);
    await store.close();
    await fresh.cleanup();
  });

  it('prints one line on stderr in the CLI', () => {
    const out: string[] = [];
    storeUpgradeNotice({ stderr: { write: (s: string) => out.push(s) } as never })({ id: '0007-phrase-pairs', description: 'pairs', cost: 'about a minute' });
    expect(out).toEqual(["narrascope: upgrading the store's schema: 0007-phrase-pairs (pairs) — about a minute\n"]);
  });
});
