import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyzer.js';
import { createBatchWriter } from '../../src/corpus/ingest/batch-writer.js';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { createDocument } from '../../src/core/text/document.js';
import { countDocuments, openStore, type Store } from '../../src/store/index.js';

const analyzer = createAnalyzer({ identifyLanguage: false });
let dir: string | null = null;
let store: Store | null = null;

afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  store = null;
  dir = null;
});

async function fresh(): Promise<Store> {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-batch-'));
  store = await openStore(join(dir, 'b.db'));
  return store;
}

const docs = Array.from({ length: 12 }, (_, i) => createDocument({ text: `Report ${i}: the harbour reopened after ${i + 2} days, officials said.`, source: { kind: 'jsonl', outlet: `Outlet ${i % 3}` }, language: 'en' }));

describe('group commit of analysed documents', () => {
  it('writes documents that arrive together in one transaction, each with its own result', async () => {
    const s = await fresh();
    const writer = createBatchWriter(s);
    const results = await Promise.all(docs.map(async (doc) => writer.save({ doc, result: await analyzer.analyze(doc) })));
    expect(results.map((r) => r.status)).toEqual(docs.map(() => 'inserted'));
    expect(new Set(results.map((r) => r.documentId)).size).toBe(docs.length);
    expect(await countDocuments(s.db)).toBe(docs.length);
    expect(writer.stats.documents).toBe(docs.length);
    expect(writer.stats.batches).toBeLessThan(docs.length);
    // Saving again changes nothing.
    const again = await Promise.all(docs.map(async (doc) => writer.save({ doc, result: await analyzer.analyze(doc) })));
    expect(again.map((r) => r.status)).toEqual(docs.map(() => 'unchanged'));
  });

  it('groups documents that arrive one at a time, as analysis workers return them', async () => {
    const s = await fresh();
    const writer = createBatchWriter(s, { minBatch: 4, lingerMs: 1000 });
    const analysed = await Promise.all(docs.map(async (doc) => ({ doc, result: await analyzer.analyze(doc) })));
    const saves: Promise<unknown>[] = [];
    for (const a of analysed) {
      saves.push(writer.save(a));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(saves);
    expect(await countDocuments(s.db)).toBe(docs.length);
    // Without waiting, each document would have found the writer idle and gone alone.
    expect(writer.stats.batches).toBeLessThanOrEqual(docs.length / 4);
  });

  it('writes a lone document after the linger time instead of waiting for a full batch', async () => {
    const s = await fresh();
    const writer = createBatchWriter(s, { minBatch: 8, lingerMs: 5 });
    const [one] = docs;
    if (!one) throw new Error('no document');
    expect((await writer.save({ doc: one, result: await analyzer.analyze(one) })).status).toBe('inserted');
    expect(writer.stats).toEqual({ batches: 1, documents: 1 });
  });

  it('a document that cannot be stored fails alone; the rest of its batch is stored', async () => {
    const s = await fresh();
    const writer = createBatchWriter(s);
    const analysed = await Promise.all(docs.map(async (doc) => ({ doc, result: await analyzer.analyze(doc) })));
    // A result without findings' spans cannot be written (the store reads each finding's offsets).
    const broken = { ...(analysed[5]?.result as AnalysisResult), findings: [{ id: 'f1' } as unknown as AnalysisResult['findings'][number]] };
    const outcomes = await Promise.allSettled(analysed.map((a, i) => writer.save(i === 5 ? { doc: a.doc, result: broken } : a)));
    expect(outcomes.map((o) => o.status)).toEqual(docs.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
    expect(await countDocuments(s.db)).toBe(docs.length - 1);
  });
});
