import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeNearDuplicates, computeSameClaims, listClusters } from '../../src/corpus/clusters.js';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { openStore, type Store } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-clusters-no-outlet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PIER =
  'The harbour authority quietly sold the northern pier to a shipping company last spring, according to a letter seen by reporters. ' +
  'Dock workers said the sale was never put to the city council and that the price was far below the value of the land.';

/** Our own records, ingested one at a time into a new store. */
async function storeOf(name: string, records: readonly Record<string, string>[]): Promise<Store> {
  const file = join(dir, `${name}.jsonl`);
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const store = await openStore(join(dir, `${name}.db`));
  await ingest(store, [file], { workers: 1, analyzer: { identifyLanguage: false }, read: { map: {}, language: 'en' } });
  return store;
}

describe('clusters of documents that name no outlet', () => {
  it('are kept: pasted texts and files without an outlet were never clustered (0 outlets < the default minimum of 1)', async () => {
    const store = await storeOf('pasted', [{ text: PIER }, { text: PIER.replace('last spring', 'last summer') }, { text: 'A different text about the tram line and its new timetable for the winter months of next year.' }]);
    try {
      const near = await computeNearDuplicates(store);
      expect(near.clusters).toBe(1);
      const [cluster, ...rest] = await listClusters(store, 'near-duplicate');
      expect(rest).toEqual([]);
      expect([cluster?.size, cluster?.outlets]).toEqual([2, []]);
      expect((await computeSameClaims(store)).clusters).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('still honour an explicit minOutlets', async () => {
    const store = await storeOf('explicit', [{ text: PIER, outlet: 'Harbour Daily' }, { text: PIER, outlet: 'Harbour Daily', title: 'again' }, { text: `${PIER} Shared from elsewhere.` }]);
    try {
      expect((await computeNearDuplicates(store, { minOutlets: 2 })).clusters).toBe(0);
      expect((await computeNearDuplicates(store, { minOutlets: 1 })).clusters).toBe(1);
    } finally {
      await store.close();
    }
  });
});
