/**
 * The trained narrative model: TF-IDF over terms.ts terms, and one linear (logistic) head per decision —
 * "does the document carry a narrative", "climate (CC) rather than the Ukraine war (URW)", one per coarse
 * label and one per fine label — with thresholds chosen by cross-validation. Pure data + arithmetic, no fs:
 * the artefact is imported as JSON by builtin.ts and can also be built in memory (bench/narrative/).
 */
import {
  cleanCut,
  countTerms,
  termOccurrences,
  termOccurrencesIn,
  textWords,
  visitTerms,
  type TermOccurrence,
} from './terms.js';

export interface LinearHead {
  readonly bias: number;
  /** Sparse weights: [vocabulary index, weight]. */
  readonly weights: readonly (readonly [number, number])[];
}

export interface NarrativeThresholds {
  /** Minimum P(narrative) for a document to get labels rather than `Other`. */
  readonly narrative: number;
  /** Per-domain override of `narrative` (the share of documents without a narrative differs by domain). */
  readonly narrativeByDomain?: Readonly<Record<string, number>>;
  /** Share of the best coarse label's score in the gate score (the rest is the narrative head). */
  readonly gateMix?: number;
  /** Minimum probability for a coarse label beyond the best one of the domain. */
  readonly coarse: number;
  /** Minimum probability for a fine label; below it, the coarse label's `: Other` child is used. */
  readonly fine: number;
  /** Most coarse labels per document (absent: no limit). */
  readonly maxCoarse?: number;
  /** Most fine labels under one coarse label (absent: no limit). */
  readonly maxFine?: number;
  /** Weight of the taxonomy-profile similarity added to each label's logit. */
  readonly prior: number;
  /** Share of the dense gate in the gate score (the rest: narrative head and best coarse score). */
  readonly gateDense?: number;
  /** Weight of the nearest-exemplar vote added to each label's logit (0 or absent: not used). */
  readonly knn?: number;
  /** Weight of the centred word-vector similarity (embedding.ts) added to each label's logit (0 or absent: not used). */
  readonly embed?: number;
}

export interface NarrativeModelData {
  readonly format: 'narrascope-narrative-model';
  readonly version: string;
  readonly taxonomy: string;
  readonly seed: number;
  readonly trainedOn: string;
  readonly vocabulary: readonly string[];
  readonly idf: readonly number[];
  readonly heads: Readonly<Record<string, LinearHead>>;
  /** Second opinion for the narrative gate from two dense features, per domain. */
  readonly denseGate?: Readonly<Record<string, DenseGateHead>>;
  /** Compressed training documents (their strongest terms) with their labels, for the neighbour vote. */
  readonly exemplars?: readonly Exemplar[];
  readonly thresholds: NarrativeThresholds;
}

/**
 * A three-parameter logistic model on standardised dense features: taxonomy keyword hits per 100 words and
 * the best similarity to a coarse label's profile (both within the domain).
 */
export interface DenseGateHead {
  readonly bias: number;
  readonly weights: readonly number[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
}

export function denseGateProbability(head: DenseGateHead, features: readonly number[]): number {
  let z = head.bias;
  features.forEach(
    (f, i) => (z += (head.weights[i] ?? 0) * ((f - (head.mean[i] ?? 0)) / (head.scale[i] || 1))),
  );
  return sigmoid(z);
}

export interface Exemplar {
  readonly domain: string;
  /** Coarse and fine labels; empty for a document without a narrative. */
  readonly labels: readonly string[];
  readonly weights: readonly (readonly [number, number])[];
}

/** How many nearest exemplars vote. */
export const NEIGHBOURS = 7;

/** Head names besides the label strings themselves. */
export const NARRATIVE_HEAD = '@narrative';
export const DOMAIN_CC_HEAD = '@domain-cc';

export type SparseVector = ReadonlyMap<number, number>;

/** A sparse vector's entries as two arrays, in the Map's order. */
export interface PackedVector {
  readonly index: ArrayLike<number>;
  readonly value: ArrayLike<number>;
}

const PACKED = new WeakMap<SparseVector, PackedVector>();

/**
 * `x` as parallel arrays, made once per vector. A document's vector is read by every label head (over a
 * hundred dot products); iterating a Map allocates an entry pair per element, which made these loops the
 * narrative stage's largest source of garbage. The entries keep their order, so every sum over them adds the
 * same numbers in the same order as over the Map.
 */
export function packVector(x: SparseVector): PackedVector {
  let packed = PACKED.get(x);
  if (!packed) {
    const index: number[] = [];
    const value: number[] = [];
    x.forEach((v, i) => {
      index.push(i);
      value.push(v);
    });
    packed = { index, value };
    PACKED.set(x, packed);
  }
  return packed;
}

export class NarrativeModel {
  private readonly index: ReadonlyMap<string, number>;
  private readonly dense = new Map<string, Float64Array>();
  private scratch: Float64Array | undefined;

  constructor(readonly data: NarrativeModelData) {
    this.index = new Map(data.vocabulary.map((t, i) => [t, i]));
  }

  /** L2-normalised TF-IDF vector (sublinear tf) of a text: `vectorizeCounts(termCounts(text))`. */
  vectorize(text: string): SparseVector {
    const terms = this.termsOf(text);
    return this.vectorizeIndexed(terms, 0, terms.n, 0, text.length);
  }

  /** `vectorize(text.slice(start, end))`, reusing the whole text's terms where it can (see `termOccurrencesIn`). */
  vectorizeRange(text: string, start: number, end: number): SparseVector {
    if (!cleanCut(text, start) || !cleanCut(text, end))
      return this.vectorizeCounts(countTerms(termOccurrencesIn(text, start, end)));
    const terms = this.termsOf(text);
    return this.vectorizeIndexed(terms, firstEndingAfter(terms, start), terms.n, start, end);
  }

  vectorizeCounts(counts: ReadonlyMap<string, number>): SparseVector {
    // The terms' indices and values first, then the Map, each entry set once with its final value (the same
    // entries in the same order as setting the raw values and dividing them in place); forEach, not for-of,
    // so that no entry pair is made per term. The arrays become the vector's packed form (see `packVector`).
    const index: number[] = [];
    const value: number[] = [];
    let norm = 0;
    counts.forEach((count, term) => {
      const i = this.index.get(term);
      if (i === undefined) return;
      const x = (1 + Math.log(count)) * (this.data.idf[i] ?? 0);
      index.push(i);
      value.push(x);
      norm += x * x;
    });
    return this.normalised(index, value, norm);
  }

  /**
   * `vectorizeCounts` of the in-vocabulary occurrences `from`.. of `terms` that lie in [start, end): the
   * same terms in the same order of first occurrence, so the same numbers added in the same order.
   */
  private vectorizeIndexed(terms: IndexedTerms, from: number, to: number, start: number, end: number): SparseVector {
    const counts = (this.counts ??= new Int32Array(this.data.vocabulary.length));
    const order: number[] = [];
    for (let k = from; k < to; k++) {
      if ((terms.end[k] as number) > end) break;
      if ((terms.start[k] as number) < start) continue;
      const i = terms.index[k] as number;
      const count = counts[i] as number;
      counts[i] = count + 1;
      if (count === 0) order.push(i);
    }
    const value: number[] = [];
    let norm = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      const x = (1 + Math.log(counts[i] as number)) * (this.data.idf[i] ?? 0);
      counts[i] = 0;
      value.push(x);
      norm += x * x;
    }
    return this.normalised(order, value, norm);
  }

  /** The vector of raw values `value` at vocabulary `index`, divided by the root of `norm`. */
  private normalised(index: number[], value: number[], norm: number): SparseVector {
    norm = Math.sqrt(norm);
    const v = new Map<number, number>();
    if (norm > 0) for (let k = 0; k < value.length; k++) value[k] = (value[k] as number) / norm;
    for (let k = 0; k < index.length; k++) v.set(index[k] as number, value[k] as number);
    if (v.size === index.length) PACKED.set(v, { index, value });
    return v;
  }

  hasHead(name: string): boolean {
    return name in this.data.heads;
  }

  /** The head's logit for a vector (0 when the head is unknown). */
  logit(name: string, x: SparseVector): number {
    const head = this.data.heads[name];
    if (!head) return 0;
    const w = this.weightsOf(name, head);
    let z = head.bias;
    const { index, value } = packVector(x);
    for (let k = 0; k < index.length; k++) z += (w[index[k] as number] ?? 0) * (value[k] as number);
    return z;
  }

  probability(name: string, x: SparseVector): number {
    return sigmoid(this.logit(name, x));
  }

  /** Terms of `text` that push the head up most, with their spans (the cues shown as support). */
  cues(
    name: string,
    text: string,
    base: number,
    limit = 5,
  ): { term: string; contribution: number; occurrences: TermOccurrence[] }[] {
    return this.cuesOf(name, termOccurrences(text, base), limit);
  }

  /** `cues(name, text.slice(start, end), start, limit)`, reusing the whole text's terms where it can. */
  cuesInRange(name: string, text: string, start: number, end: number, limit = 5): ReturnType<NarrativeModel['cues']> {
    const head = this.data.heads[name];
    if (!head) return [];
    if (!cleanCut(text, start) || !cleanCut(text, end)) return this.cuesOf(name, termOccurrencesIn(text, start, end), limit);
    // Only the occurrences cuesOf keeps (known terms the head weighs up), made from the indexed terms.
    const w = this.weightsOf(name, head);
    const terms = this.termsOf(text);
    const occurrences: TermOccurrence[] = [];
    for (let k = firstEndingAfter(terms, start); k < terms.n; k++) {
      const e = terms.end[k] as number;
      if (e > end) break;
      const s = terms.start[k] as number;
      const i = terms.index[k] as number;
      if (s >= start && (w[i] ?? 0) > 0) occurrences.push({ term: this.data.vocabulary[i] as string, start: s, end: e });
    }
    return this.cuesOf(name, occurrences, limit);
  }

  private bigrams: BigramTable | undefined;
  private lastTerms: IndexedTerms | undefined;
  private counts: Int32Array | undefined;

  /**
   * The in-vocabulary term occurrences of a whole text, in order (those of the last text asked for are
   * kept: the aggregator reads a document's blocks after the document). Terms are looked up as they are
   * found: a bigram by its two parts' ids, so that no bigram string, occurrence object or count Map is
   * made (together the narrative stage's largest garbage).
   */
  private termsOf(text: string): IndexedTerms {
    if (this.lastTerms?.text === text) return this.lastTerms;
    const table = (this.bigrams ??= bigramTable(this.index));
    const words = textWords(text);
    const cap = 2 * words.length;
    const index = new Int32Array(cap);
    const starts = new Int32Array(cap);
    const ends = new Int32Array(cap);
    let n = 0;
    // Part ids of the term just told and of the one before it (-1: not part of any known bigram).
    let part = -1;
    let prevPart = -1;
    visitTerms(
      text,
      words,
      (term, start, end) => {
        prevPart = part;
        const id = table.termId.get(term);
        if (id === undefined) {
          part = -1;
          return;
        }
        part = table.partOf[id] as number;
        const i = table.indexOf[id] as number;
        if (i < 0) return;
        index[n] = i;
        starts[n] = start;
        ends[n++] = end;
      },
      (_first, start, end) => {
        if (prevPart < 0 || part < 0) return;
        const i = table.byPair.get(prevPart * table.parts + part);
        if (i === undefined) return;
        index[n] = i;
        starts[n] = start;
        ends[n++] = end;
      },
    );
    this.lastTerms = { text, n, index, start: starts, end: ends };
    return this.lastTerms;
  }

  private cuesOf(
    name: string,
    occurrences: readonly TermOccurrence[],
    limit: number,
  ): { term: string; contribution: number; occurrences: TermOccurrence[] }[] {
    const head = this.data.heads[name];
    if (!head) return [];
    const w = this.weightsOf(name, head);
    const byTerm = new Map<string, TermOccurrence[]>();
    for (const o of occurrences) {
      const i = this.index.get(o.term);
      if (i === undefined || (w[i] ?? 0) <= 0) continue;
      const list = byTerm.get(o.term) ?? [];
      list.push(o);
      byTerm.set(o.term, list);
    }
    return [...byTerm]
      .map(([term, occurrences]) => {
        const i = this.index.get(term) ?? 0;
        return {
          term,
          contribution: (w[i] ?? 0) * (this.data.idf[i] ?? 0) * (1 + Math.log(occurrences.length)),
          occurrences,
        };
      })
      .sort((a, b) => b.contribution - a.contribution || (a.term < b.term ? -1 : 1))
      .slice(0, limit);
  }

  /**
   * Share of the k most similar exemplars of the domain (similarity-weighted) that carry each label.
   * Documents without a narrative are exemplars too, so a text close to them gets low votes everywhere.
   */
  neighbourVotes(x: SparseVector, domain: string, k = NEIGHBOURS): ReadonlyMap<string, number> {
    const votes = new Map<string, number>();
    const ex = this.data.exemplars ?? [];
    // x as a dense array for the many dot products (the same numbers as x.get(i) ?? 0). The array is the
    // model's scratch space, set back to zeros after use: a fresh one per call (the size of the vocabulary)
    // was a good part of the narrative stage's garbage. forEach rather than for-of: no entry pair per term.
    const dense = (this.scratch ??= new Float64Array(this.data.vocabulary.length));
    let inRange = true;
    // The k best exemplars with a positive similarity, best first (ties: lower index first): the first k of
    // sorting every exemplar by that order, kept by insertion instead of an object per exemplar and a sort.
    const topI: number[] = [];
    const topSim: number[] = [];
    try {
      x.forEach((v, i) => {
        if (i >= 0 && i < dense.length && Number.isInteger(i)) dense[i] = v;
        else inRange = false;
      });
      const packed = inRange ? this.packedExemplars() : null;
      for (let i = 0; i < ex.length; i++) {
        const e = ex[i] as Exemplar;
        if (e.domain !== domain) continue;
        const p = packed?.[i];
        const sim = p ? packedDot(dense, p) : inRange ? denseDot(dense, e.weights) : dot(x, e.weights);
        if (!(sim > 0)) continue;
        // Insert after every kept one that sorts before it (higher similarity, or equal and lower index).
        let at = topI.length;
        while (at > 0 && sim > (topSim[at - 1] as number)) at--;
        if (at >= k) continue;
        for (let j = Math.min(topI.length, k - 1); j > at; j--) {
          topI[j] = topI[j - 1] as number;
          topSim[j] = topSim[j - 1] as number;
        }
        topI[at] = i;
        topSim[at] = sim;
      }
    } finally {
      x.forEach((_, i) => {
        if (i >= 0 && i < dense.length && Number.isInteger(i)) dense[i] = 0;
      });
    }
    let total = 0;
    for (let j = 0; j < topSim.length; j++) total += topSim[j] as number;
    if (total <= 0) return votes;
    for (let j = 0; j < topI.length; j++) {
      const sim = topSim[j] as number;
      for (const label of ex[topI[j] as number]!.labels) votes.set(label, (votes.get(label) ?? 0) + sim / total);
    }
    return votes;
  }

  private packed: (PackedVector | null)[] | undefined;

  /**
   * Each exemplar's weights as parallel arrays, in their stored order (made once per model); null for an
   * exemplar whose indices an Int32Array cannot hold as they are (then its tuples are read).
   */
  private packedExemplars(): (PackedVector | null)[] {
    return (this.packed ??= (this.data.exemplars ?? []).map((e) =>
      e.weights.every(([i]) => Number.isInteger(i) && i >= 0 && i <= 0x7fffffff)
        ? { index: Int32Array.from(e.weights, ([i]) => i), value: Float64Array.from(e.weights, ([, w]) => w) }
        : null,
    ));
  }

  private weightsOf(name: string, head: LinearHead): Float64Array {
    let w = this.dense.get(name);
    if (!w) {
      w = new Float64Array(this.data.vocabulary.length);
      for (const [i, value] of head.weights) w[i] = value;
      this.dense.set(name, w);
    }
    return w;
  }
}

/** A text's in-vocabulary term occurrences, in occurrence order, as parallel arrays of length at least `n`. */
interface IndexedTerms {
  readonly text: string;
  readonly n: number;
  readonly index: Int32Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
}

/** The first occurrence that ends after `start` (ends never decrease along the list: see `termOccurrencesIn`). */
function firstEndingAfter(terms: IndexedTerms, start: number): number {
  let lo = 0;
  let hi = terms.n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((terms.end[mid] as number) <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The vocabulary for looking up a text's words: each unigram term and each part of a bigram term gets an
 * id (one Map look-up per word); `indexOf` and `partOf` give the id's vocabulary index and part id (-1:
 * none); `byPair` maps part(a) × parts + part(b) to the index of the bigram "a b".
 */
interface BigramTable {
  readonly termId: ReadonlyMap<string, number>;
  readonly indexOf: Int32Array;
  readonly partOf: Int32Array;
  readonly parts: number;
  readonly byPair: ReadonlyMap<number, number>;
}

function bigramTable(index: ReadonlyMap<string, number>): BigramTable {
  const partId = new Map<string, number>();
  const pairs: [string, string, number][] = [];
  // A term's words never contain a space, so a bigram term is exactly two parts around one space.
  index.forEach((i, term) => {
    const space = term.indexOf(' ');
    if (space < 0 || term.includes(' ', space + 1)) return;
    const a = term.slice(0, space);
    const b = term.slice(space + 1);
    for (const p of [a, b]) if (!partId.has(p)) partId.set(p, partId.size);
    pairs.push([a, b, i]);
  });
  const parts = partId.size;
  const byPair = new Map<number, number>();
  for (const [a, b, i] of pairs) byPair.set((partId.get(a) as number) * parts + (partId.get(b) as number), i);
  const termId = new Map<string, number>();
  const unigrams: [string, number][] = [];
  index.forEach((i, term) => {
    if (!term.includes(' ')) unigrams.push([term, i]);
  });
  for (const [term] of unigrams) termId.set(term, termId.size);
  partId.forEach((_, term) => {
    if (!termId.has(term)) termId.set(term, termId.size);
  });
  const indexOf = new Int32Array(termId.size).fill(-1);
  const partOf = new Int32Array(termId.size).fill(-1);
  for (const [term, i] of unigrams) indexOf[termId.get(term) as number] = i;
  partId.forEach((p, term) => (partOf[termId.get(term) as number] = p));
  return { termId, indexOf, partOf, parts, byPair };
}

function dot(x: SparseVector, weights: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (const [i, w] of weights) s += (x.get(i) ?? 0) * w;
  return s;
}

function denseDot(x: Float64Array, weights: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (const [i, w] of weights) s += (x[i] ?? 0) * w;
  return s;
}

/** `denseDot` over the packed weights: the same products summed in the same order. */
function packedDot(x: Float64Array, weights: PackedVector): number {
  const { index, value } = weights;
  let s = 0;
  for (let j = 0; j < index.length; j++) s += (x[index[j] as number] ?? 0) * (value[j] as number);
  return s;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
