import { readFileSync } from 'node:fs';
import { FEATURE_NAMES } from './features.js';
import { validStrengthThresholds, type MatchStrengthThresholds } from './match-strength.js';

/**
 * The re-ranker: a linear score over standardised pair features, learned with a pairwise logistic loss
 * (each relevant fact-check should outscore each non-relevant candidate of the same query). Training is
 * full-batch gradient descent from zero weights — deterministic, no random seed involved — so
 * `npm run train matching` rebuilds `reranker-model.json` bit-for-bit from the same data.
 */
export interface RerankerModel {
  readonly format: 'narrascope-reranker';
  readonly version: 1;
  readonly features: readonly string[];
  readonly mean: readonly number[];
  readonly std: readonly number[];
  readonly weights: readonly number[];
  /** How it was made (data, candidates, iterations, regularisation). */
  readonly trainedOn: string;
  /** Scores that divide results into strong, possible and weak (match-strength.ts); absent in older files. */
  readonly strength?: MatchStrengthThresholds;
}

export interface TrainingGroup {
  readonly features: readonly Float64Array[];
  readonly relevant: readonly boolean[];
}

export interface TrainOptions {
  readonly iterations?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  readonly trainedOn?: string;
}

export function rerankScore(model: RerankerModel, f: Float64Array): number {
  let s = 0;
  for (let i = 0; i < model.weights.length; i++)
    s += model.weights[i]! * ((f[i]! - model.mean[i]!) / model.std[i]!);
  return s;
}

/** Checks a model file's shape against the features this code computes; throws with the reason. */
export function validateRerankerModel(value: unknown): RerankerModel {
  const m = value as Partial<RerankerModel> | null;
  if (!m || m.format !== 'narrascope-reranker' || m.version !== 1)
    throw new Error('not a Narrascope re-ranker model (format/version)');
  const n = FEATURE_NAMES.length;
  const ok = (a: unknown): a is number[] =>
    Array.isArray(a) && a.length === n && a.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (!Array.isArray(m.features) || m.features.join(',') !== FEATURE_NAMES.join(',')) {
    throw new Error(
      're-ranker model was trained with other features; retrain it with `npm run train matching`',
    );
  }
  if (!ok(m.mean) || !ok(m.std) || !ok(m.weights) || m.std.some((s) => s <= 0))
    throw new Error('re-ranker model has malformed numbers');
  if (m.strength !== undefined && !validStrengthThresholds(m.strength))
    throw new Error('re-ranker model has malformed match-strength thresholds');
  return m as RerankerModel;
}

export function trainReranker(groups: readonly TrainingGroup[], options: TrainOptions = {}): RerankerModel {
  const iterations = options.iterations ?? 600;
  const lr = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-3;
  const n = FEATURE_NAMES.length;
  // Standardise with the statistics of all candidates.
  const mean = new Float64Array(n);
  const sq = new Float64Array(n);
  let count = 0;
  for (const g of groups) {
    for (const f of g.features) {
      count++;
      for (let i = 0; i < n; i++) {
        mean[i]! += f[i]!;
        sq[i]! += f[i]! * f[i]!;
      }
    }
  }
  const std = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mean[i]! /= Math.max(count, 1);
    const sd = Math.sqrt(Math.max(sq[i]! / Math.max(count, 1) - mean[i]! * mean[i]!, 0));
    // A constant feature carries no information: scale 1 keeps it harmless (and avoids 0/0).
    std[i] = sd > 1e-6 ? sd : 1;
  }
  // Pair differences (positive minus negative), standardised.
  const diffs: Float64Array[] = [];
  const pairWeights: number[] = [];
  for (const g of groups) {
    const pos = g.features.filter((_, i) => g.relevant[i]);
    const neg = g.features.filter((_, i) => !g.relevant[i]);
    if (pos.length === 0 || neg.length === 0) continue;
    // Every query weighs the same, whatever its number of candidates.
    const w = 1 / (pos.length * neg.length);
    for (const p of pos) {
      for (const q of neg) {
        const d = new Float64Array(n);
        for (let i = 0; i < n; i++) d[i] = (p[i]! - q[i]!) / std[i]!;
        diffs.push(d);
        pairWeights.push(w);
      }
    }
  }
  const totalWeight = pairWeights.reduce((a, b) => a + b, 0) || 1;
  const weights = new Float64Array(n);
  const grad = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    for (let k = 0; k < diffs.length; k++) {
      const d = diffs[k]!;
      let z = 0;
      for (let i = 0; i < n; i++) z += weights[i]! * d[i]!;
      // d/dw of log(1 + exp(-z)) = -sigmoid(-z) * d
      const g = -pairWeights[k]! / (1 + Math.exp(z));
      for (let i = 0; i < n; i++) grad[i]! += g * d[i]!;
    }
    for (let i = 0; i < n; i++) weights[i]! -= lr * (grad[i]! / totalWeight + l2 * weights[i]!);
  }
  const round = (x: number): number => Number(x.toPrecision(8));
  return {
    format: 'narrascope-reranker',
    version: 1,
    features: [...FEATURE_NAMES],
    mean: [...mean].map(round),
    std: [...std].map(round),
    weights: [...weights].map(round),
    trainedOn: options.trainedOn ?? 'unspecified',
  };
}

export const DEFAULT_RERANKER_FILE = new URL('./reranker-model.json', import.meta.url);

let cachedModel: RerankerModel | null | undefined;

/**
 * The committed re-ranker (trained by `npm run train matching`), or null when the file is absent
 * (a checkout before training): the matcher then ranks by BM25 alone and says so in its output.
 */
export function loadRerankerModel(file?: string | URL): RerankerModel | null {
  if (!file && cachedModel !== undefined) return cachedModel;
  let text: string;
  try {
    text = readFileSync(file ?? DEFAULT_RERANKER_FILE, 'utf8');
  } catch {
    if (file) throw new Error(`cannot read the re-ranker model ${String(file)}`);
    cachedModel = null;
    return null;
  }
  const model = validateRerankerModel(JSON.parse(text));
  if (!file) cachedModel = model;
  return model;
}
