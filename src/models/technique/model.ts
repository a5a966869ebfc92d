/**
 * The technique model at run time: a token tagger (logistic regression: is this token inside a persuasion
 * span?) whose runs of likely tokens become candidate spans, and a softmax classifier that gives each span
 * a distribution over techniques. Both are linear models over the readable features of `features.ts`; the
 * span classifier also uses word clusters and adds the logits of a small dense model over the span's mean
 * word vector (`word-clusters.ts`, `dense.ts`).
 */
import { classBiasOf } from './class-bias.js';
import type { Segments, Token } from '../../core/segment/types.js';
import { buildFeatureDoc, sentenceFeatures, tokenFeatures, type FeatureDoc } from './features.js';
import { paragraphFeatureIds } from './fast-paragraph.js';
import { spanFeatureIds } from './fast-span.js';
import { tagTokensFast } from './fast-tagger.js';
import { loadWordVectors, type WordVectors } from '../vectors/word-vectors.js';
import { addDenseSpanLogits, loadDense, type DenseArtefact, type DenseModel } from './dense.js';
import { loadWordClusters, tokenClusters, type WordClusterArtefact, type WordClusters } from './word-clusters.js';
import { documentBest, logisticScore, logisticScoreAt, meanProb, PARAGRAPH_STACK_FEATURES, paragraphStackInputs, spanFilterFeatureNames, spanFilterFeatures, type ParagraphStackArtefact, type SpanFilterArtefact } from './second-stage.js';
import { featureIds, scoreAll, scoreOne, sigmoid, softmaxInPlace, topFeatures, type LinearArtefact, type LinearModel, loadLinear } from './linear.js';

export type ParagraphRule = 'model' | 'spans' | 'both' | 'mean' | 'stack';

export interface TechniqueModelArtefact {
  readonly format: 'narrascope-technique-model';
  readonly version: number;
  /** How the artefact was made (data, folds, seed), for provenance. */
  readonly provenance: string;
  readonly tagger: LinearArtefact;
  readonly classifier: LinearArtefact;
  /** Word clusters of the classifier's `wc=` features (absent: no such features). */
  readonly wordClusters?: WordClusterArtefact;
  /** Dense span-vector model whose logits (× λ) join the classifier's (absent: none). */
  readonly dense?: DenseArtefact;
  /** Second stage: drops candidate spans that score under its threshold (absent: all candidates kept). */
  readonly spanFilter?: SpanFilterArtefact;
  /**
   * Second stage: a binary model over the classifier's kind of span features, trained on the tagger's
   * candidates, whose probability that a candidate lies on an annotated span is the span filter's last input
   * (absent: no such input).
   */
  readonly candidate?: LinearArtefact;
  /** Second stage: per-technique paragraph models over first-stage scores (the `stack` paragraph rule). */
  readonly paragraphStack?: ParagraphStackArtefact;
  /** Multi-label model of the techniques present in a paragraph (one sigmoid per technique). */
  readonly paragraph: LinearArtefact;
  /** Per-technique threshold on the paragraph model's probability (chosen by cross-validation). */
  readonly paragraphThresholds: Readonly<Record<string, number>>;
  /**
   * How paragraph labels are formed (chosen by cross-validation): the paragraph model, the candidate spans,
   * the union of both, or the mean of the model's probability and the best span confidence (`mean`, whose
   * thresholds are then `paragraphThresholds`), or the paragraph stack (`stack`, with its own thresholds).
   */
  readonly paragraphRule: ParagraphRule;
  /** Token probability above which tokens join a candidate span (chosen by cross-validation). */
  readonly spanThreshold: number;
  /** Per-technique default threshold on a finding's confidence (chosen by cross-validation). */
  readonly thresholds: Readonly<Record<string, number>>;
  /** Per-technique bias of classification on given spans (class-bias.ts; chosen by cross-validation; absent: none). */
  readonly classBias?: Readonly<Record<string, number>>;
}

export interface TechniqueModel {
  readonly tagger: LinearModel;
  readonly classifier: LinearModel;
  readonly clusters: WordClusters | null;
  readonly dense: DenseModel | null;
  /** The word vectors behind `clusters` and `dense` (null when the model uses neither). */
  readonly vectors: WordVectors | null;
  readonly spanFilter: SpanFilterArtefact | null;
  /** See `TechniqueModelArtefact.candidate`. */
  readonly candidate: LinearModel | null;
  readonly paragraphStack: ParagraphStackArtefact | null;
  readonly paragraph: LinearModel;
  readonly paragraphThresholds: Readonly<Record<string, number>>;
  readonly paragraphRule: ParagraphRule;
  readonly spanThreshold: number;
  readonly thresholds: Readonly<Record<string, number>>;
  /** Aligned with `classifier.outputs`; null when the artefact has none. */
  readonly classBias: Float64Array | null;
  readonly provenance: string;
}

/** The run-time model of an artefact; the word vectors (default: the committed table) when it uses them. */
export function techniqueModelFrom(a: TechniqueModelArtefact, vectorsOf: () => WordVectors = loadWordVectors): TechniqueModel {
  if (a.format !== 'narrascope-technique-model') throw new Error('not a narrascope technique model');
  const classifier = loadLinear(a.classifier);
  const vectors = a.wordClusters || a.dense ? vectorsOf() : null;
  if (a.spanFilter && a.spanFilter.features.join('|') !== spanFilterFeatureNames(classifier.outputs, !!a.candidate).join('|')) throw new Error('technique model: the span filter was trained on other inputs than this code computes');
  if (a.paragraphStack && a.paragraphStack.models.length !== classifier.outputs.length) throw new Error('technique model: the paragraph stack needs one model per technique');
  return {
    tagger: loadLinear(a.tagger),
    classifier,
    clusters: a.wordClusters && vectors ? loadWordClusters(a.wordClusters, vectors) : null,
    dense: a.dense && vectors ? loadDense(a.dense, classifier.outputs.length, vectors.dims) : null,
    vectors,
    spanFilter: a.spanFilter ?? null,
    candidate: a.candidate ? loadLinear(a.candidate) : null,
    paragraphStack: a.paragraphStack ?? null,
    paragraph: loadLinear(a.paragraph),
    paragraphThresholds: a.paragraphThresholds,
    paragraphRule: a.paragraphRule,
    spanThreshold: a.spanThreshold, thresholds: a.thresholds, classBias: classBiasOf(classifier.outputs, a.classBias), provenance: a.provenance };
}

export interface CandidateSpan {
  readonly start: number;
  readonly end: number;
  /** Token range [tokStart, tokEnd). */
  readonly tokStart: number;
  readonly tokEnd: number;
  /** Mean tagger probability of the span's tokens. */
  readonly spanConfidence: number;
  /** Score of the second-stage span filter (1 when the model has none). */
  readonly filterScore: number;
  /** Classifier distribution, aligned with `model.classifier.outputs`. */
  readonly probs: Float64Array;
  /** Classifier feature ids of the span (for evidence). */
  readonly featureIds: readonly number[];
}

/** Probability, for every token, that it lies inside a persuasion span (integer tables, see `fast-tagger.ts`). */
export function tagTokens(model: TechniqueModel, fd: FeatureDoc): Float64Array {
  return tagTokensFast(model.tagger, fd, model.clusters ? tokenClusters(model.clusters) : null);
}

/** The same probabilities from the readable feature strings (the reference `tagTokens` must agree with). */
export function tagTokensByName(model: TechniqueModel, fd: FeatureDoc): Float64Array {
  const out = new Float64Array(fd.tokens.length);
  const sentScore = new Map<number, number>();
  for (let i = 0; i < fd.tokens.length; i++) {
    const s = (fd.tokens[i] as Token).sentence;
    let base = sentScore.get(s);
    if (base === undefined) {
      base = scoreOne(model.tagger, featureIds(model.tagger, sentenceFeatures(fd, s)));
      sentScore.set(s, base);
    }
    out[i] = sigmoid(base + scoreOne(model.tagger, featureIds(model.tagger, tokenFeatures(fd, i, model.clusters))));
  }
  return out;
}

/**
 * Runs of tokens with probability ≥ threshold, within one line; a single weaker token between two strong
 * ones is bridged. Punctuation at the edges is trimmed, since annotators mark words, not the marks around them.
 */
export function decodeSpans(fd: FeatureDoc, probs: Float64Array, threshold: number): { a: number; b: number; confidence: number }[] {
  const toks = fd.tokens;
  const out: { a: number; b: number; confidence: number }[] = [];
  let i = 0;
  while (i < toks.length) {
    if ((probs[i] as number) < threshold) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      if (j < toks.length && (probs[j] as number) >= threshold && !newlineBetween(fd, j - 1, j)) j++;
      else if (j + 1 < toks.length && (probs[j + 1] as number) >= threshold && (probs[j] as number) >= threshold / 2 && !newlineBetween(fd, j - 1, j + 1)) j += 2;
      else break;
    }
    let a = i;
    let b = j;
    while (a < b && (toks[a] as Token).kind === 'punctuation') a++;
    while (b > a && (toks[b - 1] as Token).kind === 'punctuation') b--;
    if (b > a) {
      let sum = 0;
      for (let k = a; k < b; k++) sum += probs[k] as number;
      out.push({ a, b, confidence: sum / (b - a) });
    }
    i = j;
  }
  return out;
}

function newlineBetween(fd: FeatureDoc, a: number, b: number): boolean {
  const ta = fd.tokens[a] as Token;
  const tb = fd.tokens[b] as Token;
  // A character loop, not slice().includes(): the gap is usually zero or one character, and this runs for
  // every token above the threshold.
  for (let k = ta.end; k < tb.start; k++) if (fd.text.charCodeAt(k) === 10) return true;
  return false;
}

/** Distribution over techniques for the span of tokens [a, b) / characters [start, end). */
export function classifySpan(model: TechniqueModel, fd: FeatureDoc, a: number, b: number, start: number, end: number): { probs: Float64Array; ids: number[] } {
  const ids = spanFeatureIds(model.classifier, fd, a, b, start, end, model.clusters);
  return { probs: spanProbs(model, fd, a, b, ids), ids };
}

/** The technique distribution of the span of tokens [a, b) from its classifier feature ids. */
function spanProbs(model: TechniqueModel, fd: FeatureDoc, a: number, b: number, ids: readonly number[]): Float64Array {
  const z = scoreAll(model.classifier, ids);
  if (model.dense && model.vectors) addDenseSpanLogits(model.dense, model.vectors, fd, a, b, z);
  return softmaxInPlace(z);
}

/** Token range covering characters [start, end): tokens that overlap it. */
export function tokenRange(fd: FeatureDoc, start: number, end: number): { a: number; b: number } {
  const toks = fd.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((toks[mid] as Token).end <= start) lo = mid + 1;
    else hi = mid;
  }
  let b = lo;
  while (b < toks.length && (toks[b] as Token).start < end) b++;
  return { a: lo, b };
}

export interface TechniqueAnalysis {
  readonly fd: FeatureDoc;
  readonly tokenProbs: Float64Array;
  readonly spans: readonly CandidateSpan[];
}

/** The span filter's inputs, rewritten for every candidate span (its score is all that is kept). */
const filterInputs: number[] = [];

/** Classifier feature ids of the candidate span being classified (see `analyseTechniques`). */
const scratchSpanIds: number[] = [];

/** Feature ids of the candidate span being scored by the candidate model. */
const scratchCandidateIds: number[] = [];

/** The candidate-model probability (0 or 1) that gives the span filter its highest score: its weight's sign. */
function candidateBound(filter: SpanFilterArtefact): number {
  return (filter.model.weights[filter.model.weights.length - 1] as number) >= 0 ? 1 : 0;
}

/** The candidate model's probability that tokens [a, b) lie on an annotated span (null: the model has none). */
function candidateProbability(model: TechniqueModel, fd: FeatureDoc, a: number, b: number, start: number, end: number): number | null {
  const m = model.candidate;
  return m ? sigmoid(scoreOne(m, spanFeatureIds(m, fd, a, b, start, end, model.clusters, scratchCandidateIds))) : null;
}

/** Candidate spans of a document with their technique distributions (one run shared by all detectors). */
export function analyseTechniques(model: TechniqueModel, text: string, segments: Segments, spanThreshold = model.spanThreshold): TechniqueAnalysis {
  const fd = buildFeatureDoc(text, segments);
  const tokenProbs = tagTokens(model, fd);
  const spans: CandidateSpan[] = [];
  const filter = model.spanFilter;
  const docMean = filter ? meanProb(tokenProbs) : 0;
  for (const { a, b, confidence } of decodeSpans(fd, tokenProbs, spanThreshold)) {
    const start = (fd.tokens[a] as Token).start;
    const end = (fd.tokens[b - 1] as Token).end;
    // `classifySpan`, with the ids in one reused array: only a kept span keeps (a copy of) them.
    const ids = spanFeatureIds(model.classifier, fd, a, b, start, end, model.clusters, scratchSpanIds);
    const probs = spanProbs(model, fd, a, b, ids);
    let filterScore = 1;
    if (filter) {
      const inputs = spanFilterFeatures(fd, tokenProbs, docMean, a, b, confidence, probs, model.candidate ? candidateBound(filter) : null, filterInputs);
      // The filter is monotonic in the candidate model's probability (its last input): a candidate that fails
      // even with the most favourable probability is dropped without computing it.
      if (model.candidate && logisticScore(filter.model, inputs) < filter.threshold) continue;
      if (model.candidate) inputs[inputs.length - 1] = candidateProbability(model, fd, a, b, start, end) as number;
      filterScore = logisticScore(filter.model, inputs);
      if (filterScore < filter.threshold) continue;
    }
    spans.push({ start, end, tokStart: a, tokEnd: b, spanConfidence: confidence, filterScore, probs, featureIds: ids.slice() });
  }
  return { fd, tokenProbs, spans };
}

const clusterFeatureFlags = new WeakMap<LinearModel, Uint8Array>();

/** 1 for the classifier's `wc=` features. */
function clusterFeatures(m: LinearModel): Uint8Array {
  let f = clusterFeatureFlags.get(m);
  if (!f) {
    f = Uint8Array.from(m.features, (name) => (name.startsWith('wc=') ? 1 : 0));
    clusterFeatureFlags.set(m, f);
  }
  return f;
}

/**
 * Readable evidence for technique `k` of a span: the classifier features that pushed it most (cluster
 * numbers, `wc=`, say nothing to a reader and are left out).
 */
export function spanEvidence(model: TechniqueModel, span: CandidateSpan, k: number, n = 3): { label: string; weight: number }[] {
  return topFeatures(model.classifier, span.featureIds, k, n, clusterFeatures(model.classifier)).map(([name, w]) => ({ label: `feature ${name}`, weight: Math.round(w * 100) / 100 }));
}

/** Probability of each technique (aligned with `model.paragraph.outputs`) for the paragraph of tokens [a, b). */
export function paragraphProbs(model: TechniqueModel, fd: FeatureDoc, a: number, b: number): { probs: Float64Array; ids: number[] } {
  const ids = paragraphFeatureIds(model.paragraph, fd, a, b, model.clusters);
  return { probs: paragraphProbsOf(model, ids), ids };
}

/** The paragraph model's probabilities for the feature ids of a paragraph. */
function paragraphProbsOf(model: TechniqueModel, ids: readonly number[]): Float64Array {
  const probs = scoreAll(model.paragraph, ids);
  for (let k = 0; k < probs.length; k++) probs[k] = sigmoid(probs[k] as number);
  return probs;
}

/** Feature ids of the paragraph being scored, when they are not kept (one array reused for every line). */
const scratchParagraphIds: number[] = [];

const paragraphIndexes = new WeakMap<TechniqueModel, Int32Array>();

/** For each classifier output k, the index of the same technique among the paragraph model's outputs (-1: none). */
function paragraphIndex(model: TechniqueModel): Int32Array {
  let map = paragraphIndexes.get(model);
  if (!map) {
    map = Int32Array.from(model.classifier.outputs, (label) => model.paragraph.outputs.indexOf(label));
    paragraphIndexes.set(model, map);
  }
  return map;
}

/**
 * `v[i] ?? 0` for a typed array (0 outside it, e.g. i = -1), written as a bounds test: V8 boxes the result of
 * `??` on a number, one allocation per technique and paragraph here.
 */
function valueAt(v: Float64Array, i: number): number {
  return i >= 0 && i < v.length ? (v[i] as number) : 0;
}

/**
 * Techniques of the paragraph of tokens [a, b) / characters [start, end), by the model's paragraph rule:
 * the paragraph model's probabilities over their thresholds, the candidate spans inside it whose confidence
 * for a technique reaches that technique's threshold, or both. Returns label → score, best first.
 */
export function paragraphTechniques(model: TechniqueModel, run: TechniqueAnalysis, a: number, b: number, start: number, end: number): [string, number][] {
  if (model.paragraphRule === 'stack' && model.paragraphStack) return stackedParagraphTechniques(model, model.paragraphStack, run, a, b, start, end);
  const found = new Map<string, number>();
  const keep = (label: string, score: number): void => {
    if (score > (found.get(label) ?? -1)) found.set(label, score);
  };
  const labels = model.classifier.outputs;
  const modelProbs = model.paragraphRule !== 'spans' && b > a ? paragraphProbs(model, run.fd, a, b).probs : null;
  const bestSpan = new Float64Array(labels.length);
  for (const s of run.spans) {
    if (s.start >= end || s.end <= start) continue;
    s.probs.forEach((p, k) => (bestSpan[k] = Math.max(bestSpan[k] as number, s.spanConfidence * p)));
  }
  const toParagraph = paragraphIndex(model);
  labels.forEach((label, k) => {
    const pm = modelProbs ? valueAt(modelProbs, toParagraph[k] as number) : 0;
    const ps = bestSpan[k] as number;
    const tp = model.paragraphThresholds[label] ?? 0.5;
    const ts = model.thresholds[label] ?? 0.5;
    if (model.paragraphRule === 'mean') {
      if ((pm + ps) / 2 >= tp) keep(label, (pm + ps) / 2);
      return;
    }
    if (model.paragraphRule !== 'spans' && pm >= tp) keep(label, pm);
    if (model.paragraphRule !== 'model' && ps >= ts) keep(label, ps);
  });
  return [...found].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
}

/**
 * Mean paragraph-model probability of each technique (classifier order) over the document's non-empty
 * lines: an input of the paragraph stack. `byRange` collects each line's probabilities by token range
 * (key `rangeKey(fd, a, b)`).
 */
export function documentParagraphMean(model: TechniqueModel, fd: FeatureDoc, byRange?: Map<number, Float64Array>): Float64Array {
  const labels = model.classifier.outputs;
  const toParagraph = paragraphIndex(model);
  const sum = new Float64Array(labels.length);
  let lines = 0;
  const text = fd.text;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (!blank(text, start, end)) {
      const { a, b } = tokenRange(fd, start, end);
      const probs = paragraphProbsOf(model, paragraphFeatureIds(model.paragraph, fd, a, b, model.clusters, scratchParagraphIds));
      byRange?.set(rangeKey(fd, a, b), probs);
      for (let k = 0; k < labels.length; k++) sum[k] = (sum[k] as number) + valueAt(probs, toParagraph[k] as number);
      lines++;
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  for (let k = 0; k < sum.length; k++) sum[k] = lines ? (sum[k] as number) / lines : 0;
  return sum;
}

/** A number that names the token range [a, b) of `fd` (a string key would be built for every paragraph). */
function rangeKey(fd: FeatureDoc, a: number, b: number): number {
  return a * (fd.tokens.length + 1) + b;
}

/** `text.slice(start, end).trim() === ''` without the slice: every character is one that `trim` removes. */
function blank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!trimmed(text.charCodeAt(i))) return false;
  return true;
}

/** The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
function trimmed(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

interface StackCache {
  readonly docBest: Float64Array;
  readonly docMean: Float64Array;
  readonly byRange: Map<number, Float64Array>;
}

const stackCaches = new WeakMap<TechniqueAnalysis, StackCache>();

// Scratch of the paragraph stack, reused for every paragraph: the paragraph model's probabilities in
// classifier order and the stack's inputs, technique-major (see `paragraphStackInputs`).
const stackPm: number[] = [];
const stackInputs: number[] = [];

/** The `stack` rule: each technique's paragraph model over first-stage scores, against its threshold. */
function stackedParagraphTechniques(model: TechniqueModel, stack: ParagraphStackArtefact, run: TechniqueAnalysis, a: number, b: number, start: number, end: number): [string, number][] {
  const labels = model.classifier.outputs;
  let cache = stackCaches.get(run);
  if (!cache) {
    const byRange = new Map<number, Float64Array>();
    const docMean = documentParagraphMean(model, run.fd, byRange);
    cache = { docBest: documentBest(run.spans, labels.length), docMean, byRange };
    stackCaches.set(run, cache);
  }
  const pmRaw = cache.byRange.get(rangeKey(run.fd, a, b)) ?? paragraphProbsOf(model, paragraphFeatureIds(model.paragraph, run.fd, a, b, model.clusters, scratchParagraphIds));
  const toParagraph = paragraphIndex(model);
  const nL = labels.length;
  stackPm.length = nL;
  for (let k = 0; k < nL; k++) stackPm[k] = valueAt(pmRaw, toParagraph[k] as number);
  paragraphStackInputs(stackPm, run.spans, start, end, b - a, cache.docMean, cache.docBest, stackInputs);
  const F = PARAGRAPH_STACK_FEATURES.length;
  const found: [string, number][] = [];
  for (let k = 0; k < nL; k++) {
    const label = labels[k] as string;
    const score = logisticScoreAt(stack.models[k] as ParagraphStackArtefact['models'][number], stackInputs, k * F, F);
    if (score >= (stack.thresholds[label] ?? 0.5)) found.push([label, score]);
  }
  return found.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
}
