/**
 * Clustering quality against the synthetic corpus: recall of planted pairs with exact word-3-shingle
 * Jaccard ≥ 0.8 (share put in one cluster), and false merges: pairs in one cluster whose exact Jaccard is
 * below 0.5. Exact Jaccard is computed from regenerated texts, family by family and cluster by cluster.
 */
import { shingleHashes } from '../../src/corpus/minhash.js';
import type { SyntheticCorpus } from './synthetic.js';

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

export interface ClusterQuality {
  readonly positivePairs: number;
  readonly recalled: number;
  readonly recall: number;
  readonly clusteredPairs: number;
  readonly falseMerges: number;
  readonly minJaccardInCluster: number;
}

export function evaluateClusters(corpus: SyntheticCorpus, clusters: readonly (readonly number[])[]): ClusterQuality {
  const clusterOf = new Int32Array(corpus.docs.length).fill(-1);
  clusters.forEach((c, i) => c.forEach((d) => (clusterOf[d] = i)));
  const sets = new Map<number, Set<number>>();
  const set = (id: number): Set<number> => {
    let s = sets.get(id);
    if (!s) {
      s = new Set(shingleHashes(corpus.text(id)));
      sets.set(id, s);
    }
    return s;
  };
  let positive = 0;
  let recalled = 0;
  for (const fam of corpus.families()) {
    for (let i = 0; i < fam.length; i++) {
      for (let j = i + 1; j < fam.length; j++) {
        const a = fam[i] as number;
        const b = fam[j] as number;
        if (jaccard(set(a), set(b)) >= 0.8) {
          positive++;
          if ((clusterOf[a] as number) >= 0 && clusterOf[a] === clusterOf[b]) recalled++;
        }
      }
    }
    sets.clear();
  }
  let pairs = 0;
  let falseMerges = 0;
  let minJ = 1;
  for (const c of clusters) {
    for (let i = 0; i < c.length; i++) {
      for (let j = i + 1; j < c.length; j++) {
        const jac = jaccard(set(c[i] as number), set(c[j] as number));
        pairs++;
        if (jac < 0.5) falseMerges++;
        if (jac < minJ) minJ = jac;
      }
    }
    sets.clear();
  }
  return { positivePairs: positive, recalled, recall: positive ? recalled / positive : 1, clusteredPairs: pairs, falseMerges, minJaccardInCluster: minJ };
}
