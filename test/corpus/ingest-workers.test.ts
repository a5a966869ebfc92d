/**
 * Ingest with worker threads stores exactly what in-process ingest stores: results cross from the workers
 * as JSON (analyse.ts toWire/fromWire) and that JSON is written as the stored analysis, so the analyses,
 * derived rows and signatures must be the same as when the result never left the thread.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { openStore, storedResultJson, type Store } from '../../src/store/index.js';
import { syntheticText } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-ingest-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function stored(store: Store): Promise<unknown[]> {
  const docs = await store.db
    .selectFrom('documents')
    .innerJoin('analyses', 'analyses.id', 'documents.current_analysis_id')
    .select(['documents.hash', 'documents.minhash', 'analyses.result_json', 'analyses.result_packed'])
    .orderBy('documents.hash')
    .execute();
  const counts = [];
  for (const table of ['findings', 'claims', 'narratives', 'entities', 'ledger_items', 'document_techniques'] as const) {
    const n = await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    counts.push([table, Number(n.n)]);
  }
  // Timings differ from run to run; everything else must not.
  return [docs.map(({ result_packed, ...d }) => ({ ...d, result_json: JSON.stringify({ ...(JSON.parse(storedResultJson({ result_json: d.result_json, result_packed })) as object), stats: null }) })), counts];
}

describe('ingest with worker threads', () => {
  it('stores the same analyses and rows as in-process ingest', async () => {
    const ledger = 'Myth: The harbour was closed by the ministry.\nFact: The harbour stayed open; the port authority published its daily traffic figures.';
    const lines = [ledger, ...[1, 2, 3, 4, 5].map((i) => syntheticText(i))].map((text, i) => JSON.stringify({ text, outlet: `Desk ${i % 2}`, date: `2024-03-0${1 + i}` }));
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${lines.join('\n')}\n`);
    const results = [];
    for (const workers of [1, 2]) {
      const store = await openStore(join(dir, `w${workers}.db`));
      const s = await ingest(store, [input], { workers, analyzer: { identifyLanguage: false } });
      expect(s.inserted).toBe(lines.length);
      expect(s.workers).toBe(workers);
      results.push(await stored(store));
      await store.close();
    }
    expect(results[1]).toEqual(results[0]);
  }, 120_000);
});
