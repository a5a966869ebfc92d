/**
 * K-fold cross-validation by document with a fixed seed. Thresholds are chosen inside each training part
 * (inner CV on the training documents only), so the reported figures are for documents whose labels
 * played no part in either the weights or the thresholds.
 */
import {
  DOMAIN_CC_HEAD,
  NARRATIVE_HEAD,
  NarrativeModel,
  sigmoid,
  type NarrativeThresholds,
} from '../../src/models/narrative/model.js';
import {
  decideNarratives,
  LabelProfiles,
  scorerFor,
  type NarrativePrediction,
  type NarrativeScorer,
} from '../../src/models/narrative/predict.js';
import type { Taxonomy } from '../../src/taxonomy/types.js';
import type { GoldDocument } from './data.js';
import { samplesF1 } from './metrics.js';
import { DEFAULT_TRAIN, trainNarrativeModel, type TrainOptions } from './train-model.js';

/** Precomputed head outputs of one held-out document. */
interface Scores extends NarrativeScorer {
  readonly doc: GoldDocument;
}

const PLACEHOLDER: NarrativeThresholds = { narrative: 0.5, coarse: 0.5, fine: 0.5, prior: 0 };

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fold index per document: shuffled with the seed, stratified by (domain, has narrative). */
export function assignFolds(docs: readonly GoldDocument[], k: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const folds = new Array<number>(docs.length).fill(0);
  const groups = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const key = `${d.domain}/${d.coarse.size ? 1 : 0}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  let offset = 0;
  for (const key of [...groups.keys()].sort()) {
    const idx = groups.get(key)!;
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((docIndex, r) => (folds[docIndex] = (r + offset) % k));
    offset += idx.length;
  }
  return folds;
}

/** Out-of-fold head outputs for every document. */
export function outOfFoldScores(
  docs: readonly GoldDocument[],
  taxonomy: Taxonomy,
  k: number,
  seed: number,
  o: TrainOptions,
): Scores[] {
  const folds = assignFolds(docs, k, seed);
  const out: Scores[] = new Array(docs.length);
  for (let f = 0; f < k; f++) {
    const train = docs.filter((_, i) => folds[i] !== f);
    const model = new NarrativeModel(trainNarrativeModel(train, taxonomy, PLACEHOLDER, o, seed));
    const profiles = new LabelProfiles(model, taxonomy);
    docs.forEach((doc, i) => {
      if (folds[i] !== f) return;
      const x = model.vectorize(doc.text);
      const logits = new Map<string, number>();
      const sims = new Map<string, number>();
      for (const l of taxonomy.labels) {
        logits.set(l.label, model.logit(l.label, x));
        sims.set(l.label, profiles.similarity(l.label, x));
      }
      const pN = model.probability(NARRATIVE_HEAD, x);
      const pCC = model.probability(DOMAIN_CC_HEAD, x);
      const votes = new Map(['URW', 'CC'].map((d) => [d, model.neighbourVotes(x, d)]));
      const scorer = scorerFor(model, profiles, x, doc.text);
      const dense = new Map(['URW', 'CC'].map((d) => [d, scorer.dense(d)]));
      const embedded = profiles.embeddingSimilarities(doc.text);
      out[i] = {
        doc,
        empty: x.size === 0,
        narrative: () => pN,
        domainCC: () => pCC,
        logit: (l) => logits.get(l) ?? -10,
        similarity: (l) => sims.get(l) ?? 0,
        knn: (l, d) => votes.get(d)?.get(l) ?? 0,
        dense: (d) => dense.get(d) ?? 0.5,
        embedding: (l) => embedded.get(l) ?? 0,
      };
    });
  }
  return out;
}

export interface Figures {
  readonly coarseAll: number;
  readonly fineAll: number;
  readonly coarseNarr: number;
  readonly fineNarr: number;
  readonly otherAccuracy: number;
  readonly documents: number;
}

export function figures(rows: readonly { doc: GoldDocument; pred: NarrativePrediction }[]): Figures {
  const pairs = rows.map((r) => ({
    narr: r.doc.coarse.size > 0,
    coarse: { pred: new Set(r.pred.coarse.map((c) => c.label)), gold: r.doc.coarse },
    fine: { pred: new Set(r.pred.fine.map((c) => c.label)), gold: r.doc.fine },
  }));
  const narr = pairs.filter((p) => p.narr);
  const others = rows.filter((r) => !r.doc.coarse.size);
  return {
    coarseAll: samplesF1(pairs.map((p) => p.coarse)),
    fineAll: samplesF1(pairs.map((p) => p.fine)),
    coarseNarr: samplesF1(narr.map((p) => p.coarse)),
    fineNarr: samplesF1(narr.map((p) => p.fine)),
    otherAccuracy: others.length ? others.filter((r) => !r.pred.hasNarrative).length / others.length : 0,
    documents: rows.length,
  };
}

const GRID = {
  narrative: [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8],
  coarse: [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95],
  fine: [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95],
  prior: [0, 8, 16, 32, 64],
  // [share of the best coarse score, share of the dense gate] in the gate score.
  gateMix: [
    [0, 0],
    [0.5, 0],
    [1, 0],
    [0, 0.5],
    [0, 1],
    [0.34, 0.33],
    [0.5, 0.5],
  ] as const,
  knn: [0, 1, 2, 3, 5],
  // Weight of the word-vector similarity; each value gets a full search of the other parameters.
  embed: [0, 10, 30],
  maxFine: [1, 2, 10],
  maxCoarse: [1, 2, 3, 5, 10],
};

/** Objective for threshold choice: the mean of the four reported samples-F1 figures. */
function objective(f: Figures): number {
  return (f.coarseAll + f.fineAll + f.coarseNarr + f.fineNarr) / 4;
}

export function chooseThresholds(scores: readonly Scores[], taxonomy: Taxonomy): NarrativeThresholds {
  const evaluate = (t: NarrativeThresholds): number =>
    objective(figures(scores.map((s) => ({ doc: s.doc, pred: decideNarratives(s, taxonomy, t) }))));
  let best: { t: NarrativeThresholds; v: number } | null = null;
  for (const embed of GRID.embed) {
    const t = searchThresholds(evaluate, embed);
    const v = evaluate(t);
    if (!best || v > best.v + 1e-9) best = { t, v };
  }
  return best!.t;
}

/** Coordinate ascent over the decision parameters for one word-vector weight. */
function searchThresholds(evaluate: (t: NarrativeThresholds) => number, embed: number): NarrativeThresholds {
  let best: { t: NarrativeThresholds; v: number } | null = null;
  const consider = (t: NarrativeThresholds): void => {
    const v = evaluate(t);
    if (!best || v > best.v + 1e-9) best = { t, v };
  };
  // Coordinate ascent, two rounds: (score mix, gate) · (label thresholds) · (gate per domain).
  let current: NarrativeThresholds = {
    narrative: 0.5,
    coarse: 0.5,
    fine: 0.5,
    prior: 16,
    gateMix: 0.5,
    knn: 0,
    embed,
  };
  const bestT = (): NarrativeThresholds => (best as { t: NarrativeThresholds } | null)?.t ?? current;
  for (let round = 0; round < 2; round++) {
    for (const knn of GRID.knn)
      for (const [gateMix, gateDense] of GRID.gateMix)
        for (const prior of GRID.prior)
          for (const narrative of GRID.narrative)
            consider({ ...current, narrativeByDomain: undefined, knn, gateMix, gateDense, prior, narrative });
    current = bestT();
    for (const maxCoarse of GRID.maxCoarse)
      for (const maxFine of GRID.maxFine)
        for (const coarse of GRID.coarse)
          for (const fine of GRID.fine) consider({ ...current, coarse, fine, maxCoarse, maxFine });
    current = bestT();
    for (const urw of GRID.narrative)
      for (const cc of GRID.narrative) consider({ ...current, narrativeByDomain: { URW: urw, CC: cc } });
    current = bestT();
  }
  return (best as { t: NarrativeThresholds } | null)!.t;
}

export interface CvReport {
  readonly figures: Figures;
  readonly perFoldThresholds: readonly NarrativeThresholds[];
  readonly allOther: Figures;
}

/** Nested CV: outer k folds for the figures; inner k folds on each training part to pick thresholds. */
export function nestedCrossValidation(
  docs: readonly GoldDocument[],
  taxonomy: Taxonomy,
  k: number,
  seed: number,
  o: TrainOptions = DEFAULT_TRAIN,
  log: (s: string) => void = () => {},
): CvReport {
  const folds = assignFolds(docs, k, seed);
  const rows: { doc: GoldDocument; pred: NarrativePrediction }[] = [];
  const perFold: NarrativeThresholds[] = [];
  for (let f = 0; f < k; f++) {
    const train = docs.filter((_, i) => folds[i] !== f);
    const test = docs.filter((_, i) => folds[i] === f);
    const t = chooseThresholds(outOfFoldScores(train, taxonomy, k, seed + 1, o), taxonomy);
    perFold.push(t);
    const model = new NarrativeModel(trainNarrativeModel(train, taxonomy, t, o, seed));
    const profiles = new LabelProfiles(model, taxonomy);
    for (const doc of test) {
      const x = model.vectorize(doc.text);
      rows.push({ doc, pred: decideNarratives(scorerFor(model, profiles, x, doc.text), taxonomy, t) });
    }
    log(`  fold ${f + 1}/${k}: thresholds ${JSON.stringify(t)}`);
  }
  const allOther = figures(
    docs.map((doc) => ({
      doc,
      pred: { narrativeScore: 0, hasNarrative: false, domain: null, coarse: [], fine: [] },
    })),
  );
  return { figures: figures(rows), perFoldThresholds: perFold, allOther };
}

export { sigmoid };
