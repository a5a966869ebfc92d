import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeNearDuplicates, computeSameClaims, listClusters } from '../../src/corpus/clusters.js';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { openStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-clusters-wordless-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clusters of documents without a word', () => {
  it('leave them out: texts of emoji and punctuation only all had the empty signature and were "near-duplicates" of each other', async () => {
    const file = join(dir, 'in.jsonl');
    const records = [
      { text: '🙂🙂🙂 !!! ???', outlet: 'Outlet A' },
      { text: '🔥🔥 ... ---', outlet: 'Outlet B' },
      { text: '👍 — 👎', outlet: 'Outlet C' },
      { text: 'The tram line will close for repairs during the whole of next month, the city transport office said.', outlet: 'Outlet A' },
      { text: 'The tram line will close for repairs during the whole of next month, the city transport office said on Friday.', outlet: 'Outlet B' },
    ];
    writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const store = await openStore(join(dir, 'c.db'));
    try {
      await ingest(store, [file], { workers: 1, analyzer: { identifyLanguage: false }, read: { map: {}, language: 'en' } });
      for (const compute of [computeNearDuplicates, computeSameClaims]) {
        const result = await compute(store);
        const kind = result.kind;
        const clusters = await listClusters(store, kind);
        const members = clusters.flatMap((c) => c.members.map((m) => m.documentHash));
        const wordless = await store.db.selectFrom('documents').select('hash').where('length', '<', 20).execute();
        expect(wordless.length, kind).toBe(3);
        for (const w of wordless) expect(members, kind).not.toContain(w.hash);
        expect(clusters.length, kind).toBe(1);
      }
    } finally {
      await store.close();
    }
  });
});
