import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeFromClusters } from '../../src/corpus/cluster-removal.js';
import { computeNearDuplicates, listClusters } from '../../src/corpus/clusters.js';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { openStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-cluster-label-clip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEXT =
  'The city council voted on Thursday to close the old tram depot and to sell the land to a developer, ' +
  'a decision that residents of the eastern district had opposed in two petitions over the past year.';
/** A title whose 300th UTF-16 unit is the first half of an emoji (the label keeps 300 units). */
const title = (lead: string): string => `${lead}${'x'.repeat(299 - lead.length)}🚋 depot`;
const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

describe('cluster labels clipped to 300 units', () => {
  it('never end in half a surrogate pair, at computation and after a member is deleted', async () => {
    const file = join(dir, 'in.jsonl');
    const records = ['A ', 'B ', 'C '].map((lead, i) => ({ text: `${TEXT} Copy ${i}.`, title: title(lead), outlet: `Outlet ${i}`, date: `2024-03-0${i + 1}` }));
    writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const store = await openStore(join(dir, 'c.db'));
    try {
      await ingest(store, [file], { workers: 1, analyzer: { identifyLanguage: false }, read: { map: {}, language: 'en' } });
      await computeNearDuplicates(store);
      const [cluster] = await listClusters(store, 'near-duplicate');
      expect(cluster?.size).toBe(3);
      expect(cluster?.label).toBe(title('A ').slice(0, 299));
      expect(lone.test(cluster?.label ?? '')).toBe(false);
      const first = await store.db.selectFrom('documents').select('id').where('published_at', '=', '2024-03-01').executeTakeFirstOrThrow();
      await store.write((trx) => removeFromClusters(trx, Number(first.id)));
      const [after] = await listClusters(store, 'near-duplicate');
      expect(after?.label).toBe(title('B ').slice(0, 299));
    } finally {
      await store.close();
    }
  });
});
