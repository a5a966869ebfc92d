/**
 * Cluster ids are public (web links, `GET /api/clusters/:id`): recomputing keeps the id of a cluster that is
 * still the same group, and never hands an old id to a different group — not even after the old cluster
 * went away (SQLite would reuse max(id) + 1).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeFromClusters } from '../../src/corpus/cluster-removal.js';
import { computeNearDuplicates, listClusters, type ClusterView } from '../../src/corpus/clusters.js';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { openStore, type Store } from '../../src/store/index.js';
import { dialects } from '../store/dialects.js';
import { syntheticText } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-cluster-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** Republications of synthetic texts: `[textNumber, outlet]` rows, each with its own closing line. */
async function add(store: Store, rows: readonly (readonly [number, string])[]): Promise<void> {
  const path = join(dir, `batch-${files++}.jsonl`);
  writeFileSync(
    path,
    rows
      .map(([n, outlet], i) =>
        JSON.stringify({
          text: `${syntheticText(n, 10)} Reported by ${outlet} ${i}.`,
          outlet,
          date: '2024-05-06',
        }),
      )
      .join('\n') + '\n',
  );
  await ingest(store, [path], {
    workers: 1,
    analyzer: { identifyLanguage: false },
    read: { map: {}, language: 'en' },
  });
}

/** Cluster id by its first member (the same document across recomputes here). */
const idsByFirstMember = (clusters: readonly ClusterView[]): Map<string, number> =>
  new Map(clusters.map((c) => [c.members[0]?.documentHash ?? '', c.id]));

describe.each(await dialects())('cluster ids on %s', (_name, makeDb) => {
  it('survive a recompute, and a new cluster never takes a removed one’s id', async () => {
    const db = makeDb();
    const store = await openStore(db.url);
    try {
      await add(store, [
        [1, 'North Post'],
        [1, 'South Wire'],
        [2, 'North Post'],
        [2, 'East Desk'],
      ]);
      await computeNearDuplicates(store);
      const first = idsByFirstMember(await listClusters(store, 'near-duplicate'));
      expect(first.size).toBe(2);

      // A third republication of text 1: its cluster grows and keeps its id, and so does the other.
      await add(store, [[1, 'West Desk']]);
      await computeNearDuplicates(store);
      const again = await listClusters(store, 'near-duplicate');
      expect(idsByFirstMember(again)).toEqual(first);
      expect(again.map((c) => c.size).sort()).toEqual([2, 3]);

      // Take down one copy of text 2: its cluster goes. Then a new story is republished.
      const removed = again.find((c) => c.size === 2);
      const victim = await store.db
        .selectFrom('documents')
        .select('id')
        .where('hash', '=', removed?.members[0]?.documentHash ?? '')
        .executeTakeFirstOrThrow();
      await store.write(async (trx) => {
        await removeFromClusters(trx, Number(victim.id));
        await trx.deleteFrom('analyses').where('document_id', '=', victim.id).execute();
        await trx.deleteFrom('documents').where('id', '=', victim.id).execute();
      });
      await add(store, [
        [3, 'North Post'],
        [3, 'Inland Post'],
      ]);
      await computeNearDuplicates(store);
      const last = await listClusters(store, 'near-duplicate');
      expect(last).toHaveLength(2);
      const grown = again.find((c) => c.size === 3);
      expect(last.find((c) => c.size === 3)?.id).toBe(grown?.id);
      const fresh = last.find((c) => c.size === 2);
      expect(fresh?.id).toBeGreaterThan(Math.max(...again.map((c) => c.id)));
    } finally {
      await store.close();
      await db.cleanup();
    }
  });
});
