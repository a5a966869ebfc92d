import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/segment/segment.js';
import { loadTechniqueModel } from './load.js';
import { analyseTechniques, documentParagraphMean, paragraphProbs, paragraphTechniques, tokenRange, type TechniqueModel } from './model.js';
import { logisticScore, meanProb, paragraphStackFeatures, PARAGRAPH_STACK_FEATURES, spanFilterFeatureNames, spanFilterFeatures } from './second-stage.js';

const TEXT = 'These radical thugs and their disgusting, shameful lies are destroying our great nation.\nThe vote is on Tuesday, the clerk said.';

describe('technique second stage', () => {
  const model = loadTechniqueModel();
  const segments = segmentText(TEXT, 'en');

  it('the committed model filters spans and labels paragraphs with the stack', () => {
    expect(model.spanFilter).not.toBeNull();
    expect(model.candidate?.outputs).toEqual(['annotated']);
    expect(model.spanFilter?.features).toEqual(spanFilterFeatureNames(model.classifier.outputs, model.candidate !== null));
    expect(model.paragraphRule).toBe('stack');
    expect(model.paragraphStack?.models).toHaveLength(model.classifier.outputs.length);
    expect(model.paragraphStack?.features).toEqual(PARAGRAPH_STACK_FEATURES);
  });

  it('computes one filter input per name and scores with the standardised logistic model', () => {
    const run = analyseTechniques({ ...model, spanFilter: null }, TEXT, segments);
    const s = run.spans[0];
    expect(s).toBeDefined();
    if (!s) return;
    const x = spanFilterFeatures(run.fd, run.tokenProbs, meanProb(run.tokenProbs), s.tokStart, s.tokEnd, s.spanConfidence, s.probs, 0.25);
    expect(x.length).toBe(spanFilterFeatureNames(model.classifier.outputs, true).length);
    expect(x[x.length - 1]).toBe(0.25);
    expect(spanFilterFeatures(run.fd, run.tokenProbs, meanProb(run.tokenProbs), s.tokStart, s.tokEnd, s.spanConfidence, s.probs, null).length).toBe(x.length - 1);
    expect(x[0]).toBeCloseTo(s.spanConfidence, 12);
    expect(logisticScore({ mean: [1, 0], scale: [2, 1], weights: [0.5, 2, -1] }, [3, 1])).toBeCloseTo(1 / (1 + Math.exp(-(0.5 + 2 - 1))), 12);
  });

  it('gives the span filter the candidate model\'s probability as its last input', () => {
    const candidate = model.candidate;
    const filter = model.spanFilter;
    expect(candidate).not.toBeNull();
    if (!candidate || !filter) return;
    // Weights that make the candidate model certain either way move every filter score the same way.
    const sure = (bias: number): TechniqueModel => ({ ...model, candidate: { ...candidate, weights: Float32Array.from(candidate.weights, (_, i) => (candidate.features[i] === 'bias' ? bias : 0)) } });
    const last = filter.model.weights[filter.model.weights.length - 1] as number;
    expect(last).toBeGreaterThan(0);
    const low = analyseTechniques({ ...sure(-30), spanFilter: { ...filter, threshold: 0 } }, TEXT, segments).spans;
    const high = analyseTechniques({ ...sure(30), spanFilter: { ...filter, threshold: 0 } }, TEXT, segments).spans;
    expect(low.length).toBeGreaterThan(0);
    expect(high.map((s) => [s.start, s.end])).toEqual(low.map((s) => [s.start, s.end]));
    low.forEach((s, i) => expect((high[i] as { filterScore: number }).filterScore).toBeGreaterThan(s.filterScore));
  });

  it('keeps exactly the candidates whose filter score reaches the threshold', () => {
    const all = analyseTechniques({ ...model, spanFilter: model.spanFilter ? { ...model.spanFilter, threshold: 0 } : null }, TEXT, segments);
    const none = analyseTechniques({ ...model, spanFilter: model.spanFilter ? { ...model.spanFilter, threshold: 1.01 } : null }, TEXT, segments);
    const shipped = analyseTechniques(model, TEXT, segments);
    const unfiltered = analyseTechniques({ ...model, spanFilter: null }, TEXT, segments);
    expect(all.spans.map((s) => [s.start, s.end])).toEqual(unfiltered.spans.map((s) => [s.start, s.end]));
    expect(none.spans).toHaveLength(0);
    const th = model.spanFilter?.threshold ?? 0;
    expect(shipped.spans.map((s) => [s.start, s.end])).toEqual(all.spans.filter((s) => s.filterScore >= th).map((s) => [s.start, s.end]));
    expect(unfiltered.spans.every((s) => s.filterScore === 1)).toBe(true);
  });

  it('averages the paragraph model over the non-empty lines', () => {
    const run = analyseTechniques(model, TEXT, segments);
    const nl = TEXT.indexOf('\n');
    const lines = [
      [0, nl],
      [nl + 1, TEXT.length],
    ].map(([s, e]) => {
      const { a, b } = tokenRange(run.fd, s as number, e as number);
      return paragraphProbs(model, run.fd, a, b).probs;
    });
    const mean = documentParagraphMean(model, run.fd);
    const k = model.paragraph.outputs.indexOf(model.classifier.outputs[0] as string);
    expect(mean[0]).toBeCloseTo(((lines[0]?.[k] as number) + (lines[1]?.[k] as number)) / 2, 12);
  });

  it('stacked paragraph labels follow the per-technique thresholds', () => {
    const stack = model.paragraphStack;
    expect(stack).not.toBeNull();
    if (!stack) return;
    const labels = model.classifier.outputs;
    const withTh = (t: number): TechniqueModel => ({ ...model, paragraphStack: { ...stack, thresholds: Object.fromEntries(labels.map((l) => [l, t])) } });
    const { a, b } = tokenRange(analyseTechniques(model, TEXT, segments).fd, 0, TEXT.indexOf('\n'));
    const par = (m: TechniqueModel): string[] => paragraphTechniques(m, analyseTechniques(m, TEXT, segments), a, b, 0, TEXT.indexOf('\n')).map(([l]) => l);
    expect(par(withTh(0)).sort()).toEqual([...labels].sort());
    expect(par(withTh(1.01))).toEqual([]);
    const rows = paragraphStackFeatures(new Float64Array(labels.length).fill(0.5), [], 0, 10, 3, new Float64Array(labels.length), new Float64Array(labels.length));
    expect(rows).toHaveLength(labels.length);
    expect(rows[0]?.length).toBe(PARAGRAPH_STACK_FEATURES.length);
    expect(rows[0]?.[0]).toBeCloseTo(0, 12);
  });
});
