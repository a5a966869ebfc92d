import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/segment/segment.js';
import { buildFeatureDoc, spanFeatures, tokenFeatures } from './features.js';
import { TECHNIQUES } from './labels.js';
import { featureIds, loadLinear, saveLinear, scoreAll, topFeatures, topFeaturesSorted } from './linear.js';
import { loadTechniqueModel } from './load.js';
import { analyseTechniques, decodeSpans, tokenRange } from './model.js';

const TEXT = 'They are evil , evil people !\nThe vote is on Tuesday.';

describe('technique model', () => {
  const fd = buildFeatureDoc(TEXT, segmentText(TEXT, 'en'));
  const words = fd.tokens.map((t) => t.text);

  it.each([
    { name: 'one run, punctuation trimmed', probs: [0, 0, 0.9, 0.8, 0.9, 0.9, 0.9], want: ['evil , evil people'] },
    { name: 'a weak token between strong ones is bridged', probs: [0, 0.9, 0.3, 0.9, 0, 0, 0], want: ['are evil'] },
    { name: 'runs stop at a line break', probs: [0, 0, 0, 0, 0, 0.9, 0.9, 0.9], want: ['people', 'The'] },
  ])('decodeSpans: $name', ({ probs, want }) => {
    const p = new Float64Array(fd.tokens.length);
    probs.forEach((v, i) => (p[i] = v));
    const got = decodeSpans(fd, p, 0.5).map(({ a, b }) => TEXT.slice(fd.tokens[a]?.start, fd.tokens[b - 1]?.end));
    expect(got).toEqual(want);
    expect(words.length).toBeGreaterThan(8);
  });

  it('features mark repetition, cues and position', () => {
    const evil = fd.tokens.findIndex((t) => t.normal === 'evil');
    const f = tokenFeatures(fd, evil);
    expect(f).toContain('w=evil');
    expect(f).toContain('rep=2');
    expect(f).toContain('cue=insult');
    const { a, b } = tokenRange(fd, 9, 13);
    expect(spanFeatures(fd, a, b, 9, 13, null)).toEqual(expect.arrayContaining(['len=1', 'reps=1', 'reps-short', 'f=evil']));
  });

  it('round-trips linear weights through the quantised artefact form', () => {
    const m = loadLinear(saveLinear(['x', 'y'], ['bias', 'w=a', 'w=b'], [0.5, -0.5, 2, 0, -1, 1]));
    const s = scoreAll(m, featureIds(m, ['bias', 'w=a', 'unknown']));
    expect(s[0]).toBeCloseTo(2.5, 3);
    expect(s[1]).toBeCloseTo(-0.5, 3);
    expect(topFeatures(m, featureIds(m, ['bias', 'w=a', 'w=b']), 1)).toEqual([['w=b', expect.closeTo(1, 3)]]);
  });

  it('topFeatures keeps the same best features as sorting them all', () => {
    // Few distinct weight levels (int8) so that ties, broken by name, are common; ids repeat.
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const names = Array.from({ length: 40 }, (_, i) => (i === 0 ? 'bias' : `f=${String.fromCharCode(97 + ((i * 7) % 26))}${i}`));
    const m = loadLinear(saveLinear(['x', 'y'], names, Array.from({ length: 80 }, () => Math.round(next() * 6 - 2) / 2), 8));
    const skip = Uint8Array.from(names, (_, i) => (i % 9 === 4 ? 1 : 0));
    for (let r = 0; r < 200; r++) {
      const ids = Array.from({ length: Math.floor(next() * 30) }, () => Math.floor(next() * names.length));
      for (const n of [1, 2, 3, 5]) {
        for (const k of [0, 1]) {
          expect(topFeatures(m, ids, k, n)).toEqual(topFeaturesSorted(m, ids, k, n));
          expect(topFeatures(m, ids, k, n, skip)).toEqual(topFeaturesSorted(m, ids, k, n, skip));
        }
      }
    }
  });

  it('loads the committed artefact and finds spans inside the text', () => {
    const model = loadTechniqueModel();
    expect(model.classifier.outputs.every((l) => TECHNIQUES.some((t) => t.label === l))).toBe(true);
    expect(model.spanThreshold).toBeGreaterThan(0);
    const text = 'These radical thugs and their disgusting, shameful lies are destroying our great nation.';
    const run = analyseTechniques(model, text, segmentText(text, 'en'));
    expect(run.spans.length).toBeGreaterThan(0);
    for (const s of run.spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      const sum = [...s.probs].reduce((x, y) => x + y, 0);
      expect(sum).toBeCloseTo(1, 6);
    }
  });
});
