import { describe, expect, it } from 'vitest';
import { segmentText } from './segment.js';

describe('English token offsets', () => {
  it.each([
    ['plain spacing (the fast walk)', 'The cat  sat\ton the mat.\nThen it\u00a0left, didn\u2009t it?'],
    ['characters wink does not split at (the reference walk)', 'Odd\u0085spacing and\u2028a line separator, a\u3000wide space\u000band a tab\u000cform feed.'],
  ])('point at each token’s own text: %s', (_, text) => {
    const tokens = segmentText(text, 'en').tokens;
    expect(tokens.length).toBeGreaterThan(5);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (let k = 1; k < tokens.length; k++) expect(tokens[k]!.start).toBeGreaterThanOrEqual(tokens[k - 1]!.end);
  });
});
