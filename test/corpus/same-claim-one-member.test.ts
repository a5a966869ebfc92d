import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeSameClaims, listClusters } from '../../src/corpus/clusters.js';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { openStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-same-claim-member-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SHORT =
  'The new pipeline will bring cheap gas to every household in the region by next winter, officials said on Monday. ' +
  'Critics warn that the project depends on a single supplier and could be used as leverage.';

describe('same-claim clusters of short documents and their own claims', () => {
  it('list each document once: a short document and the claim extracted from it were two members of one cluster', async () => {
    const file = join(dir, 'in.jsonl');
    const records = [
      { text: SHORT, outlet: 'Gas Daily', date: '2024-02-05' },
      { text: SHORT.replace('Monday', 'Tuesday'), outlet: 'Energy Wire', date: '2024-02-06' },
      { text: SHORT.replace('next winter', 'the coming winter'), outlet: 'Region Post', date: '2024-02-07' },
    ];
    writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const store = await openStore(join(dir, 'c.db'));
    try {
      await ingest(store, [file], { workers: 1, analyzer: { identifyLanguage: false }, read: { map: {}, language: 'en' } });
      // Each document is short enough to be an item of its own, and holds claims that are items too.
      expect((await store.db.selectFrom('claims').select('id').execute()).length).toBeGreaterThanOrEqual(3);
      await computeSameClaims(store);
      const clusters = await listClusters(store, 'same-claim');
      expect(clusters.length).toBeGreaterThan(0);
      for (const c of clusters) {
        const documents = c.members.map((m) => m.documentHash);
        expect(new Set(documents).size, c.label).toBe(documents.length);
        expect(c.size, c.label).toBe(documents.length);
        expect(c.spread.reduce((n, w) => n + w.count, 0), c.label).toBe(documents.length);
      }
      const stored = await store.db.selectFrom('clusters').select(['id', 'size']).execute();
      for (const s of stored) {
        const docs = await store.db.selectFrom('cluster_members').select('document_id').where('cluster_id', '=', s.id).execute();
        expect(new Set(docs.map((d) => d.document_id)).size).toBe(Number(s.size));
      }
    } finally {
      await store.close();
    }
  });
});
