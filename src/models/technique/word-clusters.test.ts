import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/segment/segment.js';
import { loadWordVectors } from '../vectors/word-vectors.js';
import { addDenseLogits, addDenseSpanLogits, loadDense, saveDense } from './dense.js';
import { buildFeatureDoc, spanFeatures } from './features.js';
import { saveLinear, softmaxInPlace } from './linear.js';
import { classifySpan, techniqueModelFrom, tokenRange, type TechniqueModelArtefact } from './model.js';
import { clusterOfWord, saveWordClusters, spanVector } from './word-clusters.js';

const vectors = loadWordVectors();
const evil = vectors.indexOf('evil');

/** A tiny artefact: "evil" in cluster 1, every other clustered row in cluster 0; a dense model on the bias input. */
function artefact(vectorWords = vectors.size): TechniqueModelArtefact {
  const table = new Uint16Array(evil + 1);
  table[evil] = 1;
  const inputs = 2 * vectors.dims + 1;
  const dense = new Float64Array(inputs * 2);
  dense[(inputs - 1) * 2] = 2; // bias input → +2 for output 0
  const linear = saveLinear(['Loaded_Language', 'Doubt'], ['bias', 'wc=1'], [0, 0.5, 1, 0]);
  return {
    format: 'narrascope-technique-model',
    version: 2,
    provenance: 'test',
    tagger: saveLinear(['inside'], ['bias'], [0]),
    classifier: linear,
    wordClusters: saveWordClusters(table, 2, 1, vectorWords),
    dense: saveDense(dense, inputs, 5, 0.5),
    paragraph: saveLinear(['Loaded_Language', 'Doubt'], ['bias'], [0, 0]),
    paragraphThresholds: {},
    paragraphRule: 'model',
    spanThreshold: 0.5,
    thresholds: {},
  };
}

describe('word clusters and the dense span model', () => {
  it('adds wc= for clustered words and λ × dense logits before the softmax', () => {
    expect(evil).toBeGreaterThanOrEqual(0);
    const model = techniqueModelFrom(artefact());
    const text = 'They are evil people.';
    const fd = buildFeatureDoc(text, segmentText(text, 'en'));
    const { a, b } = tokenRange(fd, 9, 13);
    expect(spanFeatures(fd, a, b, 9, 13, model.clusters)).toContain('wc=1');
    expect(clusterOfWord(model.clusters!, 'evil')).toBe(1);
    expect(clusterOfWord(model.clusters!, 'no-such-word-xyz')).toBe(-1);
    const { probs } = classifySpan(model, fd, a, b, 9, 13);
    // Sparse: bias (0, 0.5) + wc=1 (1, 0); dense: 0.5 × 2 on output 0.
    const want = softmaxInPlace(Float64Array.from([0 + 1 + 1, 0.5 + 0]));
    expect(probs[0]).toBeCloseTo(want[0] as number, 3);
    expect(probs[1]).toBeCloseTo(want[1] as number, 3);
  });

  it('refuses a cluster table built for another word-vector table', () => {
    expect(() => techniqueModelFrom(artefact(vectors.size + 1))).toThrow(/word-cluster table was built for a word-vector table of \d+ words, but words.bin has \d+/);
  });

  it('the per-word logits cache gives the logits of the span vector', () => {
    const inputs = 2 * vectors.dims + 1;
    const w = Float64Array.from({ length: inputs * 3 }, (_, i) => Math.sin(i * 12.9898) * 0.7);
    const m = loadDense(saveDense(w, inputs, 5, 0.3), 3, vectors.dims);
    const text = 'The corrupt elite will destroy our great nation, and the so-called experts stay silent. Shameful!';
    const fd = buildFeatureDoc(text, segmentText(text, 'en'));
    let checked = 0;
    for (let a = 0; a < fd.tokens.length; a++) {
      for (let b = a; b <= Math.min(fd.tokens.length, a + 8); b++) {
        const want = addDenseLogits(m, spanVector(vectors, fd, a, b, 5), Float64Array.from([1, 2, 3]));
        const got = addDenseSpanLogits(m, vectors, fd, a, b, Float64Array.from([1, 2, 3]));
        for (let k = 0; k < 3; k++) expect(got[k]).toBeCloseTo(want[k] as number, 5);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('span vectors: mean unit vector inside, mean of the context outside, then 1', () => {
    const text = 'They are evil people.';
    const fd = buildFeatureDoc(text, segmentText(text, 'en'));
    const { a, b } = tokenRange(fd, 9, 13);
    const x = spanVector(vectors, fd, a, b, 5);
    const D = vectors.dims;
    expect(x.length).toBe(2 * D + 1);
    expect(x[2 * D]).toBe(1);
    const u = vectors.unitRow(evil);
    for (let j = 0; j < D; j++) expect(x[j]).toBeCloseTo(u[j] as number, 6);
    const around = fd.tokens.map((t, k) => ({ t, k })).filter(({ t, k }) => (k < a || k >= b) && vectors.indexOf(t.normal) >= 0);
    expect(around.length).toBeGreaterThan(1);
    const mean = new Float64Array(D);
    for (const { t } of around) vectors.unitRow(vectors.indexOf(t.normal)).forEach((v, j) => (mean[j] = (mean[j] as number) + v / around.length));
    for (let j = 0; j < D; j++) expect(x[D + j]).toBeCloseTo(mean[j] as number, 6);
  });
});
