import { describe, expect, it } from 'vitest';
import { chooseStrengthThresholds, scoreForPrecision } from './strength.js';

/** n best results with scores from `from` downwards, right where `right(i)`. */
const results = (n: number, from: number, right: (i: number) => boolean) => Array.from({ length: n }, (_, i) => ({ score: from - i * 0.1, right: right(i) }));

describe('match-strength thresholds', () => {
  it('take the lowest score above which the best results are right often enough', () => {
    // Right from 20.0 down to 15.0 (51 results), then every other one wrong.
    const best = results(100, 20, (i) => i < 50 || i % 2 === 0);
    expect(scoreForPrecision(best, 1)).toBeCloseTo(15.0, 5);
    const t = chooseStrengthThresholds(best);
    expect(t.possible).toBeLessThan(t.strong);
    const above = best.filter((r) => r.score >= t.possible);
    expect(above.filter((r) => r.right).length / above.length).toBeGreaterThanOrEqual(0.9);
  });

  it('never lets fewer than 30 queries decide, and gives Infinity when no score reaches the precision', () => {
    expect(scoreForPrecision(results(20, 10, () => true), 0.9)).toBe(Infinity);
    expect(scoreForPrecision(results(100, 10, (i) => i % 3 === 0), 0.9)).toBe(Infinity);
  });

  it('moves tied scores in or out together', () => {
    const best = [...results(30, 10, () => true), { score: 7.05, right: true }, { score: 7.05, right: false }, { score: 7.05, right: false }];
    // With the three ties: 31 right of 33 (0.94) — all three count, not the first alone (31 of 31).
    expect(scoreForPrecision(best, 0.98)).toBeCloseTo(7.1, 5);
    expect(scoreForPrecision(best, 0.9)).toBe(7.05);
  });
});
