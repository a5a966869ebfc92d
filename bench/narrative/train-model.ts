/**
 * Fits the narrative model (src/models/narrative/model.ts) on gold documents: vocabulary and IDF from the
 * training documents (plus the taxonomy's own words), then one logistic head per decision. Deterministic:
 * documents are sorted by id and the optimiser has no randomness.
 */
import {
  DOMAIN_CC_HEAD,
  NARRATIVE_HEAD,
  NarrativeModel,
  type DenseGateHead,
  type LinearHead,
  type NarrativeModelData,
  type NarrativeThresholds,
  type SparseVector,
} from '../../src/models/narrative/model.js';
import { domainOf, LabelProfiles, profileText } from '../../src/models/narrative/predict.js';
import { termCounts } from '../../src/models/narrative/terms.js';
import type { Taxonomy } from '../../src/taxonomy/types.js';
import type { GoldDocument } from './data.js';
import { fitLogistic } from './logistic.js';

export interface TrainOptions {
  readonly minDf: number;
  readonly maxVocabulary: number;
  readonly l2: number;
  readonly iterations: number;
  /** Add each label's taxonomy profile as one extra positive example of its head. */
  readonly profileExamples: boolean;
  /** Train coarse/fine heads on documents of the label's domain that carry a narrative (true) or all of the domain. */
  readonly narrativeDocsOnly: boolean;
  /** Drop weights smaller than this in absolute value from the artefact. */
  readonly prune: number;
  /** Keep at most this many weights per head (largest in absolute value): keeps the artefact small. */
  readonly maxWeightsPerHead: number;
  /** Terms kept per training document for the neighbour vote. */
  readonly exemplarTerms: number;
}

export const DEFAULT_TRAIN: TrainOptions = {
  minDf: 2,
  maxVocabulary: 6000,
  l2: 0.001,
  iterations: 200,
  profileExamples: true,
  narrativeDocsOnly: false,
  prune: 0.002,
  maxWeightsPerHead: 250,
  exemplarTerms: 80,
};

/** Bias of a head that has no positive example: the label is possible only through the taxonomy prior. */
const UNSEEN_BIAS = -3;

export function trainNarrativeModel(
  docs: readonly GoldDocument[],
  taxonomy: Taxonomy,
  thresholds: NarrativeThresholds,
  o: TrainOptions = DEFAULT_TRAIN,
  seed = 0,
): NarrativeModelData {
  const counts = docs.map((d) => termCounts(d.text));
  const df = new Map<string, number>();
  for (const c of counts) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const taxonomyTerms = new Set<string>();
  for (const l of taxonomy.labels) for (const t of termCounts(profileText(l)).keys()) taxonomyTerms.add(t);
  const corpusTerms = [...df]
    .filter(([, n]) => n >= o.minDf && n < docs.length * 0.9)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.maxVocabulary)
    .map(([t]) => t);
  const vocabulary = [...new Set([...corpusTerms, ...taxonomyTerms])].sort();
  const n = docs.length;
  const idf = vocabulary.map((t) => round(Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1, 4));
  const base: NarrativeModelData = {
    format: 'narrascope-narrative-model',
    version: '1',
    taxonomy: taxonomy.id,
    seed,
    trainedOn: `SemEval-2025 Task 10 subtask 2, English training documents (${n})`,
    vocabulary,
    idf,
    heads: {},
    thresholds,
  };
  const vectorizer = new NarrativeModel(base);
  const xs = counts.map((c) => vectorizer.vectorizeCounts(c));
  const dims = vocabulary.length;
  const heads: Record<string, LinearHead> = {};
  const fit = (name: string, ex: readonly SparseVector[], ys: readonly number[]): void => {
    if (!ys.some((y) => y > 0)) {
      heads[name] = { bias: UNSEEN_BIAS, weights: [] };
      return;
    }
    const { bias, w } = fitLogistic(ex, ys, dims, {
      l2: o.l2,
      iterations: o.iterations,
      positiveWeight: 'balanced',
    });
    let weights: [number, number][] = [];
    w.forEach((value, i) => {
      if (Math.abs(value) >= o.prune) weights.push([i, round(value, 4)]);
    });
    weights = weights
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0])
      .slice(0, o.maxWeightsPerHead)
      .sort((a, b) => a[0] - b[0]);
    heads[name] = { bias: round(bias, 4), weights };
  };

  fit(
    NARRATIVE_HEAD,
    xs,
    docs.map((d) => (d.coarse.size ? 1 : 0)),
  );
  fit(
    DOMAIN_CC_HEAD,
    xs,
    docs.map((d) => (d.domain === 'CC' ? 1 : 0)),
  );
  for (const label of taxonomy.labels) {
    if (label.label.endsWith(': Other') && label.level === 'fine') continue;
    const domain = domainOf(label.label);
    const ex: SparseVector[] = [];
    const ys: number[] = [];
    docs.forEach((d, i) => {
      if (d.domain !== domain) return;
      if (o.narrativeDocsOnly && !d.coarse.size) return;
      // Fine heads learn among documents that carry the parent narrative.
      if (label.parent && !d.coarse.has(label.parent)) return;
      ex.push(xs[i]!);
      ys.push((label.level === 'coarse' ? d.coarse : d.fine).has(label.label) ? 1 : 0);
    });
    if (o.profileExamples && ys.some((y) => y > 0)) {
      ex.push(vectorizer.vectorize(profileText(label)));
      ys.push(1);
    }
    fit(label.label, ex, ys);
  }
  // Dense gate per domain, fitted on each document's features under its own domain.
  const profiles = new LabelProfiles(vectorizer, taxonomy);
  const denseGate: Record<string, DenseGateHead> = {};
  for (const domain of ['URW', 'CC']) {
    const idx = docs.map((d, i) => (d.domain === domain ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) continue;
    const feats = idx.map((i) => profiles.denseFeatures(docs[i]!.text, xs[i]!, domain));
    const mean = [0, 1].map((k) => feats.reduce((s, f) => s + f[k]!, 0) / feats.length);
    const scale = [0, 1].map(
      (k) => Math.sqrt(feats.reduce((s, f) => s + (f[k]! - mean[k]!) ** 2, 0) / feats.length) || 1,
    );
    const ex = feats.map(
      (f) => new Map(f.map((v, k) => [k, (v - mean[k]!) / scale[k]!] as [number, number])),
    );
    const { bias, w } = fitLogistic(
      ex,
      idx.map((i) => (docs[i]!.coarse.size ? 1 : 0)),
      2,
      { l2: 0.01, iterations: 300, positiveWeight: 1 },
    );
    denseGate[domain] = {
      bias: round(bias, 4),
      weights: [...w].map((v) => round(v, 4)),
      mean: mean.map((v) => round(v, 4)),
      scale: scale.map((v) => round(v, 4)),
    };
  }
  const exemplars = docs.map((d, i) => ({
    domain: d.domain,
    labels: [...d.coarse, ...d.fine].sort(),
    weights: topTerms(xs[i]!, o.exemplarTerms),
  }));
  return { ...base, heads, denseGate, exemplars };
}

/** The strongest terms of a vector, renormalised: a compact stand-in for the document. */
function topTerms(x: SparseVector, n: number): [number, number][] {
  const top = [...x].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n);
  const norm = Math.sqrt(top.reduce((s, [, v]) => s + v * v, 0)) || 1;
  return top.map(([i, v]) => [i, round(v / norm, 4)] as [number, number]).sort((a, b) => a[0] - b[0]);
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
