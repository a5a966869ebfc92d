import { describe, expect, it } from 'vitest';
import { breakLongRuns } from './english.js';
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

describe('very long runs without a space', () => {
  it('are cut every 200 characters for wink, keeping the length and whole characters', () => {
    const url = `https://example.org/${'a'.repeat(900)}`; // 920 characters: left whole
    expect(breakLongRuns(`see ${url} now`)).toBe(`see ${url} now`);
    const blob = 'x'.repeat(199) + '😀'.repeat(600); // the 200th unit is the first half of a pair
    const cut = breakLongRuns(`a ${blob} b`);
    expect(cut).toHaveLength(blob.length + 4);
    expect(cut.split(' ').length).toBeGreaterThan(5);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
  });

  it('leave tokens pointing at their own text (a pasted base64 blob)', () => {
    const text = `The minister spoke. ${'QUJD+/ZGVm'.repeat(3000)} Then he left.`;
    const tokens = segmentText(text, 'en').tokens;
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual(expect.arrayContaining(['minister', 'left']));
  });
});
