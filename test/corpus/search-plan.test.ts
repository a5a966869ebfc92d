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
import { weekOf } from '../../src/store/repositories/rows.js';

const WORDS = ['harbour', 'grain', 'convoy', 'sanctions', 'bridge', 'protest', 'ministry', 'pipeline', 'election', 'drone'];
const TECHNIQUES = ['Doubt', 'Loaded_Language', 'Flag_Waving'];
let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-search-plan-'));
  store = await openStore(join(dir, 's.db'));
  await store.write(async (trx) => {
    for (const name of ['North Post', 'South Wire', 'East Herald']) await trx.insertInto('outlets').values({ name }).execute();
    for (let i = 0; i < 90; i++) {
      // Each document repeats a few words a varying number of times, so BM25 scores differ.
      const words = [0, 1, 3].map((k) => WORDS[(i + k) % WORDS.length] as string);
      const text = words.map((w, k) => `${w} `.repeat(1 + ((i + k) % 4))).join('report ') + `number ${i}`;
      const day = i % 7 === 0 ? null : `2024-0${1 + (i % 6)}-1${i % 10}`;
      const [row] = await trx
        .insertInto('documents')
        .values({ hash: `h${i}`, title: null, text, language: i % 3 ? 'en' : 'de', outlet_id: 1 + (i % 3), author: null, url: null, published_at: day, published_week: day ? weekOf(day) : null, source_kind: 'test', source_json: '{}', length: text.length, minhash: null, current_analysis_id: null, ingested_at: '2024-07-01' })
        .returning('id')
        .execute();
      const id = Number(row?.id);
      if (i % 2) await trx.insertInto('document_techniques').values({ document_id: id, technique: TECHNIQUES[i % 3] as string, count: 1 }).execute();
      await trx.insertInto('narratives').values({ document_id: id, analysis_id: 0, taxonomy: 't', label: i % 4 ? `T: Coarse ${i % 2}: fine ${i % 5}` : 'T: Other', level: 'fine', score: 0.5 }).execute();
      if (i % 5 === 0) await trx.insertInto('entities').values({ document_id: id, analysis_id: 0, entity_key: i % 2 ? 'nato' : 'kyiv', name: i % 2 ? 'NATO' : 'Kyiv', type: 'organisation', main_role: null, fine_roles_json: '[]', mentions: 1 }).execute();
      if (i % 6 === 0) await trx.insertInto('ledger_items').values({ document_id: id, analysis_id: 0, item_key: 'r1', item_index: '1', format: 'myth-fact', claim: 'c', claim_start: 0, claim_end: 1, attributed_to: null, motive: null, rebuttal: 'r', verdict: null, verdict_original: null, evidence_count: 0, evidence_summary: '', partial: 0, flags_json: '[]' }).execute();
    }
  });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const queries: SearchQuery[] = [
  { text: 'grain' },
  { text: 'grain convoy' },
  { text: '"grain grain"' },
  { text: 'bridge OR drone' },
  { text: 'harbour -sanctions' },
  { text: 'grain', outlets: ['South Wire'] },
  { text: 'convoy', from: '2024-02-01', to: '2024-04-30' },
  { text: 'protest', languages: ['de'] },
  { text: 'pipeline', techniques: ['Doubt', 'Flag_Waving'] },
  { text: 'election', narratives: ['T: Coarse 1'] },
  { text: 'protest', entities: ['nato'] },
  { text: 'ministry', hasLedger: true },
  { text: 'ministry', hasLedger: false },
  { outlets: ['North Post'], languages: ['de'] },
  { hasLedger: false },
  { narratives: ['T: Coarse 0: fine 2'], from: '2024-03-01' },
  { text: 'report', limit: 7, offset: 5 },
  { limit: 10, offset: 30 },
];

describe('SQLite id-set search agrees with the database-joined search', () => {
  it.each(queries.map((q) => [JSON.stringify(q), q] as const))('%s', async (_name, q) => {
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
