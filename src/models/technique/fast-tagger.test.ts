import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/segment/segment.js';
import { buildFeatureDoc } from './features.js';
import { loadTechniqueModel } from './load.js';
import { tagTokens, tagTokensByName } from './model.js';

// Our own fixtures: cues, quotes, repetition, negation, a word containing "|", capitals, line breaks.
const TEXTS = [
  'They are evil , evil people ! The corrupt elite will destroy our great nation.\nIs this really a coincidence?',
  '"We will never surrender," the patriotic minister said. Experts do not agree: the plan is a total disaster.',
  'Read more | Articles | see also A|B and the so-called experts.\n\nEither you stand with us or against us. Period.',
  'SHAMEFUL. Absolutely SHAMEFUL. 1,000 people, 3 days, and nothing was done!',
];

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
});
