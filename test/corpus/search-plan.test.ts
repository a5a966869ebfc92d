/**
 * SQLite search reads each condition as an id set and intersects them in memory (search-sqlite.ts); the
 * generic path (PostgreSQL's) lets the database join. Both must find the same documents: this runs every
 * query through both on one SQLite store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search, type SearchQuery } from '../../src/corpus/search.js';
import { byDate, planSqliteSearch } from '../../src/corpus/search-sqlite.js';
import { openStore, type Store } from '../../src/store/index.js';
import { fillSearchFixture, SEARCH_QUERIES } from './search-fixture.js';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-search-plan-'));
  store = await openStore(join(dir, 's.db'));
  await fillSearchFixture(store);
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});


describe('SQLite id-set search agrees with the database-joined search', () => {
  it.each(SEARCH_QUERIES.map((q) => [JSON.stringify(q), q] as const))('%s', async (_name, q) => {
    const generic: Store = { ...store, readColumn: null, readRows: null };
    const [a, b] = [await search(store, q), await search(generic, q)];
    expect(b.total).toBeGreaterThan(0); // every query finds something, so the comparison means something
    expect(a.total).toBe(b.total);
    expect(a.order).toBe(b.order);
    // Same documents in the same order (relevance ties are broken by newest id on both paths).
    expect(a.hits.map((h) => h.id)).toEqual(b.hits.map((h) => h.id));
    expect(a.facets).toEqual(b.facets);
  });

  it.each([
    { text: 'grain' },
    { text: 'report', limit: 7, offset: 3 },
    { text: 'report', limit: 10, offset: 40 },
    { text: 'grain', outlets: ['South Wire'] },
    { text: '"grain grain"' },
  ] as SearchQuery[])('the database-joined path ranks the same window of recent matches as the id-set path: %j', async (q) => {
    const generic: Store = { ...store, readColumn: null, readRows: null };
    const [a, b] = [await search(store, q, { rankWindow: 5 }), await search(generic, q, { rankWindow: 5 })];
    expect(b.order).toBe('relevance-recent');
    expect(a.order).toBe(b.order);
    expect(b.hits.length).toBeGreaterThan(0);
    expect(a.hits.map((h) => [h.id, h.score === null])).toEqual(b.hits.map((h) => [h.id, h.score === null]));
    expect(a.total).toBe(b.total);
  });

  it('ranks only the most recent matches when there are more than the window, then lists older ones newest first', () => {
    const read = store.readColumn as NonNullable<Store['readColumn']>;
    const rows = store.readRows as NonNullable<Store['readRows']>;
    const all = planSqliteSearch(read, rows, { text: 'grain' }, '"grain"', { limit: 100, offset: 0 }, 1000);
    const windowed = planSqliteSearch(read, rows, { text: 'grain' }, '"grain"', { limit: 100, offset: 0 }, 5);
    expect(all.order).toBe('relevance');
    expect(windowed.order).toBe('relevance-recent');
    expect(windowed.matched).toEqual(all.matched);
    const newest5 = Array.from(all.matched.slice(-5));
    const ranked = windowed.page.slice(0, 5);
    expect(ranked.map((h) => h.id).sort((x, y) => x - y)).toEqual(newest5);
    // Within the window, the same relative order as the full ranking.
    expect(ranked.map((h) => h.id)).toEqual(all.page.filter((h) => newest5.includes(h.id)).map((h) => h.id));
    const rest = windowed.page.slice(5).map((h) => h.id);
    expect(rest).toEqual(Array.from(all.matched.slice(0, -5)).reverse());
    expect(rest.length + 5).toBe(windowed.matched.length);
  });

  it('orders by date the same way when walking the date index as when sorting in memory', () => {
    const read = store.readColumn as NonNullable<Store['readColumn']>;
    const rows = store.readRows as NonNullable<Store['readRows']>;
    const all = Int32Array.from(read('SELECT id FROM documents ORDER BY id', []) as number[]);
    const inRange = Int32Array.from(read("SELECT id FROM documents WHERE published_at >= '2024-02-01' AND published_at <= '2024-03-31T99' ORDER BY id", []) as number[]);
    const cases: [Int32Array, { from: string | null; to: string | null }][] = [
      [all, { from: null, to: null }],
      [all.filter((id) => id % 3 === 0), { from: null, to: null }],
      // Matches bunched among the oldest documents: the walk must widen until it finds them.
      [all.filter((id) => id < 12), { from: null, to: null }],
      [Int32Array.from(read("SELECT id FROM documents WHERE published_at < '2024-04' OR published_at IS NULL ORDER BY id", []) as number[]), { from: null, to: null }],
      [inRange, { from: '2024-02-01', to: '2024-03-31T99' }],
    ];
    for (const [matched, dates] of cases) {
      for (const [from, to] of [[0, 10], [5, 25], [0, 200]] as const) {
        const sorted = byDate(read, rows, matched, from, to, dates, { sortLimit: Infinity, minRead: 0 });
        expect(sorted.length).toBe(Math.max(0, Math.min(to, matched.length) - from));
        expect(byDate(read, rows, matched, from, to, dates, { sortLimit: 0, minRead: 1 })).toEqual(sorted);
      }
    }
  });
});
