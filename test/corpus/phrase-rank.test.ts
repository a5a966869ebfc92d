/**
 * Search scores a one-phrase query itself (phrase-rank.ts) instead of calling FTS5's bm25(), which would
 * re-run the phrase over the whole index. The scores must be FTS5's own, to the bit: this compares them
 * on texts that exercise what FTS5 counts — overlapping instances, the title column, case, punctuation
 * between the words, folded diacritics, numbers and document lengths.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIdList } from '../../src/corpus/id-set.js';
import { rankPhrase } from '../../src/corpus/phrase-rank.js';
import { openStore, type Store } from '../../src/store/index.js';

const DOCS: [string | null, string][] = [
  [null, 'The grain convoy left the harbour.'],
  ['Grain convoy', 'A second grain convoy, then another grain convoy.'],
  [null, 'grain grain grain grain and nothing else'],
  [null, 'GRAIN—CONVOY: the words with a dash and capitals; grain... convoy with dots.'],
  ['Café crème', 'Le café crème et le cafe creme, deux fois.'],
  [null, 'Convoy grain is the wrong order; grainconvoy is one word; grain 2 convoy is not adjacent.'],
  [null, `${'filler '.repeat(200)}grain convoy at the end of a long text`],
  [null, 'The 2024 budget: 2024 budget cuts, again the 2024 budget.'],
  [null, 'nothing relevant here at all'],
];

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-phrase-rank-'));
  store = await openStore(join(dir, 'p.db'));
  await store.write(async (trx) => {
    for (const [i, [title, text]] of DOCS.entries()) {
      await trx
        .insertInto('documents')
        .values({ hash: `h${i}`, title, text, language: 'en', outlet_id: null, author: null, url: null, published_at: null, published_week: null, source_kind: 'test', source_json: '{}', length: text.length, minhash: null, current_analysis_id: null, ingested_at: '2024-07-01' })
        .execute();
    }
  });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('rankPhrase', () => {
  it.each([['grain convoy'], ['grain grain'], ['cafe creme'], ['café crème'], ['2024 budget'], ['the grain convoy']])('gives FTS5 bm25 scores for "%s", bit for bit', (phrase) => {
    const read = store.readColumn as NonNullable<Store['readColumn']>;
    const rows = store.readRows as NonNullable<Store['readRows']>;
    const fts5 = `"${phrase}"`;
    const ids = parseIdList(read('WITH ids(x) AS (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?) SELECT group_concat(x) FROM ids', [fts5])[0] as string | null);
    expect(ids.length).toBeGreaterThan(0);
    const expected = new Map(rows('SELECT rowid, -bm25(documents_fts) FROM documents_fts WHERE documents_fts MATCH ?', [fts5]).map(([id, s]) => [Number(id), Number(s)]));
    const ours = rankPhrase(read, rows, phrase.split(' '), ids, ids.length);
    expect(ours.length).toBe(expected.size);
    for (const { id, score } of ours) expect(score).toBe(expected.get(id));
  });

  it('scores a subset of the matches with the statistics of all of them', () => {
    const read = store.readColumn as NonNullable<Store['readColumn']>;
    const rows = store.readRows as NonNullable<Store['readRows']>;
    const ids = parseIdList(read('WITH ids(x) AS (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?) SELECT group_concat(x) FROM ids', ['"grain convoy"'])[0] as string | null);
    const all = rankPhrase(read, rows, ['grain', 'convoy'], ids, ids.length);
    const last = rankPhrase(read, rows, ['grain', 'convoy'], ids.subarray(ids.length - 2), ids.length);
    expect(last).toEqual(all.filter((h) => ids.subarray(ids.length - 2).includes(h.id)));
  });
});
