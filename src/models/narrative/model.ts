/**
 * The trained narrative model: TF-IDF over terms.ts terms, and one linear (logistic) head per decision —
 * "does the document carry a narrative", "climate (CC) rather than the Ukraine war (URW)", one per coarse
 * label and one per fine label — with thresholds chosen by cross-validation. Pure data + arithmetic, no fs:
 * the artefact is imported as JSON by builtin.ts and can also be built in memory (bench/narrative/).
 */
import { termCounts, termOccurrences, type TermOccurrence } from './terms.js';

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
  /** Weight of the taxonomy-profile similarity added to each label's logit. */
  readonly prior: number;
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
  readonly thresholds: NarrativeThresholds;
}

/** Head names besides the label strings themselves. */
export const NARRATIVE_HEAD = '@narrative';
export const DOMAIN_CC_HEAD = '@domain-cc';

export type SparseVector = ReadonlyMap<number, number>;

export class NarrativeModel {
  private readonly index: ReadonlyMap<string, number>;
  private readonly dense = new Map<string, Float64Array>();

  constructor(readonly data: NarrativeModelData) {
    this.index = new Map(data.vocabulary.map((t, i) => [t, i]));
  }

  /** L2-normalised TF-IDF vector (sublinear tf) of a text. */
  vectorize(text: string): SparseVector {
    return this.vectorizeCounts(termCounts(text));
  }

  vectorizeCounts(counts: ReadonlyMap<string, number>): SparseVector {
    const v = new Map<number, number>();
    let norm = 0;
    for (const [term, count] of counts) {
      const i = this.index.get(term);
      if (i === undefined) continue;
      const value = (1 + Math.log(count)) * (this.data.idf[i] ?? 0);
      v.set(i, value);
      norm += value * value;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [i, value] of v) v.set(i, value / norm);
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
    for (const [i, value] of x) z += (w[i] ?? 0) * value;
    return z;
  }

  probability(name: string, x: SparseVector): number {
    return sigmoid(this.logit(name, x));
  }

  /** Terms of `text` that push the head up most, with their spans (the cues shown as support). */
  cues(name: string, text: string, base: number, limit = 5): { term: string; contribution: number; occurrences: TermOccurrence[] }[] {
    const head = this.data.heads[name];
    if (!head) return [];
    const w = this.weightsOf(name, head);
    const byTerm = new Map<string, TermOccurrence[]>();
    for (const o of termOccurrences(text, base)) {
      const i = this.index.get(o.term);
      if (i === undefined || (w[i] ?? 0) <= 0) continue;
      const list = byTerm.get(o.term) ?? [];
      list.push(o);
      byTerm.set(o.term, list);
    }
    return [...byTerm]
      .map(([term, occurrences]) => {
        const i = this.index.get(term) ?? 0;
        return { term, contribution: (w[i] ?? 0) * (this.data.idf[i] ?? 0) * (1 + Math.log(occurrences.length)), occurrences };
      })
      .sort((a, b) => b.contribution - a.contribution || (a.term < b.term ? -1 : 1))
      .slice(0, limit);
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

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
