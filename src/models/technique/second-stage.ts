/**
 * The second stage of the technique model: two small logistic models trained on the first stage's
 * out-of-fold output (see `bench/technique/second-stage.ts`).
 *
 * - **Span filter.** Each candidate span of the tagger gets a score from a few numbers about it (the tagger's
 *   mean/max/min token probability and those just outside it, its length, the classifier's distribution, its
 *   top probability, margin and entropy, quotation, cue words, capitals, position in its sentence and in the
 *   document); candidates under the filter's threshold are dropped. Most candidates either hit an annotated
 *   span or miss every one, so the score is close to "probability that this candidate is a real span".
 * - **Paragraph stack.** For each technique, a logistic model over the paragraph model's probability, the
 *   best kept span for that technique in the paragraph, how many spans there are, the paragraph's length,
 *   the paragraph model's mean over the document's lines and the technique's best span in the whole document
 *   decides whether the paragraph uses the technique.
 *
 * Both are dense models over a handful of standardised numbers, stored as plain numbers in the artefact.
 */
import type { Token } from '../../core/segment/types.js';
import type { FeatureDoc } from './features.js';

/** Logistic model over standardised inputs: σ(w₀ + Σ wⱼ (xⱼ − meanⱼ) / scaleⱼ). */
export interface LogisticArtefact {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  /** Bias first, then one weight per input. */
  readonly weights: readonly number[];
}

export function logisticScore(m: LogisticArtefact, x: ArrayLike<number>): number {
  return logisticScoreAt(m, x, 0, x.length);
}

/** `logisticScore(m, x.slice(at, at + n))` without the slice (the same sum in the same order). */
export function logisticScoreAt(m: LogisticArtefact, x: ArrayLike<number>, at: number, n: number): number {
  let s = m.weights[0] as number;
  for (let j = 0; j < n; j++) s += ((m.weights[j + 1] as number) * ((x[at + j] as number) - (m.mean[j] as number))) / (m.scale[j] as number);
  return 1 / (1 + Math.exp(-s));
}

export interface SpanFilterArtefact {
  /** Input names (for reading the artefact); must equal `spanFilterFeatureNames(labels)`. */
  readonly features: readonly string[];
  readonly model: LogisticArtefact;
  /** Candidates scoring below this are dropped (chosen by cross-validation). */
  readonly threshold: number;
}

export interface ParagraphStackArtefact {
  readonly features: readonly string[];
  /** One model per technique, aligned with the classifier's outputs. */
  readonly models: readonly LogisticArtefact[];
  /** Per-technique threshold on the stacked probability (chosen by cross-validation). */
  readonly thresholds: Readonly<Record<string, number>>;
}

/**
 * Names of the span filter's inputs, in order (`p=<label>`: the classifier's probability of that technique;
 * `candidate-prob`, last, only with a candidate model: its probability that the candidate lies on an
 * annotated span).
 */
export function spanFilterFeatureNames(labels: readonly string[], withCandidateModel = false): string[] {
  return [
    'mean-prob', 'max-prob', 'min-prob', 'log-tokens', 'log-chars', 'top-prob', 'margin', 'entropy',
    ...labels.map((l) => `p=${l}`),
    'prob-before', 'prob-after', 'sentence-cover', 'quoted', 'cue-share', 'has-cue', 'caps-share', 'content-share',
    'doc-mean-prob', 'sentence-position', 'ends-sentence', 'starts-sentence', 'one-token', 'mean×top',
    ...(withCandidateModel ? ['candidate-prob'] : []),
  ];
}

/** Mean tagger probability over the document's tokens (an input of the span filter). */
export function meanProb(tokenProbs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < tokenProbs.length; i++) s += tokenProbs[i] as number;
  return tokenProbs.length ? s / tokenProbs.length : 0;
}

/**
 * Inputs of the span filter for the candidate of tokens [a, b) with mean tagger probability `conf`, written
 * into `out` (default: a new array; the model run passes one array that it reuses for every candidate).
 * `candidateProb`: the candidate model's probability (null: the model has none, and the input is absent).
 */
export function spanFilterFeatures(fd: FeatureDoc, tokenProbs: Float64Array, docMean: number, a: number, b: number, conf: number, probs: Float64Array, candidateProb: number | null, out: number[] = []): number[] {
  const toks = fd.tokens;
  let mx = 0;
  let mn = 1;
  let q = 0;
  let cue = 0;
  let caps = 0;
  let content = 0;
  for (let k = a; k < b; k++) {
    const p = tokenProbs[k] as number;
    if (p > mx) mx = p;
    if (p < mn) mn = p;
    if (fd.inQuote[k]) q++;
    if ((fd.cues[k] as readonly string[]).length) cue++;
    if (fd.shapes[k] === 'Xx' || fd.shapes[k] === 'XX') caps++;
    if ((fd.contentCount[k] as number) > 0) content++; // isContent
  }
  const n = b - a;
  let top = 0;
  let second = 0;
  let ent = 0;
  for (let k = 0; k < probs.length; k++) {
    const p = probs[k] as number;
    if (p > top) {
      second = top;
      top = p;
    } else if (p > second) second = p;
    if (p > 0) ent -= p * Math.log(p);
  }
  const t0 = toks[a] as Token;
  const sent = fd.segments.sentences[t0.sentence];
  const sFirst = sent ? sent.firstToken : 0;
  const sEnd = sent ? sent.endToken : toks.length;
  const nS = fd.segments.sentences.length;
  const start = t0.start;
  const end = (toks[b - 1] as Token).end;
  // A plain array: cheaper than a typed one (see paragraphStackInputs); written by index so that a reused
  // array keeps its backing store.
  const x = out;
  let j = 0;
  x[j++] = conf;
  x[j++] = mx;
  x[j++] = mn;
  x[j++] = Math.log(n);
  x[j++] = Math.log(end - start);
  x[j++] = top;
  x[j++] = top - second;
  x[j++] = ent;
  for (let k = 0; k < probs.length; k++) x[j++] = probs[k] as number;
  x[j++] = a > 0 ? (tokenProbs[a - 1] as number) : 0;
  x[j++] = b < toks.length ? (tokenProbs[b] as number) : 0;
  x[j++] = n / Math.max(1, sEnd - sFirst);
  x[j++] = q / n;
  x[j++] = cue / n;
  x[j++] = cue > 0 ? 1 : 0;
  x[j++] = caps / n;
  x[j++] = content / n;
  x[j++] = docMean;
  x[j++] = t0.sentence / Math.max(1, nS - 1);
  x[j++] = b >= sEnd - 1 ? 1 : 0;
  x[j++] = a === sFirst ? 1 : 0;
  x[j++] = n === 1 ? 1 : 0;
  x[j++] = conf * top;
  if (candidateProb !== null) x[j++] = candidateProb;
  x.length = j;
  return x;
}

/** A kept span as the paragraph stack sees it. */
export interface StackSpan {
  readonly start: number;
  readonly end: number;
  readonly spanConfidence: number;
  readonly filterScore: number;
  readonly probs: Float64Array;
}

export const PARAGRAPH_STACK_FEATURES = ['logit-paragraph-model', 'best-span', 'best-filtered-span', 'log1p-top-spans', 'log1p-sum-filtered', 'log1p-spans', 'log1p-tokens', 'document-mean-paragraph-model', 'document-best-filtered-span'];

/** Best filter score × P(technique) of each technique over the document's kept spans. */
export function documentBest(spans: readonly StackSpan[], nLabels: number): Float64Array {
  const out = new Float64Array(nLabels);
  for (const s of spans) for (let k = 0; k < nLabels; k++) out[k] = Math.max(out[k] as number, s.filterScore * (s.probs[k] as number));
  return out;
}

/**
 * Inputs of the paragraph stack for every technique of the paragraph [start, end) of `nTokens` tokens:
 * row k holds technique k's inputs (names in PARAGRAPH_STACK_FEATURES).
 */
export function paragraphStackFeatures(pm: ArrayLike<number>, spans: readonly StackSpan[], start: number, end: number, nTokens: number, docMean: ArrayLike<number>, docBest: Float64Array): number[][] {
  const flat: number[] = [];
  paragraphStackInputs(pm, spans, start, end, nTokens, docMean, docBest, flat);
  const F = PARAGRAPH_STACK_FEATURES.length;
  const rows: number[][] = [];
  for (let k = 0; k < docBest.length; k++) rows.push(flat.slice(k * F, (k + 1) * F));
  return rows;
}

// Per-technique sums of one paragraph, reused across calls (this runs for every paragraph; plain arrays,
// not typed ones: V8 allocates a typed array of more than 64 bytes outside its heap).
const best: number[] = [];
const bestF: number[] = [];
const tops: number[] = [];
const sumF: number[] = [];

/**
 * `paragraphStackFeatures` written flat into `out` (technique k's inputs at k × PARAGRAPH_STACK_FEATURES.length),
 * which the caller reuses: the paragraph stack then allocates no row per technique and paragraph (those rows
 * were the technique stage's largest source of garbage). The same values as the rows.
 */
export function paragraphStackInputs(pm: ArrayLike<number>, spans: readonly StackSpan[], start: number, end: number, nTokens: number, docMean: ArrayLike<number>, docBest: Float64Array, out: number[]): void {
  const nL = docBest.length;
  for (let k = 0; k < nL; k++) {
    best[k] = 0;
    bestF[k] = 0;
    tops[k] = 0;
    sumF[k] = 0;
  }
  let n = 0;
  for (const s of spans) {
    if (s.start >= end || s.end <= start) continue;
    n++;
    let top = 0;
    for (let k = 0; k < nL; k++) {
      const p = s.probs[k] as number;
      best[k] = Math.max(best[k] as number, s.spanConfidence * p);
      bestF[k] = Math.max(bestF[k] as number, s.filterScore * p);
      sumF[k] = (sumF[k] as number) + s.filterScore * p;
      if (p > (s.probs[top] as number)) top = k;
    }
    tops[top] = (tops[top] as number) + 1;
  }
  const logN = Math.log1p(n);
  const logTokens = Math.log1p(nTokens);
  let j = 0;
  for (let k = 0; k < nL; k++) {
    // The logit of the paragraph model's probability (0 past the end of pm), with a bounds test rather than
    // `pm[k] ?? 0`, which made V8 box a number per technique and paragraph (~13 KB per article).
    const p = k < pm.length ? (pm[k] as number) : 0;
    out[j++] = Math.log(Math.max(1e-4, p) / Math.max(1e-4, 1 - p));
    out[j++] = best[k] as number;
    out[j++] = bestF[k] as number;
    out[j++] = Math.log1p(tops[k] as number);
    out[j++] = Math.log1p(sumF[k] as number);
    out[j++] = logN;
    out[j++] = logTokens;
    out[j++] = docMean[k] as number;
    out[j++] = docBest[k] as number;
  }
}
