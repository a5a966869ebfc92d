import type { WordVectors } from '../../models/vectors/word-vectors.js';
import type { MatchToken } from './tokenize.js';

/**
 * SIF sentence vectors (Arora, Liang and Ma, "A simple but tough-to-beat baseline for sentence
 * embeddings", ICLR 2017): each word's unit vector weighted a / (a + p(w)), with p(w) the word's share
 * of the library's words, summed over the tokens, then the library's first principal component (the
 * direction every sentence shares: topic-free words, style) projected out, then unit length. Frequent
 * words count less, like idf, but the common-component removal is what makes the cosines of short texts
 * tell topics apart. Measured against the former idf-weighted mean in the re-ranker's word-vector
 * features: train 5-fold CV MAP@5 0.8878 → 0.8910, dev 0.8631 → 0.8650 (see docs/matching.md).
 */
export const SIF_A = 1e-4;
/** Power-iteration steps for the principal component (on a dims × dims matrix: cheap; converged long before). */
const PC_ITERATIONS = 100;

export class SentenceVectors {
  readonly dims: number;
  /** SIF weight of each row of the word-vector table (1 for words the library does not use). */
  private readonly rowWeight: Float32Array;
  /** Unit first principal component of the library's raw sentence vectors (all zeros for an empty library). */
  readonly commonComponent: Float32Array;

  /** `library`: the tokens of each library text (a fact-check's claim and title together). */
  constructor(
    private readonly vectors: WordVectors,
    library: readonly (readonly MatchToken[])[],
  ) {
    this.dims = vectors.dims;
    const counts = new Map<number, number>();
    let total = 0;
    for (const tokens of library) {
      for (const t of tokens) {
        total++;
        const row = vectors.indexOf(t.word);
        if (row >= 0) counts.set(row, (counts.get(row) ?? 0) + 1);
      }
    }
    this.rowWeight = new Float32Array(vectors.size).fill(1);
    for (const [row, n] of counts) this.rowWeight[row] = SIF_A / (SIF_A + n / total);
    this.commonComponent = principalComponent(
      library.map((tokens) => this.raw(tokens)),
      this.dims,
    );
  }

  /** The sentence vector of a text's tokens (unit length), or null when no word has a vector. */
  embed(tokens: readonly MatchToken[]): Float32Array | null {
    const v = this.raw(tokens);
    if (!v) return null;
    const pc = this.commonComponent;
    let s = 0;
    for (let d = 0; d < v.length; d++) s += v[d]! * pc[d]!;
    let n = 0;
    for (let d = 0; d < v.length; d++) {
      v[d]! -= s * pc[d]!;
      n += v[d]! * v[d]!;
    }
    if (n > 0) {
      const k = 1 / Math.sqrt(n);
      for (let d = 0; d < v.length; d++) v[d]! *= k;
    }
    return v;
  }

  /** Weighted sum of the tokens' unit word vectors (repeats count), before the common component goes. */
  private raw(tokens: readonly MatchToken[]): Float32Array | null {
    const v = new Float32Array(this.dims);
    let any = false;
    for (const t of tokens) {
      const row = this.vectors.indexOf(t.word);
      if (row < 0) continue;
      const w = this.rowWeight[row]!;
      const u = this.vectors.unitRow(row);
      for (let d = 0; d < v.length; d++) v[d]! += w * u[d]!;
      any = true;
    }
    return any ? v : null;
  }
}

/**
 * The dominant eigenvector of Σ v vᵀ over the vectors (uncentred, as in SIF): the dims × dims matrix is
 * summed once, then power iteration from the all-ones direction runs on it (cheap: no pass over the
 * texts per step). Deterministic, no random start.
 */
export function principalComponent(vectors: readonly (Float32Array | null)[], dims: number): Float32Array {
  const gram = new Float64Array(dims * dims);
  let any = false;
  for (const v of vectors) {
    if (!v) continue;
    any = true;
    for (let d = 0; d < dims; d++) {
      const x = v[d]!;
      if (x === 0) continue;
      const row = d * dims;
      for (let e = d; e < dims; e++) gram[row + e]! += x * v[e]!;
    }
  }
  if (!any) return new Float32Array(dims);
  for (let d = 0; d < dims; d++) for (let e = 0; e < d; e++) gram[d * dims + e] = gram[e * dims + d]!;
  let p = new Float64Array(dims).fill(1 / Math.sqrt(dims));
  for (let it = 0; it < PC_ITERATIONS; it++) {
    const q = new Float64Array(dims);
    let n = 0;
    for (let d = 0; d < dims; d++) {
      let s = 0;
      for (let e = 0; e < dims; e++) s += gram[d * dims + e]! * p[e]!;
      q[d] = s;
      n += s * s;
    }
    if (n === 0) break;
    const k = 1 / Math.sqrt(n);
    for (let d = 0; d < dims; d++) q[d]! *= k;
    p = q;
  }
  return Float32Array.from(p);
}
