/**
 * The selection behind `export --corpus` (src/corpus/selection.ts) on SQLite and PostgreSQL: the same
 * documents as search finds for every query of the search fixture, and stored analyses read back in
 * batches, in order, with analysts' dismissals taken out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyzer.js';
import { search } from '../../src/corpus/search.js';
import { selectDocumentIds, storedResults, type StoredResultsBatch } from '../../src/corpus/selection.js';
import { createDocument } from '../../src/core/text/document.js';
import { addDismissal, openStore, saveAnalysedDocument, type Store } from '../../src/store/index.js';
import { dialects } from '../store/dialects.js';
import { fillSearchFixture, SEARCH_QUERIES } from './search-fixture.js';

const analyzer = createAnalyzer({ identifyLanguage: false });
const TEXTS = [
  'Myth: The new ferry line is a secret military route.\n\nFact: The ferry timetable and cargo lists are published every week by the port.',
  'The shameful, corrupt council wasted millions on a useless tram that nobody will ever ride.',
  'Farmers said the apple harvest was the largest in ten years, according to the cooperative.',
  'Critics claim the reservoir is poisoned. Engineers from the water board tested it twice and found it clean.',
  'The disgraceful plan is a betrayal of every family in the valley, the opposition said.',
];

async function collect(batches: AsyncGenerator<StoredResultsBatch>): Promise<StoredResultsBatch[]> {
  const out: StoredResultsBatch[] = [];
  for await (const b of batches) out.push(b);
  return out;
}

describe.each(await dialects())('corpus selection on %s', (_name, make) => {
  const searchDb = make();
  const analysedDb = make();
  let fixture: Store;
  let store: Store;
  const hashes: string[] = [];

  beforeAll(async () => {
    fixture = await openStore(searchDb.url);
    await fillSearchFixture(fixture);
    store = await openStore(analysedDb.url);
    for (const [i, text] of TEXTS.entries()) {
      const doc = createDocument({ text, title: `Doc ${i}`, source: { kind: 'jsonl', outlet: i % 2 ? 'Odd Desk' : 'Even Desk', publishedAt: `2024-0${i + 1}-01` }, language: 'en' });
      hashes.push(doc.hash);
      await saveAnalysedDocument(store, doc, await analyzer.analyze(doc));
    }
  });
  afterAll(async () => {
    await fixture?.close();
    await store?.close();
    await searchDb.cleanup();
    await analysedDb.cleanup();
  });

  it.each(SEARCH_QUERIES.map((q) => [JSON.stringify(q), q] as const))('selects what search finds: %s', async (_n, q) => {
    const { limit: _l, offset: _o, ...filters } = q;
    const all = await search(fixture, { ...filters, limit: 1000, offset: 0, facets: false, exactTotal: true });
    const ids = await selectDocumentIds(fixture, filters);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(all.hits.map((h) => h.id).sort((a, b) => a - b));
    // --limit: the most recently ingested of them, oldest first.
    expect(await selectDocumentIds(fixture, filters, 3)).toEqual(ids.slice(-3));
  });

  it('selects nothing for a query without a searchable word', async () => {
    expect(await selectDocumentIds(fixture, { text: '-grain' })).toEqual([]);
  });

  it('reads the stored analyses in batches, in the order asked, and counts documents without one', async () => {
    const ids = await selectDocumentIds(store, {});
    expect(ids).toHaveLength(TEXTS.length);
    const asked = [...ids].reverse().concat([999_999]);
    const batches = await collect(storedResults(store, asked, { batchSize: 2 }));
    expect(batches.map((b) => b.results.length)).toEqual([2, 2, 1]);
    expect(batches.flatMap((b) => b.results.map((r) => r.document.hash))).toEqual([...hashes].reverse());
    expect(batches.reduce((n, b) => n + b.missing, 0)).toBe(1);
    const first = batches.at(-1)?.results[0];
    expect(first?.document.text).toBe(TEXTS[0]);
    expect(first?.document.source.outlet).toBe('Even Desk');
  });

  it('takes out the findings analysts dismissed, and recounts the technique profile', async () => {
    const ids = await selectDocumentIds(store, { text: 'shameful corrupt' });
    expect(ids).toHaveLength(1);
    const [before] = (await collect(storedResults(store, ids))).flatMap((b) => b.results);
    const target = before?.findings.find((f) => f.family === 'technique' && typeof f.data.technique === 'string');
    if (!before || !target) throw new Error('expected a technique finding in the loaded-language text');
    await addDismissal(store, { documentHash: before.document.hash, detector: target.detector, messageId: target.messageId, quote: target.span.text, start: target.span.start, end: target.span.end, author: 'analyst', reason: 'not loaded here' });
    const [batch] = await collect(storedResults(store, ids));
    const after = batch?.results[0];
    expect(batch?.dismissed).toBe(1);
    expect(after?.findings.map((f) => f.id)).toEqual(before.findings.filter((f) => f.id !== target.id).map((f) => f.id));
    const technique = target.data.technique as string;
    const countOf = (r: typeof before | undefined): number => r?.techniques.profile.find((p) => p.technique === technique)?.count ?? 0;
    expect(countOf(after)).toBe(countOf(before) - 1);
    const kept = (await collect(storedResults(store, ids, { keepDismissed: true })))[0];
    expect(kept?.dismissed).toBe(0);
    expect(kept?.results[0]?.findings).toHaveLength(before.findings.length);
  });
});
