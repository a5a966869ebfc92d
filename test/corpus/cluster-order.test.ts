import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeNearDuplicates, computeSameClaims, listClusters, type ClusterKind } from '../../src/corpus/clusters.js';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { shingleJaccard } from '../../src/corpus/minhash.js';
import { openStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-cluster-order-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORDS = ['harbour', 'council', 'grain', 'ferry', 'budget', 'bridge', 'tram', 'permit', 'market', 'winter', 'school', 'river'];
/** 300 words, each pair of neighbours distinct, so every 3-shingle is unique. */
const base = Array.from({ length: 300 }, (_, i) => `${WORDS[i % WORDS.length]}${i}`);
/** The base text with the words at `positions` replaced. */
const edited = (words: readonly string[], positions: readonly number[], tag: string): string[] => words.map((w, i) => (positions.includes(i) ? `${tag}${i}` : w));
// A chain: B is close to A and to C, but A and C are too far apart for one group (leader linkage).
const A = base;
const B = edited(A, [15, 45, 75, 105, 135, 165, 195, 225, 255], 'edit');
const C = edited(B, [30, 60, 90, 120, 150, 180, 210, 240, 270], 'more');

async function clustersAfter(name: string, records: readonly Record<string, string>[], kind: ClusterKind): Promise<string[][]> {
  const file = join(dir, `${name}.jsonl`);
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const store = await openStore(join(dir, `${name}.db`));
  try {
    await ingest(store, [file], { workers: 1, analyzer: { identifyLanguage: false }, read: { map: {}, language: 'en' } });
    await (kind === 'near-duplicate' ? computeNearDuplicates(store) : computeSameClaims(store));
    const titled = await store.db.selectFrom('documents').select(['hash', 'title']).execute();
    const titleOf = new Map(titled.map((d) => [d.hash, d.title ?? '']));
    const clusters = await listClusters(store, kind);
    // The member listed first leads the group and names it.
    for (const c of clusters) expect(c.label).toBe(c.members[0]?.title);
    return clusters.map((c) => [...new Set(c.members.map((m) => titleOf.get(m.documentHash) ?? ''))].sort());
  } finally {
    await store.close();
  }
}

describe('clusters do not depend on the order documents were ingested in', () => {
  it('a chain of edits groups the same documents whichever came first into the store', async () => {
    expect(shingleJaccard(A.join(' '), B.join(' '))).toBeGreaterThan(0.8);
    expect(shingleJaccard(B.join(' '), C.join(' '))).toBeGreaterThan(0.8);
    expect(shingleJaccard(A.join(' '), C.join(' '))).toBeLessThan(0.7);
    const records = [
      { title: 'A', text: A.join(' '), date: '2024-01-02', outlet: 'One' },
      { title: 'B', text: B.join(' '), date: '2024-01-05', outlet: 'Two' },
      { title: 'C', text: C.join(' '), date: '2024-01-09', outlet: 'Three' },
    ];
    const forward = await clustersAfter('forward', records, 'near-duplicate');
    const backward = await clustersAfter('backward', [...records].reverse(), 'near-duplicate');
    // The earliest published text leads its group: the original, whatever the order of ingest.
    expect(forward).toEqual([['A', 'B']]);
    expect(backward).toEqual(forward);
  });

  it('without dates too (the content hash decides)', async () => {
    const records = [
      { title: 'A', text: A.join(' ') },
      { title: 'B', text: B.join(' ') },
      { title: 'C', text: C.join(' ') },
    ];
    const forward = await clustersAfter('undated-forward', records, 'near-duplicate');
    const backward = await clustersAfter('undated-backward', [...records].reverse(), 'near-duplicate');
    expect(forward).toHaveLength(1);
    expect(backward).toEqual(forward);
  });
});
