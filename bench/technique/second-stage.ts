/**
 * Training of the second stage (`src/models/technique/second-stage.ts`) on out-of-fold output of the first:
 * the span filter (which candidate spans to keep) and the paragraph stack (which techniques a paragraph
 * uses). Both are L2-regularised logistic models over a few standardised numbers, fitted by Newton's method
 * (deterministic). Their thresholds, and the tagger threshold the filter works from, are chosen on inner
 * out-of-fold scores: for each fold present, a model trained on the others scores it.
 */
import { logisticScore, documentBest, paragraphStackFeatures, PARAGRAPH_STACK_FEATURES, spanFilterFeatureNames, type LogisticArtefact, type ParagraphStackArtefact, type SpanFilterArtefact, type StackSpan } from '../../src/models/technique/second-stage.js';
import { LabelCounts, OverlapScore, perLabelThresholds } from './metrics.js';
import type { DocPrediction, PredSpan } from './pipeline.js';

/** Tagger thresholds the filter may work from, and the grid of its own threshold. */
export const FILTER_SPAN_GRID = [0.15, 0.2, 0.25];
export const FILTER_GRID = [0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3, 0.35, 0.4, 0.5];
export const STACK_GRID = [0.05, 0.075, 0.1, 0.125, 0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7];
export const FILTER_L2 = 1;
export const STACK_L2 = 1;

const round6 = (x: number): number => Number(x.toPrecision(6));

/** L2-regularised logistic regression (soft targets in [0, 1]) on standardised inputs, Newton's method. */
export function trainLogistic(X: readonly ArrayLike<number>[], y: readonly number[], l2: number, iters = 12): LogisticArtefact {
  const n = X.length;
  const m = X[0]?.length ?? 0;
  const mean = new Array<number>(m).fill(0);
  const sd = new Array<number>(m).fill(0);
  for (const x of X) for (let j = 0; j < m; j++) mean[j] = (mean[j] as number) + (x[j] as number) / n;
  for (const x of X) for (let j = 0; j < m; j++) sd[j] = (sd[j] as number) + ((x[j] as number) - (mean[j] as number)) ** 2 / n;
  const scale = sd.map((v) => round6(Math.sqrt(v) || 1));
  const mu = mean.map(round6);
  const D = m + 1;
  const Z = X.map((x) => {
    const z = new Float64Array(D);
    z[0] = 1;
    for (let j = 0; j < m; j++) z[j + 1] = ((x[j] as number) - (mu[j] as number)) / (scale[j] as number);
    return z;
  });
  const w = new Float64Array(D);
  for (let it = 0; it < iters; it++) {
    const g = new Float64Array(D);
    const H = Array.from({ length: D }, () => new Float64Array(D));
    for (let i = 0; i < n; i++) {
      const z = Z[i] as Float64Array;
      let s = 0;
      for (let j = 0; j < D; j++) s += (w[j] as number) * (z[j] as number);
      const p = 1 / (1 + Math.exp(-s));
      const r = p - (y[i] as number);
      const h = p * (1 - p);
      for (let j = 0; j < D; j++) {
        g[j] = (g[j] as number) + r * (z[j] as number);
        const hz = h * (z[j] as number);
        const row = H[j] as Float64Array;
        for (let k = j; k < D; k++) row[k] = (row[k] as number) + hz * (z[k] as number);
      }
    }
    for (let j = 1; j < D; j++) {
      g[j] = (g[j] as number) + l2 * (w[j] as number);
      (H[j] as Float64Array)[j] = ((H[j] as Float64Array)[j] as number) + l2;
    }
    (H[0] as Float64Array)[0] = ((H[0] as Float64Array)[0] as number) + 1e-9;
    for (let j = 0; j < D; j++) for (let k = 0; k < j; k++) (H[j] as Float64Array)[k] = (H[k] as Float64Array)[j] as number;
    const step = solve(H, g);
    for (let j = 0; j < D; j++) w[j] = (w[j] as number) - (step[j] as number);
  }
  return { mean: mu, scale, weights: [...w].map(round6) };
}

/** Gaussian elimination with partial pivoting (the systems are at most ~50 × 50). */
function solve(A: readonly Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const M: Float64Array[] = A.map((r, i) => Float64Array.of(...r, b[i] as number));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs((M[r] as Float64Array)[c] as number) > Math.abs((M[p] as Float64Array)[c] as number)) p = r;
    [M[c], M[p]] = [M[p] as Float64Array, M[c] as Float64Array];
    const mc = M[c] as Float64Array;
    for (let r = c + 1; r < n; r++) {
      const mr = M[r] as Float64Array;
      const f = (mr[c] as number) / (mc[c] as number);
      if (f === 0) continue;
      for (let k = c; k <= n; k++) mr[k] = (mr[k] as number) - f * (mc[k] as number);
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    const mr = M[r] as Float64Array;
    let s = mr[n] as number;
    for (let k = r + 1; k < n; k++) s -= (mr[k] as number) * (x[k] as number);
    x[r] = s / (mr[r] as number);
  }
  return x;
}

/** Share of the candidate covered by annotated spans: the filter's target (almost always 0 or 1). */
export function overlapShare(s: PredSpan, p: DocPrediction): number {
  let inter = 0;
  for (const g of p.mergedGold) {
    const i = Math.min(s.end, g.end) - Math.max(s.start, g.start);
    if (i > 0) inter += i;
  }
  return inter / (s.end - s.start);
}

export interface SecondStage {
  /** Tagger threshold whose candidates the filter scores. */
  readonly span: number;
  readonly filter: SpanFilterArtefact;
  readonly stack: ParagraphStackArtefact;
}

/** A candidate kept by the filter, with its score. */
export type KeptSpan = PredSpan & StackSpan;

function trainFilter(preds: readonly DocPrediction[], span: number): LogisticArtefact {
  const spans = preds.flatMap((p) => (p.byThreshold.get(span) ?? []).map((s) => ({ s, p })));
  return trainLogistic(
    spans.map(({ s }) => s.x),
    spans.map(({ s, p }) => overlapShare(s, p)),
    FILTER_L2,
  );
}

/** Candidates of `p` at tagger threshold `span` that the filter keeps, with their scores. */
export function keptSpans(p: DocPrediction, span: number, model: LogisticArtefact, threshold: number): KeptSpan[] {
  const out: KeptSpan[] = [];
  for (const s of p.byThreshold.get(span) ?? []) {
    const filterScore = logisticScore(model, s.x);
    if (filterScore >= threshold) out.push({ ...s, spanConfidence: s.conf, filterScore });
  }
  return out;
}

/** Inner out-of-fold: each fold present scored by a model trained on the others. */
function innerOof<T>(preds: readonly DocPrediction[], fit: (train: DocPrediction[]) => T, apply: (m: T, p: DocPrediction) => void): void {
  const folds = [...new Set(preds.map((p) => p.fold))].sort();
  for (const g of folds) {
    const m = fit(preds.filter((p) => p.fold !== g));
    for (const p of preds) if (p.fold === g) apply(m, p);
  }
}

/** Stack inputs of every paragraph of `p` (rows: techniques) from its kept spans. */
export function stackRows(p: DocPrediction, kept: readonly KeptSpan[]): number[][][] {
  const docBest = documentBest(kept, p.labels.length);
  return p.doc.paragraphs.map((par, i) => paragraphStackFeatures(p.parProbs[i] as Float64Array, kept, par.start, par.end, p.parTokens[i] as number, p.docMeanPm, docBest));
}

function trainStack(rows: readonly { x: number[][]; gold: readonly string[] }[], labels: readonly string[]): LogisticArtefact[] {
  return labels.map((label, k) =>
    trainLogistic(
      rows.map((r) => r.x[k] as number[]),
      rows.map((r) => (r.gold.includes(label) ? 1 : 0)),
      STACK_L2,
    ),
  );
}

/** Per-technique thresholds maximising each technique's F1 (the micro-best global one below 15 examples). */
function stackThresholds(scored: readonly { s: Float64Array; gold: readonly string[] }[], labels: readonly string[]): Record<string, number> {
  const counts = STACK_GRID.map((t) => {
    const c = new LabelCounts();
    for (const r of scored) c.add(labels.filter((_, k) => (r.s[k] as number) >= t), r.gold);
    return c;
  });
  return perLabelThresholds(counts, STACK_GRID, labels);
}

/**
 * Fits the second stage on out-of-fold predictions (all folds present); returns it with the inner-OOF kept
 * spans. `withCandidateModel`: the candidates' filter inputs end with the candidate model's probability
 * (candidate-model.ts).
 */
export function fitSecondStage(preds: readonly DocPrediction[], withCandidateModel = false): { stage: SecondStage; kept: Map<DocPrediction, KeptSpan[]> } {
  const labels = preds[0]?.labels ?? [];
  let best = { span: FILTER_SPAN_GRID[0] as number, threshold: FILTER_GRID[0] as number, f1: -1 };
  let bestScores = new Map<PredSpan, number>();
  for (const span of FILTER_SPAN_GRID) {
    const scores = new Map<PredSpan, number>();
    innerOof(
      preds,
      (train) => trainFilter(train, span),
      (m, p) => {
        for (const s of p.byThreshold.get(span) ?? []) scores.set(s, logisticScore(m, s.x));
      },
    );
    for (const threshold of FILTER_GRID) {
      const sc = new OverlapScore();
      for (const p of preds) sc.add((p.byThreshold.get(span) ?? []).filter((s) => (scores.get(s) ?? 0) >= threshold), p.doc.gold);
      const f1 = sc.result().f1;
      if (f1 > best.f1) {
        best = { span, threshold, f1 };
        bestScores = scores;
      }
    }
  }
  const kept = new Map<DocPrediction, KeptSpan[]>();
  for (const p of preds) {
    const ks: KeptSpan[] = [];
    for (const s of p.byThreshold.get(best.span) ?? []) {
      const filterScore = bestScores.get(s) ?? 0;
      if (filterScore >= best.threshold) ks.push({ ...s, spanConfidence: s.conf, filterScore });
    }
    kept.set(p, ks);
  }
  const filter: SpanFilterArtefact = { features: spanFilterFeatureNames(labels, withCandidateModel), model: trainFilter([...preds], best.span), threshold: best.threshold };
  // Paragraph stack, on the inner-OOF kept spans.
  const rowsOf = new Map(preds.map((p) => [p, stackRows(p, kept.get(p) ?? []).map((x, i) => ({ x, gold: p.doc.paragraphs[i]?.labels ?? [] }))]));
  const scored: { s: Float64Array; gold: readonly string[] }[] = [];
  innerOof(
    preds,
    (train) => trainStack(train.flatMap((p) => rowsOf.get(p) ?? []), labels),
    (models, p) => {
      for (const r of rowsOf.get(p) ?? []) scored.push({ s: Float64Array.from(models, (m, k) => logisticScore(m, r.x[k] as number[])), gold: r.gold });
    },
  );
  const stack: ParagraphStackArtefact = {
    features: PARAGRAPH_STACK_FEATURES,
    models: trainStack(preds.flatMap((p) => rowsOf.get(p) ?? []), labels),
    thresholds: stackThresholds(scored, labels),
  };
  return { stage: { span: best.span, filter, stack }, kept };
}

/** Paragraph labels of `p` by the stack, from spans kept by the stage's filter. */
export function stackLabels(p: DocPrediction, stage: SecondStage, kept: readonly KeptSpan[]): string[][] {
  return stackRows(p, kept).map((x) => p.labels.filter((label, k) => logisticScore(stage.stack.models[k] as LogisticArtefact, x[k] as number[]) >= (stage.stack.thresholds[label] ?? 0.5)));
}
