import type { BestResult } from './cross-validation.js';

/** Precision the best result must reach above each threshold, and the fewest queries that may decide it. */
export const STRENGTH_TARGETS = { strong: 0.98, possible: 0.9 } as const;
const MIN_QUERIES = 30;

/**
 * The lowest score above which the best results are right at least `precision` of the time, counted over at
 * least MIN_QUERIES queries (fewer would let a handful decide); Infinity when no score reaches it.
 */
export function scoreForPrecision(best: readonly Pick<BestResult, 'score' | 'right'>[], precision: number): number {
  const sorted = [...best].sort((a, b) => b.score - a.score);
  let right = 0;
  let found = Infinity;
  sorted.forEach((r, i) => {
    if (r.right) right++;
    const n = i + 1;
    // Only where the next score is lower: equal scores go in or out together.
    const boundary = i + 1 === sorted.length || (sorted[i + 1] as Pick<BestResult, 'score'>).score < r.score;
    if (boundary && n >= MIN_QUERIES && right / n >= precision) found = r.score;
  });
  return found;
}

/** Both thresholds, rounded down to two decimals (a stored score compares as at least its threshold). */
export function chooseStrengthThresholds(best: readonly Pick<BestResult, 'score' | 'right'>[]): { strong: number; possible: number } {
  const down = (x: number): number => Math.floor(x * 100) / 100;
  const strong = scoreForPrecision(best, STRENGTH_TARGETS.strong);
  const possible = Math.min(strong, scoreForPrecision(best, STRENGTH_TARGETS.possible));
  return { strong: down(strong), possible: down(possible) };
}
