import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeFromClusters } from '../../src/corpus/cluster-removal.js';
import { computeSameClaims, listClusters } from '../../src/corpus/clusters.js';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { openStore, type Store } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-same-claim-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A claim index of our own invented one-line claims (the document is the claim), ingested into a new store. */
async function claimIndex(name: string, rows: readonly (readonly [string, string, string])[]): Promise<{ store: Store; inserted: number }> {
  const csv = join(dir, `${name}.csv`);
  writeFileSync(csv, `claim,outlet,date\n${rows.map((r) => r.map((v) => `"${v}"`).join(',')).join('\n')}\n`);
  const store = await openStore(join(dir, `${name}.db`));
  const s = await ingest(store, [csv], { workers: 1, analyzer: { identifyLanguage: false }, read: { map: {}, language: 'en' } });
  return { store, inserted: s.inserted };
}

describe('same-claim clusters of a claim index', () => {
  it('count a document whose text is its claim once, not once as document and again as claim', async () => {
    const { store, inserted } = await claimIndex('claims', [
      ['The harbour authority secretly sold the northern pier to a foreign shipping company in 2023.', 'Harbour Daily', '2024-03-04'],
      ['The harbour authority secretly sold the northern pier to a foreign shipping company.', 'Coast Wire', '2024-03-11'],
      ['In 2023 the harbour authority secretly sold the northern pier to a foreign shipping company.', 'Inland Post', '2024-04-01'],
    ]);
    try {
      expect(inserted).toBe(3);
      const claims = await store.db.selectFrom('claims').select('document_id').execute();
      expect(claims.length).toBeGreaterThanOrEqual(3); // each document's text is also extracted as its claim
      await computeSameClaims(store);
      const [cluster, ...rest] = await listClusters(store, 'same-claim');
      expect(rest).toEqual([]);
      expect(cluster?.size).toBe(3);
      expect(new Set(cluster?.members.map((m) => m.documentHash)).size).toBe(cluster?.members.length);
      expect(cluster?.spread.reduce((n, w) => n + w.count, 0)).toBe(3);
      expect(cluster?.outlets.map((o) => o.count)).toEqual([1, 1, 1]);
    } finally {
      await store.close();
    }
  });

  it('recounts and relabels a cluster when a member document is deleted, and drops it below two documents', async () => {
    const rows = [
      ['The ferry company secretly sold the island harbour to a foreign fund in 2022.', 'Harbour Daily', '2024-03-04'],
      ['The ferry company secretly sold the island harbour to a foreign fund.', 'Coast Wire', '2024-03-11'],
      ['In 2022 the ferry company secretly sold the island harbour to a foreign fund.', 'Inland Post', '2024-04-01'],
    ] as const;
    const { store } = await claimIndex('takedown', rows);
    try {
      await computeSameClaims(store);
      const [before] = await listClusters(store, 'same-claim');
      expect(before?.size).toBe(3);
      // Delete the document whose words name the cluster, as the API's DELETE does.
      const named = await store.db.selectFrom('documents').select('id').where('text', '=', before?.label ?? '').executeTakeFirstOrThrow();
      const drop = async (id: number) =>
        store.write(async (trx) => {
          await trx.deleteFrom('analyses').where('document_id', '=', id).execute();
          await removeFromClusters(trx, id);
          await trx.deleteFrom('documents').where('id', '=', id).execute();
        });
      await drop(Number(named.id));
      const [after, ...rest] = await listClusters(store, 'same-claim');
      expect(rest).toEqual([]);
      expect([after?.size, after?.outlets.length, after?.members.length]).toEqual([2, 2, 2]);
      expect(after?.label).not.toBe(before?.label);
      expect(rows.map((r) => r[0])).toContain(after?.label);
      const stored = await store.db.selectFrom('clusters').select(['label', 'first_seen']).executeTakeFirstOrThrow();
      expect(stored.label).toBe(after?.label);
      const left = await store.db.selectFrom('cluster_members').select('document_id').distinct().execute();
      await drop(Number(left[0]?.document_id));
      expect(await listClusters(store, 'same-claim')).toEqual([]);
      expect(await store.db.selectFrom('clusters').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
