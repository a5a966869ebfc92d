import { describe, expect, it } from 'vitest';
import { identifyLanguage } from './language-id.js';

describe('identifyLanguage', () => {
  it('decides a plain English text from its opening', async () => {
    const g = await identifyLanguage('The ministry said on Tuesday that the new bridge would open next spring, two years later than planned, because the contractor had run out of money.');
    expect(g.language).toBe('en');
    expect(g.confidence).toBeGreaterThan(0.9);
  });

  it('reads further when the opening is not enough to tell', async () => {
    // The first 300 characters are codes, dates and a short name list that no language owns; the German
    // text after them decides.
    const opening = `${'Ref. 2024/117-B · 14.03.2024 · 09:45 · ID 44-1123 · '.repeat(6)}`.slice(0, 300);
    const body = 'Die Regierung hat am Dienstag angekündigt, dass die neue Brücke erst im nächsten Frühjahr eröffnet wird, weil dem Bauunternehmen das Geld ausgegangen ist. Die Opposition fordert nun eine Untersuchung der Vergabe.';
    const first = await identifyLanguage(opening);
    expect(first.confidence).toBeLessThan(0.9);
    const g = await identifyLanguage(`${opening} ${body}`);
    expect(g.language).toBe('de');
  });

  it('gives und for a text without letters', async () => {
    expect(await identifyLanguage('12 345 — 67.89 % (2024)')).toEqual({ language: 'und', confidence: 0 });
  });
});
