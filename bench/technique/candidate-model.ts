/**
 * The candidate model of the second stage: a binary logistic regression over the span classifier's kind of
 * features (words, lemmas, word clusters, context words, cues, length ...) that tells a candidate span of the
 * tagger lying on an annotated span from one that does not. The technique classifier was trained on annotated
 * spans only, so its distribution cannot say this; the span filter gets the candidate model's probability as
 * its last input (`candidate-prob`). Trained on the tagger's out-of-fold candidates, so that it learns the
 * tagger's mistakes on articles the tagger did not see; scored through the pruned, quantised artefact, as at
 * run time.
 */
import { spanFeatures } from '../../src/models/technique/features.js';
import { featureIds, loadLinear, saveLinear, scoreOne, sigmoid, type LinearArtefact, type LinearModel } from '../../src/models/technique/linear.js';
import type { DocPrediction, Extracted, PredSpan } from './pipeline.js';
import { SEED } from './pipeline.js';
import { overlapShare } from './second-stage.js';
import { prune, trainLogistic, type Example } from './trainer.js';

/** Tagger threshold of the training candidates: the lowest the span filter may work from (FILTER_SPAN_GRID). */
export const CANDIDATE_SPAN = 0.15;
export const CANDIDATE_OPTIONS = { epochs: 6, rate: 0.05, l2: 1e-6, seed: SEED, minCount: 2 };
/** A candidate counts as annotated when at least half of it is covered by annotated spans. */
const COVERED = 0.5;
const MIN_WEIGHT = 0.03;

/** Feature names and interned ids of every candidate of every tagger threshold, computed once. */
export interface CandidateFeatures {
  readonly names: Map<PredSpan, readonly string[]>;
  readonly ids: Map<PredSpan, Int32Array>;
}

export function candidateFeatures(preds: readonly DocPrediction[], ex: Extracted): CandidateFeatures {
  const names = new Map<PredSpan, readonly string[]>();
  const ids = new Map<PredSpan, Int32Array>();
  for (const p of preds) {
    for (const spans of p.byThreshold.values()) {
      for (const s of spans) {
        const f = spanFeatures(p.doc.fd, s.a, s.b, s.start, s.end, ex.clusters);
        names.set(s, f);
        ids.set(s, ex.interner.all(f));
      }
    }
  }
  return { names, ids };
}

/** Trains the candidate model on the candidates (at CANDIDATE_SPAN) of `preds`. */
export function trainCandidateModel(preds: readonly DocPrediction[], ex: Extracted, f: CandidateFeatures): LinearArtefact {
  const examples: Example[] = [];
  for (const p of preds) for (const s of p.byThreshold.get(CANDIDATE_SPAN) ?? []) examples.push({ a: f.ids.get(s) as Int32Array, y: overlapShare(s, p) >= COVERED ? 1 : 0 });
  const nFeat = ex.interner.names.length;
  const w = trainLogistic(examples, nFeat, CANDIDATE_OPTIONS);
  const pruned = prune(ex.interner.names, w, 1, MIN_WEIGHT);
  return saveLinear(['annotated'], pruned.features, pruned.weights);
}

/** The candidate model's probability for one candidate (the run-time `candidateProbability`, by feature names). */
function probability(model: LinearModel, names: readonly string[]): number {
  return sigmoid(scoreOne(model, featureIds(model, names)));
}

/** `preds` with each candidate's filter inputs extended by the probability of the model `modelOf(p)` gives. */
export function withCandidateProbs(preds: readonly DocPrediction[], f: CandidateFeatures, modelOf: (p: DocPrediction) => LinearModel): DocPrediction[] {
  return preds.map((p) => {
    const model = modelOf(p);
    const byThreshold = new Map([...p.byThreshold].map(([th, spans]) => [th, spans.map((s) => ({ ...s, x: [...s.x, probability(model, f.names.get(s) as readonly string[])] }))]));
    return { ...p, byThreshold };
  });
}

/** Out-of-fold candidate probabilities: each fold scored by a model trained on the other folds. */
export function outOfFoldCandidateProbs(preds: readonly DocPrediction[], ex: Extracted, f: CandidateFeatures): DocPrediction[] {
  const models = new Map<number, LinearModel>();
  for (const fold of new Set(preds.map((p) => p.fold))) models.set(fold, loadLinear(trainCandidateModel(preds.filter((p) => p.fold !== fold), ex, f)));
  return withCandidateProbs(preds, f, (p) => models.get(p.fold) as LinearModel);
}

/**
 * For the evaluation: given the held-out fold h, every prediction with candidate probabilities from models that
 * never saw fold h — fold h scored by a model trained on the other folds, fold g ≠ h by one trained on the
 * folds other than g and h — so that the span filter fitted on the other folds for h learns nothing of h.
 */
export function nestedCandidateProbs(preds: readonly DocPrediction[], ex: Extracted, f: CandidateFeatures): (heldOut: number) => DocPrediction[] {
  const models = new Map<string, LinearModel>();
  const modelWithout = (...folds: number[]): LinearModel => {
    const key = [...new Set(folds)].sort().join(',');
    let m = models.get(key);
    if (!m) {
      m = loadLinear(trainCandidateModel(preds.filter((p) => !folds.includes(p.fold)), ex, f));
      models.set(key, m);
    }
    return m;
  };
  return (heldOut) => withCandidateProbs(preds, f, (p) => modelWithout(heldOut, p.fold));
}
