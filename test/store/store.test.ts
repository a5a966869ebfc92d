import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyzer.js';
import { linkCounterClaims, loadLedgerIndex, counterLinks } from '../../src/corpus/counter-links.js';
import { search } from '../../src/corpus/search.js';
import { addWatchEntries, loadWatchIndex, recordWatchMatches, watchReport } from '../../src/corpus/watch.js';
import { corpusStats, statsToCsv } from '../../src/corpus/stats.js';
import type { AnalysisResult, LedgerItem } from '../../src/core/result/types.js';
import { createDocument, type Document } from '../../src/core/text/document.js';
import { addDismissal, applyDismissals, countDocuments, getAnalysis, getDocument, listDismissals, listFailures, openStore, recordFailure, saveAnalysedDocument, StoreError, storedResultJson, type Store } from '../../src/store/index.js';
import { migrations } from '../../src/store/migrations/index.js';
import { dialects } from './dialects.js';

const analyzer = createAnalyzer({ identifyLanguage: false });

function span(text: string, part: string): { text: string; start: number; end: number } {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" not in text`);
  return { text: part, start, end: start + part.length };
}

function ledgerItem(doc: Document, claim: string, rebuttal: string): LedgerItem {
  return {
    id: 'r1',
    index: '1',
    format: 'myth-fact',
    claim: span(doc.text, claim),
    attributedTo: null,
    attributionScope: null,
    motive: null,
    rebuttal: span(doc.text, rebuttal),
    verdict: null,
    evidence: [],
    evidenceSummary: 'no source cited',
    partial: false,
    flags: [],
    span: span(doc.text, claim),
    findingIds: [],
  };
}

/** A real analysis with chosen parts replaced, so the test controls what the store receives. */
async function analyse(doc: Document, patch: Partial<AnalysisResult> = {}): Promise<AnalysisResult> {
  return { ...(await analyzer.analyze(doc)), ...patch };
}

const docs = {
  alpha: createDocument({
    text: 'Officials confirmed the new river bridge was secretly built to move tanks toward the border.\n\nThe ministry refused to comment on the budget.',
    title: 'Bridge for tanks',
    source: { kind: 'jsonl', outlet: 'Alpha Daily', publishedAt: '2024-03-04', uri: 'https://alpha.example/bridge' },
    language: 'en',
  }),
  beta: createDocument({
    text: 'Myth: The new river bridge was built to move tanks toward the border.\n\nFact: The bridge carries local traffic and its load limit is far below the weight of a tank.',
    title: 'Bridge myths',
    source: { kind: 'jsonl', outlet: 'Beta Checks', publishedAt: '2024-03-11' },
    language: 'en',
  }),
  gamma: createDocument({
    text: 'Farmers in the valley reported a record harvest of apples this autumn, the cooperative said.',
    source: { kind: 'jsonl', outlet: 'Gamma News', publishedAt: '2024-04-02' },
    language: 'de',
  }),
};

describe.each(await dialects())('store on %s', (_name, make) => {
  const db = make();
  let store: Store;

  beforeAll(async () => {
    store = await openStore(db.url);
  });
  afterAll(async () => {
    await store?.close();
    await db.cleanup();
  });

  it('applies every migration once, and reopening changes nothing', async () => {
    const rows = await sql<{ id: string }>`SELECT id FROM narrascope_migrations ORDER BY id`.execute(store.db);
    expect(rows.rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id).sort());
    const again = await openStore(db.url);
    const rows2 = await sql<{ id: string }>`SELECT id FROM narrascope_migrations`.execute(again.db);
    expect(rows2.rows).toHaveLength(migrations.length);
    await again.close();
  });

  it('stores a document once, keyed by content hash; --reanalyze replaces derived rows', async () => {
    const result = await analyse(docs.alpha, { narratives: [{ taxonomy: 'test', label: 'TEST: Bridges', level: 'coarse', score: 0.9, paragraphs: [0], support: [] }] });
    const first = await saveAnalysedDocument(store, docs.alpha, result);
    expect(first.status).toBe('inserted');
    const currentOf = async (): Promise<number> => Number((await store.db.selectFrom('documents').select('current_analysis_id').where('id', '=', first.documentId).executeTakeFirstOrThrow()).current_analysis_id);
    const onlyAnalysis = await store.db.selectFrom('analyses').select('id').where('document_id', '=', first.documentId).executeTakeFirstOrThrow();
    expect(await currentOf()).toBe(Number(onlyAnalysis.id));
    expect((await saveAnalysedDocument(store, docs.alpha, result)).status).toBe('unchanged');
    const again = await saveAnalysedDocument(store, docs.alpha, result, { reanalyze: true });
    expect(again).toEqual({ status: 'reanalysed', documentId: first.documentId });
    expect(await countDocuments(store.db)).toBe(1);
    const narratives = await store.db.selectFrom('narratives').select('label').where('document_id', '=', first.documentId).execute();
    expect(narratives.map((n) => n.label)).toEqual(['TEST: Bridges']);
    const analyses = await store.db.selectFrom('analyses').select('id').where('document_id', '=', first.documentId).orderBy('id').execute();
    expect(analyses).toHaveLength(2);
    // The document names its newest analysis (PostgreSQL draws that id as the document row is written).
    expect(await currentOf()).toBe(Number(analyses[1]?.id));
    const stored = await getDocument(store.db, docs.alpha.hash.slice(0, 10));
    expect(stored).toMatchObject({ hash: docs.alpha.hash, outlet: 'Alpha Daily', publishedAt: '2024-03-04', url: 'https://alpha.example/bridge', title: 'Bridge for tanks' });
    const back = await getAnalysis(store.db, first.documentId);
    expect(back?.document.text).toBe(docs.alpha.text);
    expect(back?.meta.configHash).toBe(result.meta.configHash);
  });

  it("stores a taxonomy's Other only when no taxonomy labels the document", async () => {
    const other = (taxonomy: string) => ({ taxonomy, label: 'Other', level: 'coarse' as const, score: 1, paragraphs: [], support: [] });
    const labelled = await analyse(docs.alpha, { narratives: [{ taxonomy: 'test', label: 'TEST: Bridges', level: 'coarse', score: 0.9, paragraphs: [0], support: [] }, { taxonomy: 'test', label: 'TEST: Bridges: Other', level: 'fine', score: 0.9, paragraphs: [0], support: [] }, other('second')] });
    const a = await saveAnalysedDocument(store, docs.alpha, labelled, { reanalyze: true });
    const rowsOf = async (id: number) => (await store.db.selectFrom('narratives').select(['taxonomy', 'label']).where('document_id', '=', id).execute()).map((n) => `${n.taxonomy}/${n.label}`).sort();
    expect(await rowsOf(a.documentId)).toEqual(['test/TEST: Bridges', 'test/TEST: Bridges: Other']);
    // The analysis itself keeps every taxonomy's answer.
    expect((await getAnalysis(store.db, a.documentId))?.narratives.map((n) => n.label)).toContain('Other');
    await saveAnalysedDocument(store, docs.alpha, await analyse(docs.alpha, { narratives: [other('test'), other('second')] }), { reanalyze: true });
    expect(await rowsOf(a.documentId)).toEqual(['second/Other', 'test/Other']);
    // Back to the labels the other tests expect.
    await saveAnalysedDocument(store, docs.alpha, await analyse(docs.alpha, { narratives: [{ taxonomy: 'test', label: 'TEST: Bridges', level: 'coarse', score: 0.9, paragraphs: [0], support: [] }] }), { reanalyze: true });
  });

  it('keeps results compressed, and still reads results stored as plain JSON before migration 0006', async () => {
    const [row] = await store.db.selectFrom('analyses').innerJoin('documents', 'documents.current_analysis_id', 'analyses.id').select(['analyses.id', 'analyses.document_id', 'result_json', 'result_packed']).where('documents.hash', '=', docs.alpha.hash).execute();
    if (!row) throw new Error('alpha was not stored');
    expect(row.result_json).toBe('');
    const json = storedResultJson(row);
    expect(row.result_packed?.byteLength).toBeLessThan(json.length / 2);
    const packed = await getAnalysis(store.db, row.document_id);
    // A row as written before the migration: the JSON in result_json, nothing in result_packed.
    await store.db.updateTable('analyses').set({ result_json: json, result_packed: null }).where('id', '=', row.id).execute();
    expect(await getAnalysis(store.db, row.document_id)).toEqual(packed);
    expect(packed?.document.text).toBe(docs.alpha.text);
  });

  it('rolls back a document whose transaction fails (nothing half-stored)', async () => {
    const result = await analyse(docs.gamma);
    await expect(
      saveAnalysedDocument(store, docs.gamma, result, {
        after: async () => {
          throw new Error('boom');
        },
      }),
    ).rejects.toThrow('boom');
    expect(await getDocument(store.db, docs.gamma.hash)).toBeNull();
    const analyses = await store.db.selectFrom('analyses').select(['result_json', 'result_packed']).execute();
    expect(analyses.filter((a) => storedResultJson(a).includes(docs.gamma.hash))).toHaveLength(0);
  });

  it('links a claim asserted in one document to the ledger that counters it, both ways', async () => {
    const index = await loadLedgerIndex(store.db);
    const beta = await saveAnalysedDocument(store, docs.beta, await analyse(docs.beta, { rebuttals: [ledgerItem(docs.beta, 'The new river bridge was built to move tanks toward the border.', 'The bridge carries local traffic and its load limit is far below the weight of a tank.')] }), {
      after: async (trx, id) => {
        const r = await linkCounterClaims(trx, store.caps, index, id, docs.beta.text);
        expect(r.links).toBe(1);
      },
    });
    const alphaId = (await getDocument(store.db, docs.alpha.hash))?.id as number;
    const fromAlpha = await counterLinks(store.db, alphaId);
    expect(fromAlpha.assertedHere).toHaveLength(1);
    expect(fromAlpha.assertedHere[0]).toMatchObject({ asserted: { outlet: 'Alpha Daily', date: '2024-03-04' }, countered: { outlet: 'Beta Checks', date: '2024-03-11', claim: 'The new river bridge was built to move tanks toward the border.' } });
    expect(fromAlpha.assertedHere[0]?.asserted.text).toContain('secretly built to move tanks');
    const fromBeta = await counterLinks(store.db, beta.documentId);
    expect(fromBeta.counteredHere).toHaveLength(1);
    expect(fromBeta.assertedHere).toHaveLength(0); // its own quoted myth is not an assertion
  });

  it('watch entries: backfilled on add, matched on ingest, reported with first appearance — or not seen', async () => {
    const added = await addWatchEntries(store, ['bridge built to move tanks toward the border', 'apples harvest record valley', 'moon made of cheese says agency', 'too vague']);
    expect(added.ids).toHaveLength(3);
    expect(added.tooVague).toEqual(['too vague']);
    expect(added.matches).toBe(1); // alpha; beta's sentence is inside its own ledger claim
    const index = await loadWatchIndex(store.db);
    const gamma = await saveAnalysedDocument(store, docs.gamma, await analyse(docs.gamma), { after: async (trx, id) => void (await recordWatchMatches(trx, index, id, docs.gamma.text)) });
    expect(gamma.status).toBe('inserted');
    const report = await watchReport(store.db);
    expect(report.map((e) => [e.text, e.seen, e.count])).toEqual([
      ['bridge built to move tanks toward the border', true, 1],
      ['apples harvest record valley', true, 1],
      ['moon made of cheese says agency', false, 0],
    ]);
    expect(report[0]?.firstAppearance).toMatchObject({ date: '2024-03-04', outlet: 'Alpha Daily' });
    expect(report[1]?.weeks).toEqual([{ week: '2024-04-01', count: 1 }]);
  });

  it('searches full text with filters and facet counts', async () => {
    const all = await search(store, { text: 'bridge' });
    expect(all.total).toBe(2);
    expect(all.facets?.outlet.map((f) => [f.value, f.count]).sort()).toEqual([['Alpha Daily', 1], ['Beta Checks', 1]]);
    expect(all.facets?.hasLedger).toEqual([{ value: 'yes', count: 1 }, { value: 'no', count: 1 }]);
    expect((await search(store, { text: 'bridge', hasLedger: true })).hits.map((h) => h.outlet)).toEqual(['Beta Checks']);
    expect((await search(store, { text: 'bridge', outlets: ['Alpha Daily'] })).hits.map((h) => h.hash)).toEqual([docs.alpha.hash]);
    expect((await search(store, { text: 'bridge', from: '2024-03-05' })).total).toBe(1);
    expect((await search(store, { text: 'bridge', to: '2024-03-04' })).total).toBe(1);
    expect((await search(store, { text: '"river bridge" -myth' })).hits.map((h) => h.outlet)).toEqual(['Alpha Daily']);
    expect((await search(store, { text: 'apples OR tanks' })).total).toBe(3);
    expect((await search(store, { languages: ['de'] })).total).toBe(1);
    expect((await search(store, { narratives: ['TEST'] })).total).toBe(1); // prefix of 'TEST: Bridges'
    expect((await search(store, { narratives: ['TES'] })).total).toBe(0);
    expect((await search(store, { text: '!!! ???' })).total).toBe(0);
    // Hundreds of exclusions (a pasted stop list) used to overflow FTS5's parser: an internal error.
    const many = Array.from({ length: 300 }, (_, i) => `-zzexcluded${i}`).join(' ');
    expect((await search(store, { text: `bridge ${many}` })).total).toBe((await search(store, { text: 'bridge' })).total);
    expect((await search(store, { text: `"river bridge" ${many} -myth` })).hits.map((h) => h.outlet)).toEqual(['Alpha Daily']);
  });

  it('counts narratives by outlet and week, with first appearance', async () => {
    const stats = await corpusStats(store);
    expect(stats.documents).toBe(3);
    const bridges = stats.narratives.find((n) => n.label === 'TEST: Bridges');
    expect(bridges).toMatchObject({ documents: 1, firstAppearance: { date: '2024-03-04', outlet: 'Alpha Daily' }, topOutlets: [{ outlet: 'Alpha Daily', documents: 1 }] });
    expect(statsToCsv(stats)).toContain('narrative,TEST: Bridges,Alpha Daily,2024-03-04,1,1');
  });

  it('counts only the documents a search selects', async () => {
    const bridges = await corpusStats(store, { select: { text: 'tanks bridge' } });
    expect(bridges.documents).toBe(2);
    expect(new Set(bridges.rows.map((r) => r.outlet))).toEqual(new Set(['Alpha Daily', 'Beta Checks']));
    const german = await corpusStats(store, { select: { languages: ['de'] } });
    expect([german.documents, german.narratives.some((n) => n.label === 'TEST: Bridges')]).toEqual([1, false]);
    const withNarrative = await corpusStats(store, { select: { narratives: ['TEST: Bridges'] } });
    expect(withNarrative.documents).toBe(1);
    expect(withNarrative.narratives.map((n) => n.label)).toContain('TEST: Bridges');
    expect(await corpusStats(store, { select: { text: '-tanks' } })).toEqual({ documents: 0, outlets: 0, rows: [], narratives: [] });
  });

  it('keeps analyst dismissals across re-analysis by anchoring on detector + quote + offsets', async () => {
    await addDismissal(store, { documentHash: docs.alpha.hash, detector: 'technique/loaded-language', quote: 'secretly', start: 40, end: 48, author: 'ana', reason: 'reporting, not loaded' });
    const dismissals = await listDismissals(store.db, docs.alpha.hash);
    expect(dismissals).toHaveLength(1);
    const f = (detector: string, text: string, start: number) => ({ detector, messageId: 'm', span: { text, start, end: start + text.length } });
    const { kept, dismissed } = applyDismissals([f('technique/loaded-language', 'secretly', 52), f('technique/loaded-language', 'refused', 100), f('other/x', 'secretly', 40)], dismissals);
    expect(dismissed.map((d) => d.finding.span.start)).toEqual([52]);
    expect(kept.map((k) => k.detector)).toEqual(['technique/loaded-language', 'other/x']);
  });

  it('records failures with their error', async () => {
    await recordFailure(store, { source: 'feed.xml#3', stage: 'read', error: 'feed.xml item 3 has no text' });
    expect((await listFailures(store.db))[0]).toMatchObject({ source: 'feed.xml#3', stage: 'read', error: 'feed.xml item 3 has no text' });
  });

  it('refuses a database with schema steps it does not know', async () => {
    await store.write((trx) => sql`INSERT INTO narrascope_migrations (id, applied_at) VALUES ('9999-from-the-future', 'x')`.execute(trx));
    const err = await openStore(db.url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).kind).toBe('too-new');
    await store.write((trx) => sql`DELETE FROM narrascope_migrations WHERE id = '9999-from-the-future'`.execute(trx));
  });
});
