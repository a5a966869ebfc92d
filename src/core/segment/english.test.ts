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

describe('English normal-form keys', () => {
  it('name one normal form each, across documents', () => {
    const texts = [
      "Trump's aides said THE plan's cost was \u201cabsurd\u201d. The AIDES didn't agree; trump's plan stands.",
      'The plan, the PLAN and the Plan: said, aides, agree. Don\u2019t! It\u2019s Trump\u2019s.',
      'Odd\u0085spacing and\u2028a line separator, a\u3000wide space\u000band a tab\u000cform feed.',
    ];
    const normalOf = new Map<number, string>();
    let keyed = 0;
    for (const text of texts) {
      for (const t of segmentText(text, 'en').tokens) {
        const key = t.normalKey ?? -1;
        if (key < 0) continue;
        keyed++;
        const seen = normalOf.get(key);
        if (seen === undefined) normalOf.set(key, t.normal);
        else expect(t.normal).toBe(seen);
      }
    }
    expect(keyed).toBeGreaterThan(30);
    // Repeated words share keys.
    expect(normalOf.size).toBeLessThan(keyed);
  });
});
