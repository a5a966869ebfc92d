import type { VerdictLabel } from '../../core/result/types.js';

/**
 * Normalised verdict → position on the 1–5 scale most fact-checkers publish (1 false … 5 true). Labels
 * with no place on the scale ("other") get no number; `alternateName` always carries the words.
 */
export const RATING_OF: Readonly<Record<VerdictLabel, number | null>> = {
  false: 1,
  'partly-false': 2,
  misleading: 2,
  'missing-context': 3,
  unproven: 3,
  mixed: 3,
  true: 5,
  other: null,
};

export const VERDICT_WORDS: Readonly<Record<VerdictLabel, string>> = {
  false: 'False',
  'partly-false': 'Partly false',
  misleading: 'Misleading',
  'missing-context': 'Missing context',
  unproven: 'Unproven',
  mixed: 'Mixed',
  true: 'True',
  other: 'Other',
};

const LABELS = Object.keys(RATING_OF) as VerdictLabel[];

export function isVerdictLabel(value: string): value is VerdictLabel {
  return (LABELS as string[]).includes(value);
}

/** Best-effort normalisation of a free-text rating ("Pants on Fire", "Mostly False", "Fake") to a label. */
export function verdictLabelOf(text: string): VerdictLabel {
  const t = text.toLowerCase();
  if (/\b(half|partly|partially|mostly false|mixture|mixed)\b/u.test(t))
    return /mostly false|partly|partially/u.test(t) ? 'partly-false' : 'mixed';
  if (/\b(mislead|distort|exaggerat|out of context|cherry)/u.test(t)) return 'misleading';
  if (/\b(missing context|lacks context|needs context)\b/u.test(t)) return 'missing-context';
  if (/\b(unproven|unverified|unsupported|no evidence|unsubstantiated)\b/u.test(t)) return 'unproven';
  if (
    /\b(false|fake|lie|myth|hoax|pants on fire|fabricat|incorrect|wrong|debunk|scam|four pinocchios)\b/u.test(
      t,
    )
  )
    return 'false';
  // A negated "true" word is a false rating ("Not true", "Untrue", "Not accurate"), not a true one: read as
  // true, it was exported with ratingValue 5.
  if (/\b(?:not|un)\s*(?:true|correct|accurate|a fact)\b/u.test(t)) return 'false';
  if (/\b(true|correct|accurate|fact)\b/u.test(t)) return 'true';
  return 'other';
}
