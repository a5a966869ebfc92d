/**
 * Okapi BM25 over pre-tokenised documents, built for many short queries against a fixed library: postings
 * are packed into flat typed arrays with each posting's BM25 impact precomputed, so a query is a few
 * array walks plus a bounded top-k heap. 10,000 fact-checks index in well under a second.
 */
export interface Bm25Options {
  /** Term-frequency saturation (default 1.2). */
  readonly k1?: number;
  /** Length normalisation (default 0.75). */
  readonly b?: number;
}

export interface ScoredDoc {
  readonly doc: number;
  readonly score: number;
}

export class Bm25Index {
  readonly size: number;
  readonly k1: number;
  readonly b: number;
  readonly avgLength: number;
  private readonly termIds = new Map<string, number>();
  private readonly offsets: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly impacts: Float32Array;
  private readonly idfs: Float32Array;
  private readonly lengths: Int32Array;
  private readonly acc: Float32Array;
  private readonly touched: Int32Array;

  constructor(docs: readonly (readonly string[])[], options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.size = docs.length;
    this.lengths = new Int32Array(docs.length);
    // Pass 1: term ids and document frequencies.
    const df: number[] = [];
    let total = 0;
    docs.forEach((terms, d) => {
      this.lengths[d] = terms.length;
      total += terms.length;
      const seen = new Set<string>();
      for (const t of terms) {
        if (seen.has(t)) continue;
        seen.add(t);
        let id = this.termIds.get(t);
        if (id === undefined) {
          id = df.length;
          this.termIds.set(t, id);
          df.push(0);
        }
        df[id]!++;
      }
    });
    this.avgLength = docs.length ? Math.max(total / docs.length, 1) : 1;
    const n = docs.length;
    this.idfs = new Float32Array(df.length);
    df.forEach((f, id) => (this.idfs[id] = Math.log(1 + (n - f + 0.5) / (f + 0.5))));
    this.offsets = new Int32Array(df.length + 1);
    for (let i = 0; i < df.length; i++) this.offsets[i + 1] = this.offsets[i]! + df[i]!;
    const count = this.offsets[df.length]!;
    this.postingDocs = new Int32Array(count);
    this.impacts = new Float32Array(count);
    // Pass 2: fill postings in document order, so each list is sorted by document.
    const fill = this.offsets.slice(0, df.length);
    docs.forEach((terms, d) => {
      const tf = new Map<number, number>();
      for (const t of terms) {
        const id = this.termIds.get(t)!;
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      const norm = this.k1 * (1 - this.b + (this.b * terms.length) / this.avgLength);
      for (const [id, f] of tf) {
        const at = fill[id]!++;
        this.postingDocs[at] = d;
        this.impacts[at] = (this.idfs[id]! * (f * (this.k1 + 1))) / (f + norm);
      }
    });
    this.acc = new Float32Array(n);
    this.touched = new Int32Array(n);
  }

  /** Inverse document frequency of a term (a term no document has gets the highest idf, df = 0). */
  idf(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? Math.log(1 + (this.size + 0.5) / 0.5) : this.idfs[id]!;
  }

  /** Number of documents containing the term. */
  docFreq(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }

  /**
   * The k best documents for a bag of query terms (each distinct term counted once), best first; ties
   * broken by document number so results are deterministic. `weights` (same order as the distinct terms
   * in `terms`) scales a term's contribution, e.g. to trust words over @handles.
   */
  search(terms: readonly string[], k: number, weights?: ReadonlyMap<string, number>): ScoredDoc[] {
    const { acc, touched } = this;
    let nTouched = 0;
    const done = new Set<string>();
    for (const t of terms) {
      if (done.has(t)) continue;
      done.add(t);
      const id = this.termIds.get(t);
      if (id === undefined) continue;
      const w = weights?.get(t) ?? 1;
      const end = this.offsets[id + 1]!;
      for (let p = this.offsets[id]!; p < end; p++) {
        const d = this.postingDocs[p]!;
        if (acc[d] === 0) touched[nTouched++] = d;
        acc[d]! += this.impacts[p]! * w;
      }
    }
    const result = topK(acc, touched, nTouched, k);
    for (let i = 0; i < nTouched; i++) acc[touched[i]!] = 0;
    return result;
  }

  /**
   * The BM25 impact of each of `distinctTerms` (no repeats) in each of `docs`, as a terms × docs matrix
   * (row t, column d at t * docs.length + d): one binary search per pair, for scoring a few candidates
   * with several term subsets without walking whole posting lists.
   */
  termImpacts(distinctTerms: readonly string[], docs: readonly number[]): Float64Array {
    const out = new Float64Array(distinctTerms.length * docs.length);
    for (let t = 0; t < distinctTerms.length; t++) {
      const id = this.termIds.get(distinctTerms[t]!);
      if (id === undefined) continue;
      const lo = this.offsets[id]!;
      const hi = this.offsets[id + 1]!;
      for (let d = 0; d < docs.length; d++) {
        const at = findPosting(this.postingDocs, lo, hi, docs[d]!);
        if (at >= 0) out[t * docs.length + d] = this.impacts[at]!;
      }
    }
    return out;
  }

  /** BM25 scores of `docs` for distinct query terms (same formula as `search`). */
  scoreDocs(distinctTerms: readonly string[], docs: readonly number[]): Float64Array {
    const m = this.termImpacts(distinctTerms, docs);
    const out = new Float64Array(docs.length);
    for (let i = 0; i < m.length; i++) out[i % docs.length]! += m[i]!;
    return out;
  }

  /** BM25 score of one document for the query (same formula as `search`). */
  score(terms: readonly string[], doc: number): number {
    let s = 0;
    const done = new Set<string>();
    for (const t of terms) {
      if (done.has(t)) continue;
      done.add(t);
      const id = this.termIds.get(t);
      if (id === undefined) continue;
      const at = findPosting(this.postingDocs, this.offsets[id]!, this.offsets[id + 1]!, doc);
      if (at >= 0) s += this.impacts[at]!;
    }
    return s;
  }
}

function findPosting(docs: Int32Array, lo: number, hi: number, doc: number): number {
  hi -= 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = docs[mid]!;
    if (v === doc) return mid;
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Bounded min-heap selection of the k highest accumulators among the touched documents. */
function topK(acc: Float32Array, touched: Int32Array, n: number, k: number): ScoredDoc[] {
  if (k <= 0 || n === 0) return [];
  const heapDocs = new Int32Array(Math.min(k, n));
  let size = 0;
  // "a is worse than b": lower score, or equal score and higher doc number.
  const worse = (a: number, b: number): boolean => acc[a]! < acc[b]! || (acc[a] === acc[b] && a > b);
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < size && worse(heapDocs[l]!, heapDocs[m]!)) m = l;
      if (r < size && worse(heapDocs[r]!, heapDocs[m]!)) m = r;
      if (m === i) return;
      const tmp = heapDocs[i]!;
      heapDocs[i] = heapDocs[m]!;
      heapDocs[m] = tmp;
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    const d = touched[i]!;
    if (size < heapDocs.length) {
      heapDocs[size] = d;
      let c = size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(heapDocs[c]!, heapDocs[p]!)) break;
        const tmp = heapDocs[c]!;
        heapDocs[c] = heapDocs[p]!;
        heapDocs[p] = tmp;
        c = p;
      }
    } else if (worse(heapDocs[0]!, d)) {
      heapDocs[0] = d;
      siftDown(0);
    }
  }
  const out: ScoredDoc[] = [];
  for (let i = 0; i < size; i++) out.push({ doc: heapDocs[i]!, score: acc[heapDocs[i]!]! });
  out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return out;
}
