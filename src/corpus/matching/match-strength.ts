/**
 * How strongly a result looks like the same claim, in words an analyst can act on. The re-ranker's score is
 * a ranking score, but the score of the best result also tells how often that result is right: on the
 * CheckThat! 2020 train split (out-of-fold scores of 5-fold cross-validation), the best result was right
 * 98 % of the time at or above one score and 90 % at or above a lower one. Those two scores, chosen when
 * the model is trained and stored with it, divide results into strong, possible and weak. They are
 * measured on claims that have a fact-check in the library: for a claim without one, a strong result is a
 * topical neighbour about one time in eight (docs/matching.md), so a band is a reading aid, not a verdict.
 */
export type MatchStrength = 'strong' | 'possible' | 'weak';

export interface MatchStrengthThresholds {
  /** Lowest re-ranker score of a strong result. */
  readonly strong: number;
  /** Lowest re-ranker score of a possible result. */
  readonly possible: number;
  /** How the two were measured (data, folds, the precision each stands for). */
  readonly measured: string;
}

export function matchStrength(score: number, t: MatchStrengthThresholds): MatchStrength {
  return score >= t.strong ? 'strong' : score >= t.possible ? 'possible' : 'weak';
}

/** Checks the thresholds stored in a model file (absent in models trained before them). */
export function validStrengthThresholds(value: unknown): value is MatchStrengthThresholds {
  const t = value as Partial<MatchStrengthThresholds> | null;
  return !!t && Number.isFinite(t.strong) && Number.isFinite(t.possible) && (t.possible as number) <= (t.strong as number) && typeof t.measured === 'string';
}
