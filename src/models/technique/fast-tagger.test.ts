import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/segment/segment.js';
import { paragraphFeatureIds } from './fast-paragraph.js';
import { spanFeatureIds } from './fast-span.js';
import { buildFeatureDoc, paragraphFeatures, spanFeatures, tokenFeatures } from './features.js';
import { featureIds } from './linear.js';
import { loadTechniqueModel } from './load.js';
import { compileTagger, taggerWordIds } from './fast-tagger.js';
import { tagTokens, tagTokensByName, tokenRange } from './model.js';

// Our own fixtures: cues, quotes, repetition, negation, a word containing "|", capitals, line breaks.
const TEXTS = [
  'They are evil , evil people ! The corrupt elite will destroy our great nation.\nIs this really a coincidence?',
  '"We will never surrender," the patriotic minister said. Experts do not agree: the plan is a total disaster.',
  'Read more | Articles | see also A|B and the so-called experts.\n\nEither you stand with us or against us. Period.',
  'SHAMEFUL. Absolutely SHAMEFUL. 1,000 people, 3 days, and nothing was done!',
];

// With and without the tagger run first: after it, span and paragraph features read its word ids (via-tagger.ts).
const CASES = TEXTS.flatMap((text, i) => [false, true].map((tagged) => ({ i, text, tagged })));

describe('fast tagger', () => {
  const model = loadTechniqueModel();
  it.each(TEXTS.map((text, i) => ({ i, text })))('matches the feature-string tagger bit for bit (text $i)', ({ text }) => {
    const fd = buildFeatureDoc(text, segmentText(text, 'en'));
    const fast = tagTokens(model, fd);
    const byName = tagTokensByName(model, fd);
    expect(fast.length).toBe(fd.tokens.length);
    expect(Array.from(fast)).toEqual(Array.from(byName));
    // Not a constant: the tagger separates tokens.
    expect(Math.max(...fast) - Math.min(...fast)).toBeGreaterThan(0.01);
  });

  it('gives words it never saw in training the weight of their word cluster (wc=)', () => {
    // "vile", "traitors" and "glorious" are outside the tagger's vocabulary but in the cluster table ("vile"
    // shares a cluster with "despicable"): the point of the clusters is such words.
    const text = 'Vile traitors sabotaged the glorious homeland, the despicable minister said.';
    const fd = buildFeatureDoc(text, segmentText(text, 'en'));
    const vocab = compileTagger(model.tagger).vocab;
    const clustered = fd.tokens.map((_, i) => tokenFeatures(fd, i, model.clusters).filter((n) => n.startsWith('wc=') && model.tagger.index.has(n)).length);
    expect(clustered.some((n) => n > 0)).toBe(true);
    expect(fd.tokens.some((t, i) => (clustered[i] as number) > 0 && !vocab.has(t.normal))).toBe(true);
    expect(Array.from(tagTokens(model, fd))).toEqual(Array.from(tagTokensByName(model, fd)));
  });
});

describe('tagger word ids through normal-form keys', () => {
  const model = loadTechniqueModel();
  it('equal the vocabulary look-up of each normal form, on first and repeated meetings', () => {
    const vocab = compileTagger(model.tagger).vocab;
    for (let pass = 0; pass < 2; pass++) {
      for (const text of TEXTS) {
        const fd = buildFeatureDoc(text, segmentText(text, 'en'));
        tagTokens(model, fd);
        const wid = taggerWordIds(fd)?.wid;
        expect(wid).toBeDefined();
        fd.tokens.forEach((t, i) => expect(wid?.[i]).toBe(vocab.get(t.normal) ?? -1));
      }
    }
  });
});

describe('fast paragraph features', () => {
  const model = loadTechniqueModel();
  it.each(CASES)('give the ids of the feature strings, in order (text $i, tagged first: $tagged)', ({ text, tagged }) => {
    const segments = segmentText(text, 'en');
    const fd = buildFeatureDoc(text, segments);
    if (tagged) tagTokens(model, fd);
    let clusterFeatures = 0;
    for (const block of segments.blocks) {
      const { a, b } = tokenRange(fd, block.start, block.end);
      const names = paragraphFeatures(fd, a, b, model.clusters);
      const want = featureIds(model.paragraph, names);
      clusterFeatures += names.filter((n) => n.startsWith('wc=') && model.paragraph.index.has(n)).length;
      expect(want.length).toBeGreaterThan(3);
      expect(paragraphFeatureIds(model.paragraph, fd, a, b, model.clusters)).toEqual(want);
    }
    // The word-cluster features take part (the committed model has them).
    expect(clusterFeatures).toBeGreaterThan(0);
  });
});

describe('fast span features', () => {
  const model = loadTechniqueModel();
  it.each(CASES)('give the ids of the feature strings, in order (text $i, tagged first: $tagged)', ({ text, tagged }) => {
    const fd = buildFeatureDoc(text, segmentText(text, 'en'));
    if (tagged) tagTokens(model, fd);
    let clusterFeatures = 0;
    // Every span of up to 6 tokens, and the empty span.
    for (let a = 0; a < fd.tokens.length; a++) {
      for (let b = a; b <= Math.min(fd.tokens.length, a + 6); b++) {
        const start = fd.tokens[a]?.start ?? 0;
        const end = b > a ? (fd.tokens[b - 1]?.end ?? start) : start;
        const names = spanFeatures(fd, a, b, start, end, model.clusters);
        clusterFeatures += names.filter((n) => n.startsWith('wc=') && model.classifier.index.has(n)).length;
        expect(spanFeatureIds(model.classifier, fd, a, b, start, end, model.clusters)).toEqual(featureIds(model.classifier, names));
        // The candidate model of the second stage reads the same kind of features through its own tables.
        if (model.candidate) expect(spanFeatureIds(model.candidate, fd, a, b, start, end, model.clusters)).toEqual(featureIds(model.candidate, names));
      }
    }
    // The word-cluster features take part (the committed model has them, and these texts reach them).
    expect(clusterFeatures).toBeGreaterThan(0);
  });
});
