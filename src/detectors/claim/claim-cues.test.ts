import { describe, expect, it } from 'vitest';
import { CAUSAL_PHRASES, findPhrases, INTENT_PHRASES, PREDICTION_PHRASES } from './claim-cues.js';

// The original search (one indexOf loop per phrase), to check the word-start index against.
function reference(lower: string, phrases: readonly string[]): { phrase: string; index: number }[] {
  const out: { phrase: string; index: number }[] = [];
  for (const p of phrases) {
    let i = lower.indexOf(p);
    while (i >= 0) {
      const before = i === 0 ? ' ' : (lower[i - 1] as string);
      const after = lower[i + p.length] ?? ' ';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push({ phrase: p, index: i });
      i = lower.indexOf(p, i + p.length);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

// Our own invented sentences; the fourth and last phrase lists have phrases that overlap themselves, the fifth
// phrases that start outside ASCII or with a digit.
const SENTENCES = [
  'because of the war, prices will soon rise; they will, because they want to. willow won\'t',
  'it is going to fail in order to justify the plan, due to the sanctions (due to2) and 2will',
  'tot tota tot tot-tot; aa aa aa a; the ploy, the pretext: secretly, deliberately, so that',
  'é will ü will, 3will will3 will',
  'the agenda-agenda agendagenda agenda, to distract to distract-to distractdistract; to discredit to discreditto discredit',
  'ab ab ab abab ab ababab totot tot',
  '',
];
const LISTS = [CAUSAL_PHRASES, INTENT_PHRASES, PREDICTION_PHRASES, ['tot', 'aa a', 'a', 'will', 'w'], ['é will', 'ü', 'ü will', '3will', 'will3'], ['agenda', 'abab', 'ab ab', 'tot', 'to distract']];

describe('findPhrases', () => {
  it('finds exactly what one search per phrase finds, in the same order', () => {
    for (const s of SENTENCES) for (const list of LISTS) expect(findPhrases(s, list), s).toEqual(reference(s, list));
  });
});
