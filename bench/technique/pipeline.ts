/**
 * Training and cross-validation of the technique model: feature extraction over the corpus, training of the
 * tagger and the classifier, out-of-fold predictions through the run-time code (the quantised artefact and
 * `analyseTechniques`' own functions), and the choice of thresholds from predictions on held-out articles.
 */
import type { Token } from '../../src/core/segment/types.js';
import { TECHNIQUE_LABELS } from '../../src/models/technique/labels.js';
import { saveLinear } from '../../src/models/technique/linear.js';
import { classifySpan, decodeSpans, documentParagraphMean, paragraphProbs, tagTokens, techniqueModelFrom, tokenRange, type TechniqueModel, type TechniqueModelArtefact } from '../../src/models/technique/model.js';
import { paragraphFeatures, sentenceFeatures, spanFeatures, tokenFeatures } from '../../src/models/technique/features.js';
import { saveDense } from '../../src/models/technique/dense.js';
import { meanProb, spanFilterFeatures } from '../../src/models/technique/second-stage.js';
import { loadWordClusters, saveWordClusters, spanVector, type WordClusterArtefact, type WordClusters } from '../../src/models/technique/word-clusters.js';
import { loadWordVectors } from '../../src/models/vectors/word-vectors.js';
import type { CorpusDoc } from './corpus.js';
import { LabelCounts, mergeRanges, OverlapScore, perLabelThresholds, type Range } from './metrics.js';
import { Interner, prune, shuffled, trainDense, trainMultiLabel, trainSoftmax, trainTagger, type DenseExample, type Example, type SentenceGroup } from './trainer.js';
import { buildWordClusters, CLUSTER_ITERATIONS, CLUSTER_K } from './word-clusters.js';

export const SEED = 20231;
export const FOLDS = 5;
export const SPAN_GRID = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
export const TECH_GRID = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7];

/** A gold span: its sparse features, its span vector (dense model input) and its technique. */
export interface SpanExample extends Example {
  readonly x: Float64Array;
}

export interface Extracted {
  readonly interner: Interner;
  readonly tokens: SentenceGroup[][];
  readonly spans: SpanExample[][];
  /** Word-cluster table (label-free: built once, shared by every fold) as stored in the artefact. */
  readonly wordClusters: WordClusterArtefact;
  /** The same table, loaded. */
  readonly clusters: WordClusters;
  readonly paragraphs: { a: Int32Array; labels: number[] }[][];
  readonly labels: readonly string[];
}

/** Tokens of context on each side of a span for the dense span model, and the weight of its logits. */
export const DENSE_CONTEXT = 5;
export const DENSE_LAMBDA = 0.25;
export const DENSE_OPTIONS = { epochs: 30, rate: 0.05, l2: 1e-5 };

/** Feature ids of every token (with its sentence) and every gold span, per document. */
export function extract(corpus: readonly CorpusDoc[], log: (s: string) => void = () => {}): Extracted {
  const interner = new Interner();
  const vectors = loadWordVectors();
  const t0 = performance.now();
  const wordClusters = saveWordClusters(buildWordClusters(vectors), CLUSTER_K, CLUSTER_ITERATIONS, vectors.size);
  const clusters: WordClusters = loadWordClusters(wordClusters, vectors);
  log(`word clusters: ${wordClusters.rows} words into ${CLUSTER_K} clusters in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const present = new Set(corpus.flatMap((d) => d.gold.map((g) => g.label)));
  const labels = TECHNIQUE_LABELS.filter((l) => present.has(l));
  const tokens: SentenceGroup[][] = [];
  const spans: SpanExample[][] = [];
  const paragraphs: { a: Int32Array; labels: number[] }[][] = [];
  for (const d of corpus) {
    const fd = d.fd;
    const inside = new Uint8Array(fd.tokens.length);
    for (const g of d.gold) {
      const { a, b } = tokenRange(fd, g.start, g.end);
      for (let k = a; k < b; k++) inside[k] = 1;
    }
    tokens.push(
      fd.segments.sentences.map((sent, si) => {
        const toks: Int32Array[] = [];
        const y = new Uint8Array(sent.endToken - sent.firstToken);
        for (let i = sent.firstToken; i < sent.endToken; i++) {
          toks.push(interner.all(tokenFeatures(fd, i, clusters)));
          y[i - sent.firstToken] = inside[i] as number;
        }
        return { b: interner.all(sentenceFeatures(fd, si)), tokens: toks, y };
      }),
    );
    spans.push(
      d.gold.map((g) => {
        const { a, b } = tokenRange(fd, g.start, g.end);
        return { a: interner.all(spanFeatures(fd, a, b, g.start, g.end, clusters)), x: spanVector(vectors, fd, a, b, DENSE_CONTEXT), y: labels.indexOf(g.label) };
      }),
    );
    paragraphs.push(
      d.paragraphs.map((par) => {
        const { a, b } = tokenRange(fd, par.start, par.end);
        return { a: interner.all(paragraphFeatures(fd, a, b, clusters)), labels: par.labels.map((l) => labels.indexOf(l)).filter((k) => k >= 0) };
      }),
    );
  }
  return { interner, tokens, spans, wordClusters, clusters, paragraphs, labels };
}

export const TAGGER_OPTIONS = { epochs: 4, rate: 0.08, l2: 1e-6, seed: SEED, minCount: 5, positiveWeight: 1 };
export const CLASSIFIER_OPTIONS = { epochs: 12, rate: 0.03, l2: 1e-6, seed: SEED, minCount: 1 };
export const PARAGRAPH_OPTIONS = { epochs: 8, rate: 0.03, l2: 1e-6, seed: SEED, minCount: 5, positiveWeight: 1 };

/** Trains tagger and classifier on the given documents and returns the artefact (thresholds to be filled). */
export function trainArtefact(ex: Extracted, docIdx: readonly number[], provenance: string): TechniqueModelArtefact {
  const nFeat = ex.interner.names.length;
  const groups = docIdx.flatMap((i) => ex.tokens[i] ?? []);
  const spanEx = docIdx.flatMap((i) => ex.spans[i] as SpanExample[]);
  const wt = trainTagger(groups, nFeat, TAGGER_OPTIONS);
  const wc = trainSoftmax(spanEx, nFeat, ex.labels.length, CLASSIFIER_OPTIONS);
  const denseEx: DenseExample[] = spanEx;
  const wd = trainDense(denseEx, ex.labels.length, DENSE_OPTIONS);
  const parEx = docIdx.flatMap((i) => ex.paragraphs[i] ?? []);
  const wp = trainMultiLabel(parEx, nFeat, ex.labels.length, PARAGRAPH_OPTIONS);
  const pp = prune(ex.interner.names, wp, ex.labels.length, 0.05);
  const pt = prune(ex.interner.names, wt, 1, 0.05);
  const pc = prune(ex.interner.names, wc, ex.labels.length, 0.03);
  return {
    format: 'narrascope-technique-model',
    version: 2,
    provenance,
    tagger: saveLinear(['inside'], pt.features, pt.weights),
    classifier: saveLinear(ex.labels, pc.features, pc.weights, 8),
    wordClusters: ex.wordClusters,
    dense: saveDense(wd, (spanEx[0]?.x.length ?? 0), DENSE_CONTEXT, DENSE_LAMBDA),
    paragraph: saveLinear(ex.labels, pp.features, pp.weights, 8),
    paragraphThresholds: {},
    paragraphRule: 'model',
    spanThreshold: 0.4,
    thresholds: {},
  };
}

export function foldsOf(n: number, seed = SEED, k = FOLDS): number[] {
  const fold = new Array<number>(n).fill(0);
  shuffled(
    Array.from({ length: n }, (_, i) => i),
    seed,
  ).forEach((doc, i) => (fold[doc] = i % k));
  return fold;
}

export interface PredSpan {
  readonly start: number;
  readonly end: number;
  /** Token range [a, b). */
  readonly a: number;
  readonly b: number;
  readonly conf: number;
  readonly probs: Float64Array;
  /** Inputs of the second-stage span filter (`spanFilterFeatures`). */
  readonly x: readonly number[];
}

export interface DocPrediction {
  readonly doc: CorpusDoc;
  readonly fold: number;
  readonly labels: readonly string[];
  /** Candidate spans for each threshold of SPAN_GRID. */
  readonly byThreshold: ReadonlyMap<number, readonly PredSpan[]>;
  /** Classifier distribution for each gold span, aligned with doc.gold. */
  readonly goldProbs: readonly Float64Array[];
  /** Paragraph model probabilities for each non-empty line, aligned with doc.paragraphs. */
  readonly parProbs: readonly Float64Array[];
  /** Mean paragraph-model probability of each technique over the document's lines (`documentParagraphMean`). */
  readonly docMeanPm: Float64Array;
  /** Number of tokens of each non-empty line. */
  readonly parTokens: readonly number[];
  /** The gold spans merged as the SI scorer merges them. */
  readonly mergedGold: readonly Range[];
}

/** Predictions of one model on one document, for every span threshold of the grid. */
export function predictDoc(model: TechniqueModel, doc: CorpusDoc, fold: number): DocPrediction {
  const fd = doc.fd;
  const probs = tagTokens(model, fd);
  const docMean = meanProb(probs);
  const byThreshold = new Map<number, PredSpan[]>();
  for (const th of SPAN_GRID) {
    byThreshold.set(
      th,
      decodeSpans(fd, probs, th).map(({ a, b, confidence }) => {
        const start = (fd.tokens[a] as Token).start;
        const end = (fd.tokens[b - 1] as Token).end;
        const cp = classifySpan(model, fd, a, b, start, end).probs;
        return { start, end, a, b, conf: confidence, probs: cp, x: spanFilterFeatures(fd, probs, docMean, a, b, confidence, cp, null) };
      }),
    );
  }
  const goldProbs = doc.gold.map((g) => {
    const { a, b } = tokenRange(fd, g.start, g.end);
    return classifySpan(model, fd, a, b, g.start, g.end).probs;
  });
  const parTokens: number[] = [];
  const parProbs = doc.paragraphs.map((par) => {
    const { a, b } = tokenRange(fd, par.start, par.end);
    parTokens.push(b - a);
    return paragraphProbs(model, fd, a, b).probs;
  });
  return { doc, fold, labels: model.classifier.outputs, byThreshold, goldProbs, parProbs, parTokens, docMeanPm: documentParagraphMean(model, fd), mergedGold: mergeRanges(doc.gold) };
}

/** Out-of-fold predictions for every document (k-fold by article, fixed seed). */
export function crossValidate(corpus: readonly CorpusDoc[], ex: Extracted, log: (s: string) => void, k = FOLDS): DocPrediction[] {
  const fold = foldsOf(corpus.length, SEED, k);
  const out: DocPrediction[] = new Array<DocPrediction>(corpus.length);
  for (let f = 0; f < k; f++) {
    const t = performance.now();
    const train = corpus.map((_, i) => i).filter((i) => fold[i] !== f);
    const model = techniqueModelFrom(trainArtefact(ex, train, `fold ${f}`));
    corpus.forEach((d, i) => {
      if (fold[i] === f) out[i] = predictDoc(model, d, f);
    });
    log(`fold ${f + 1}/${k}: trained on ${train.length} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return out;
}

export interface Thresholds {
  readonly span: number;
  readonly technique: Record<string, number>;
  readonly paragraph: Record<string, number>;
  /** Thresholds on the mean score of the `mean` rule. */
  readonly mean: Record<string, number>;
  readonly rule: ParagraphRule;
}

export type ParagraphRule = 'model' | 'spans' | 'both' | 'mean';
export const PARAGRAPH_RULES: readonly ParagraphRule[] = ['model', 'spans', 'both', 'mean'];

/**
 * Labels by the mean of the paragraph model's probability and the best span confidence inside the paragraph,
 * against one threshold per technique (the `mean` rule).
 */
export function paragraphMeanLabels(p: DocPrediction, spanTh: number, techTh: (label: string) => number): string[][] {
  const spans = p.byThreshold.get(spanTh) ?? [];
  return p.doc.paragraphs.map((par, i) => {
    const best = new Float64Array(p.labels.length);
    for (const s of spans) {
      if (s.start >= par.end || s.end <= par.start) continue;
      s.probs.forEach((pr, k) => (best[k] = Math.max(best[k] as number, s.conf * pr)));
    }
    const pm = p.parProbs[i] as Float64Array;
    return p.labels.filter((label, k) => ((pm[k] as number) + (best[k] as number)) / 2 >= techTh(label));
  });
}

/** Paragraph labels by one rule: the paragraph model, the span findings, or the union of both. */
export function paragraphPredict(p: DocPrediction, th: Omit<Thresholds, 'rule'>, rule: ParagraphRule): string[][] {
  if (rule === 'mean') return paragraphMeanLabels(p, th.span, (l) => th.mean[l] ?? 0.3);
  const viaModel = rule === 'spans' ? null : paragraphModelLabels(p, (l) => th.paragraph[l] ?? 0.3);
  const viaSpans = rule === 'model' ? null : paragraphLabels(p, th.span, (l) => th.technique[l] ?? 0.3);
  return p.doc.paragraphs.map((_, i) => [...new Set([...(viaModel?.[i] ?? []), ...(viaSpans?.[i] ?? [])])]);
}

/** Span identification score of a set of predictions at one span threshold. */
export function siScore(preds: readonly DocPrediction[], th: number): OverlapScore {
  const s = new OverlapScore();
  for (const p of preds) s.add(p.byThreshold.get(th) ?? [], p.doc.gold);
  return s;
}

/** Techniques predicted for each non-empty line: any candidate span in it whose confidence for X ≥ θ_X. */
export function paragraphLabels(p: DocPrediction, spanTh: number, techTh: (label: string) => number): string[][] {
  const spans = p.byThreshold.get(spanTh) ?? [];
  return p.doc.paragraphs.map((par) => {
    const found = new Set<string>();
    for (const s of spans) {
      if (s.start >= par.end || s.end <= par.start) continue;
      s.probs.forEach((pr, k) => {
        const label = p.labels[k] as string;
        if (s.conf * pr >= techTh(label)) found.add(label);
      });
    }
    return [...found];
  });
}

/** Techniques predicted for each non-empty line by the paragraph model: probability of X ≥ θ_X. */
export function paragraphModelLabels(p: DocPrediction, techTh: (label: string) => number): string[][] {
  return p.parProbs.map((probs) => [...probs.keys()].filter((k) => (probs[k] as number) >= techTh(p.labels[k] as string)).map((k) => p.labels[k] as string));
}

/** Per-technique thresholds maximising each technique's F1 (a global one for rare techniques). */
function chooseLabelThresholds(preds: readonly DocPrediction[], labelsOf: (p: DocPrediction, th: (l: string) => number) => string[][]): Record<string, number> {
  const labels = preds[0]?.labels ?? [];
  const perTh = TECH_GRID.map((t) => {
    const c = new LabelCounts();
    for (const p of preds) {
      const got = labelsOf(p, () => t);
      p.doc.paragraphs.forEach((par, i) => c.add(got[i] as string[], par.labels));
    }
    return c;
  });
  return perLabelThresholds(perTh, TECH_GRID, labels);
}

/** Chooses the span threshold (best SI F1) and per-technique thresholds (best paragraph F1 per technique). */
export function chooseThresholds(preds: readonly DocPrediction[]): Thresholds {
  let span = SPAN_GRID[0] as number;
  let best = -1;
  for (const th of SPAN_GRID) {
    const f = siScore(preds, th).result().f1;
    if (f > best) {
      best = f;
      span = th;
    }
  }
  const technique = chooseLabelThresholds(preds, (p, th) => paragraphLabels(p, span, th));
  const paragraph = chooseLabelThresholds(preds, (p, th) => paragraphModelLabels(p, th));
  const mean = chooseLabelThresholds(preds, (p, th) => paragraphMeanLabels(p, span, th));
  let rule: ParagraphRule = 'model';
  let bestF = -1;
  for (const r of PARAGRAPH_RULES) {
    const c = new LabelCounts();
    for (const p of preds) {
      const got = paragraphPredict(p, { span, technique, paragraph, mean }, r);
      p.doc.paragraphs.forEach((par, i) => c.add(got[i] as string[], par.labels));
    }
    const f = c.micro().f1;
    if (f > bestF) {
      bestF = f;
      rule = r;
    }
  }
  return { span, technique, paragraph, mean, rule };
}
