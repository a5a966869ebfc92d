import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { selectDocumentIds, storedResults } from '../../src/corpus/selection.js';
import { createExportEncoder } from '../../src/export/encoder.js';
import { validateStixBundle, type StixBundle, type StixObject } from '../../src/export/stix/index.js';
import { openStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-stix-created-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('STIX export from the store', () => {
  it('keeps each object created when first stored, whatever the export time (only modified moves)', async () => {
    // Our own invented rebuttal page.
    const text = 'Harbour rumours\n\nMyth: The harbour will poison the bay.\nFact: The agency found no change in the water.\n\nMyth: The pier closes in May.\nFact: The council kept it open.';
    writeFileSync(join(dir, 'page.jsonl'), `${JSON.stringify({ text, outlet: 'Bay Post', date: '2024-03-04' })}\n`);
    const store = await openStore(join(dir, 'store.db'));
    try {
      await ingest(store, [join(dir, 'page.jsonl')], { workers: 1, analyzer: { identifyLanguage: false } });
      const stored = (await store.db.selectFrom('documents').select('ingested_at').executeTakeFirstOrThrow()).ingested_at;
      const exportAt = async (now: Date): Promise<StixBundle> => {
        const encoder = createExportEncoder('stix', { key: 'all', now });
        let out = '';
        for await (const batch of storedResults(store, await selectDocumentIds(store, { text: '' }))) out += encoder.add(batch.results, batch.ingestedAt);
        return JSON.parse(out + encoder.end()) as StixBundle;
      };
      const [a, b] = [await exportAt(new Date(Date.parse(stored) + 60_000)), await exportAt(new Date(Date.parse(stored) + 3_600_000))];
      expect(validateStixBundle(a)).toEqual([]);
      expect(validateStixBundle(b)).toEqual([]);
      const byId = (x: StixBundle): Map<string, StixObject> => new Map(x.objects.map((o) => [o.id, o]));
      const later = byId(b);
      const report = a.objects.find((o) => o.type === 'report');
      expect(report?.created).toBe(new Date(stored).toISOString());
      for (const o of a.objects) {
        const again = later.get(o.id);
        expect(again, o.id).toBeDefined();
        // The same object in both exports: the same creation time, a later or equal modification time.
        expect(again?.created, `${o.type} ${o.id}`).toBe(o.created);
        expect(String(again?.modified) >= String(o.modified)).toBe(true);
      }
      expect(a.objects.filter((o) => o.type === 'note').every((o) => o.created === report?.created && o.modified !== later.get(o.id)?.modified)).toBe(true);
      // An export time before the document was stored cannot date it later than its modification.
      const early = await exportAt(new Date(Date.parse(stored) - 86_400_000));
      expect(validateStixBundle(early)).toEqual([]);
      expect(early.objects.every((o) => o.created === undefined || String(o.created) <= String(o.modified))).toBe(true);
    } finally {
      await store.close();
    }
  });
});
