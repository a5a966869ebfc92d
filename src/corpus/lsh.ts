/**
 * Locality-sensitive hashing over MinHash signatures, and clustering of the candidate pairs.
 *
 * Signatures (k = bands × rows slots) are cut into bands; two documents whose signatures agree on every
 * slot of some band become a candidate pair (probability 1 − (1 − J^rows)^bands). Each band is processed
 * by sorting (band hash, document index) keys packed into a Float64Array — no per-document objects, so
 * memory is the signatures plus one array of n numbers. A candidate pair is kept when its estimated
 * Jaccard (share of equal slots over the whole signature) reaches `threshold`; clusters are the connected
 * components of kept pairs (union–find).
 *
 * Defaults (128 slots = 32 bands × 4 rows, threshold 0.7, leader linkage at 0.75): a pair with J = 0.8
 * becomes a candidate with probability 1 − 5·10⁻⁸ and is kept unless its estimate falls 2.5 standard
 * errors low; a pair with J ≤ 0.5 needs an estimate 5 standard errors high to be kept.
 */
import { fmix32 } from './minhash.js';

export interface LshOptions {
  readonly bands?: number;
  readonly rows?: number;
  /** Minimum estimated Jaccard for a candidate pair to join a cluster (default 0.7). */
  readonly threshold?: number;
  /** Runs of identical band keys longer than this are linked as a chain, not all pairs (default 24). */
  readonly maxRunPairs?: number;
  /**
   * `leader` (default): each connected component is split so that every member reaches `leaderThreshold`
   * with its group's first member (lowest index: clusters.ts orders items by publication, cluster-order.ts). Jaccard distance is a metric, so with
   * a leader threshold of 0.75 any two members of a group are within distance 0.5 — no merge below
   * Jaccard 0.5 through chains. `single`: plain connected components (chains A → B → C stay together).
   */
  readonly linkage?: 'single' | 'leader';
  /** Similarity a member needs with its group's leader (default 0.75, never below `threshold`). */
  readonly leaderThreshold?: number;
}

export interface LshResult {
  /** Clusters of two or more document indices, each sorted, largest cluster first. */
  readonly clusters: number[][];
  /** For each clustered index: estimated Jaccard with its cluster's first member. */
  readonly similarity: Map<number, number>;
  readonly candidatePairs: number;
  readonly keptPairs: number;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r] as number;
    while (this.parent[x] !== r) {
      const next = this.parent[x] as number;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Clusters `n` signatures of length k stored one after another in `sigs`. */
export function lshCluster(sigs: Uint32Array, n: number, k: number, options: LshOptions = {}): LshResult {
  const rows = options.rows ?? 4;
  const bands = options.bands ?? Math.floor(k / rows);
  if (bands * rows > k) throw new Error(`bands × rows (${bands} × ${rows}) exceeds the signature length ${k}`);
  const threshold = options.threshold ?? 0.7;
  const maxRun = options.maxRunPairs ?? 24;
  const uf = new UnionFind(n);
  const keys = new Float64Array(n);
  const tried = new Set<number>();
  let candidates = 0;
  let kept = 0;
  const IDX = 2 ** 21;
  if (n >= IDX) throw new Error(`lshCluster handles at most ${IDX - 1} documents per call`);

  const estimate = (a: number, b: number): number => {
    let eq = 0;
    const oa = a * k;
    const ob = b * k;
    for (let i = 0; i < k; i++) if (sigs[oa + i] === sigs[ob + i]) eq++;
    return eq / k;
  };
  const similar = (a: number, b: number): boolean => estimate(a, b) >= threshold;
  const leaderThreshold = Math.max(threshold, options.leaderThreshold ?? 0.75);
  const consider = (a: number, b: number): void => {
    if (uf.find(a) === uf.find(b)) return;
    // Pairs already rejected in an earlier band are not re-checked (the key is below 2^42).
    const pairKey = a < b ? a * IDX + b : b * IDX + a;
    if (tried.has(pairKey)) return;
    candidates++;
    if (similar(a, b)) {
      uf.union(a, b);
      kept++;
    } else tried.add(pairKey);
  };

  for (let band = 0; band < bands; band++) {
    const base = band * rows;
    for (let d = 0; d < n; d++) {
      let h = fmix32(band + 0x51ed);
      const o = d * k + base;
      for (let r = 0; r < rows; r++) h = fmix32(h ^ (sigs[o + r] as number));
      keys[d] = h * IDX + d;
    }
    keys.sort();
    let runStart = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && Math.floor((keys[i] as number) / IDX) === Math.floor((keys[runStart] as number) / IDX)) continue;
      const len = i - runStart;
      if (len > 1) {
        if (len <= maxRun) {
          for (let x = runStart; x < i; x++) for (let y = x + 1; y < i; y++) consider((keys[x] as number) % IDX, (keys[y] as number) % IDX);
        } else {
          for (let x = runStart + 1; x < i; x++) {
            consider((keys[runStart] as number) % IDX, (keys[x] as number) % IDX);
            consider((keys[x - 1] as number) % IDX, (keys[x] as number) % IDX);
          }
        }
      }
      runStart = i;
    }
  }

  const groups = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    const r = uf.find(d);
    const g = groups.get(r);
    if (g) g.push(d);
    else groups.set(r, [d]);
  }
  let components = [...groups.values()].filter((g) => g.length > 1);
  if ((options.linkage ?? 'leader') === 'leader') {
    const split: number[][] = [];
    for (const g of components) {
      const leaders: number[][] = [];
      for (const d of g) {
        const home = leaders.find((grp) => estimate(grp[0] as number, d) >= leaderThreshold);
        if (home) home.push(d);
        else leaders.push([d]);
      }
      split.push(...leaders.filter((x) => x.length > 1));
    }
    components = split;
  }
  const clusters = components.sort((a, b) => b.length - a.length || (a[0] as number) - (b[0] as number));
  const similarity = new Map<number, number>();
  for (const c of clusters) {
    const first = c[0] as number;
    for (const d of c) {
      let eq = 0;
      for (let i = 0; i < k; i++) if (sigs[first * k + i] === sigs[d * k + i]) eq++;
      similarity.set(d, eq / k);
    }
  }
  return { clusters, similarity, candidatePairs: candidates, keptPairs: kept };
}
