/**
 * Search folds case the same way on both stores, in every script: the entity filter "ÉLYSÉE" finds "Élysée"
 * and "київ" finds "Київ" (SQLite's lower() folds ASCII only), and the query "İstanbul" finds "İstanbul"
 * and "istanbul" (JavaScript lower-cases İ to i plus a combining dot, which split the word in two).
 * PostgreSQL is skipped when it cannot be reached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search, type SearchQuery } from '../../src/corpus/search.js';
import { entityNameKey, openStore, type Store } from '../../src/store/index.js';
import { postgresDb, postgresReachable, sqliteDb, type TestDb } from '../store/dialects.js';

const reachable = await postgresReachable();
const dbs: TestDb[] = [];
const stores: [string, Store][] = [];

/** Our own short texts and the entity each names. */
const DOCS: [string, string][] = [
  ['The summit in İstanbul ended without a statement.', 'Élysée'],
  ['Talks in istanbul resumed on Monday.', 'Київ'],
  ['Grain prices fell in ISTANBUL markets.', 'NATO'],
  ['The harbour reopened after the storm.', 'Straße'],
];

async function fill(store: Store): Promise<void> {
  await store.write(async (trx) => {
    await trx.insertInto('outlets').values({ name: 'Wire' }).execute();
    for (const [i, [text, entity]] of DOCS.entries()) {
      const [row] = await trx
        .insertInto('documents')
        .values({ hash: `u${i}`, title: null, text, language: 'en', outlet_id: 1, author: null, url: null, published_at: `2024-01-1${i}`, published_week: null, source_kind: 'test', source_json: '{}', length: text.length, minhash: null, current_analysis_id: null, ingested_at: '2024-07-01' })
        .returning('id')
        .execute();
      await trx.insertInto('entities').values({ document_id: Number(row?.id), analysis_id: 0, entity_key: entityNameKey(entity), name: entity, name_key: entityNameKey(entity), type: 'place', main_role: null, fine_roles_json: '[]', mentions: 1 }).execute();
    }
  });
}

beforeAll(async () => {
  dbs.push(sqliteDb());
  if (reachable) dbs.push(postgresDb());
  for (const db of dbs) {
    const store = await openStore(db.url);
    await fill(store);
    stores.push([db.url.startsWith('postgres') ? 'PostgreSQL' : 'SQLite', store]);
  }
});

afterAll(async () => {
  for (const [, s] of stores) await s.close();
  for (const d of dbs) await d.cleanup();
});

const texts = async (store: Store, q: SearchQuery): Promise<string[]> =>
  (await search(store, { ...q, limit: 50 })).hits.map((h) => DOCS.findIndex(([t]) => h.snippet.includes(t.slice(0, 12))).toString()).sort();

describe('search folds case in every script, on both stores', () => {
  it.each([
    ['ÉLYSÉE', ['0']],
    ['élysée', ['0']],
    ['київ', ['1']],
    ['КИЇВ', ['1']],
    ['nato', ['2']],
  ])('the entity filter %s', async (entity, expected) => {
    if (!reachable) console.warn('[skip] PostgreSQL not reachable: only SQLite is checked.');
    for (const [name, store] of stores) expect(await texts(store, { entities: [entity] }), name).toEqual(expected);
  });

  it.each(['İstanbul', 'istanbul', 'ISTANBUL', '"summit in İstanbul"'])('the query %s', async (text) => {
    const expected = text.startsWith('"') ? ['0'] : ['0', '1', '2'];
    for (const [name, store] of stores) expect(await texts(store, { text }), name).toEqual(expected);
  });
});
