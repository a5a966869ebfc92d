/**
 * PostgreSQL search (search-postgres.ts) against SQLite search (search-sqlite.ts) on the same documents:
 * the same matches, totals, window of ranked matches, older matches in the same order and facets, by both
 * of PostgreSQL's access paths for the words (walking the newest documents, the GIN index). Scores differ
 * (ts_rank against BM25), so the order inside the ranked window is not compared. Skipped without PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search, type SearchQuery, type SearchResult, type SearchTuning } from '../../src/corpus/search.js';
import { openStore, type Store } from '../../src/store/index.js';
import { postgresDb, postgresReachable, sqliteDb, type TestDb } from '../store/dialects.js';
import { fillSearchFixture, SEARCH_QUERIES } from './search-fixture.js';

const reachable = await postgresReachable();
let dbs: TestDb[] = [];
let lite: Store;
let pg: Store;

beforeAll(async () => {
  if (!reachable) return;
  dbs = [sqliteDb(), postgresDb()];
  lite = await openStore((dbs[0] as TestDb).url);
  pg = await openStore((dbs[1] as TestDb).url);
  await fillSearchFixture(lite);
  await fillSearchFixture(pg);
});

afterAll(async () => {
  await lite?.close();
  await pg?.close();
  for (const d of dbs) await d.cleanup();
});

/** The hits as the comparison sees them: ranked ones as a sorted set, then the unranked ones in order. */
function shape(r: SearchResult): { ranked: number[]; older: number[] } {
  return { ranked: r.hits.filter((h) => h.score !== null).map((h) => h.id).sort((x, y) => x - y), older: r.hits.filter((h) => h.score === null).map((h) => h.id) };
}

const paths: SearchTuning['path'][] = ['walk', 'gin', undefined];
const windows = [5, undefined];
const cases = SEARCH_QUERIES.flatMap((q) => paths.flatMap((path) => windows.map((rankWindow) => [JSON.stringify(q), path ?? 'cost model', rankWindow ?? 'default', q, { ...(path ? { path } : {}), ...(rankWindow ? { rankWindow } : {}) }] as const)));

describe.skipIf(!reachable)('PostgreSQL search finds what SQLite search finds', () => {
  it.each(cases)('%s (path %s, window %s)', async (_name, _path, _window, q: SearchQuery, tuning: SearchTuning) => {
    // Every match on one page, so that rankings by different scores still cover the same documents.
    const all = { ...q, limit: 1000, offset: 0 };
    const [a, b] = [await search(lite, all, tuning), await search(pg, all, tuning)];
    expect(b.total).toBeGreaterThan(0);
    expect(b.total).toBe(a.total);
    expect(b.totalExact).toBe(true);
    expect(b.order).toBe(a.order);
    expect(b.facets).toEqual(a.facets);
    expect(b.facetScope).toBe(a.facetScope);
    if (b.order === 'date') expect(b.hits.map((h) => h.id)).toEqual(a.hits.map((h) => h.id));
    else expect(shape(b)).toEqual(shape(a));
    // The requested page is that slice of the whole list, on PostgreSQL's own ranking.
    const page = await search(pg, q, tuning);
    const offset = q.offset ?? 0;
    expect(page.hits.map((h) => h.id)).toEqual(b.hits.slice(offset, offset + (q.limit ?? 20)).map((h) => h.id));
  });

  it('estimates totals above the exact-count limit, and counts them when asked', async () => {
    const q: SearchQuery = { text: 'report' };
    const exact = await search(lite, q);
    expect(exact.total).toBeGreaterThan(10);
    const estimated = await search(pg, q, { exactTotalLimit: 10 });
    expect(estimated.totalExact).toBe(false);
    // At least what it has seen (more than the limit), and PostgreSQL's estimate otherwise.
    expect(estimated.total).toBeGreaterThan(10);
    const counted = await search(pg, { ...q, exactTotal: true }, { exactTotalLimit: 10 });
    expect(counted).toMatchObject({ total: exact.total, totalExact: true });
    const few = await search(pg, { text: 'grain', outlets: ['South Wire'] }, { exactTotalLimit: 10 });
    expect(few.totalExact).toBe(few.total <= 10);
  });

  it('moves the ranking window when a document is added (its edge is cached per newest document)', async () => {
    const q: SearchQuery = { text: 'grain', limit: 1000 };
    const before = await search(pg, q, { rankWindow: 5 });
    expect(before.order).toBe('relevance-recent');
    for (const store of [lite, pg]) {
      await store.write((trx) =>
        trx.insertInto('documents').values({ hash: 'new', title: null, text: 'grain grain grain convoy', language: 'en', outlet_id: 1, author: null, url: null, published_at: '2024-08-01', published_week: null, source_kind: 'test', source_json: '{}', length: 24, minhash: null, current_analysis_id: null, ingested_at: '2024-08-01' }).execute(),
      );
    }
    const [a, b] = [await search(lite, q, { rankWindow: 5 }), await search(pg, q, { rankWindow: 5 })];
    expect(b.total).toBe(before.total + 1);
    expect(shape(b)).toEqual(shape(a));
    expect(shape(b).ranked).not.toEqual(shape(before).ranked);
  });
});
