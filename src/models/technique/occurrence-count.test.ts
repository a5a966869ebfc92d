import { describe, expect, it } from 'vitest';
import { randomStrings } from '../../../test/support/random-strings.js';
import { BUDGET_PER_CHAR, countOccurrences, visitedPositions } from './occurrence-count.js';

/** The plain search the trigram chains replace. */
function byIndexOf(text: string, needle: string, max: number): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0 && n < max; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

describe('countOccurrences', () => {
  const text = 'the war, the war, the warlords; aaaaaa. Ещё раз: война, война! the wa';
  it.each(['the war', 'the', 'aaa', 'aa', 'война', 'the wa', 'xyz', 'a, '])('counts %j like repeated indexOf', (needle) => {
    for (const max of [1, 2, 6]) expect(countOccurrences(text, needle, max)).toBe(byIndexOf(text, needle, max));
  });

  it('switches documents', () => {
    expect(countOccurrences('abc abc abc', 'abc', 6)).toBe(3);
    expect(countOccurrences('abcabc', 'abc', 6)).toBe(2);
    expect(countOccurrences('ab', 'abc', 6)).toBe(0);
  });
});

describe('countOccurrences on many texts and needles', () => {
  it('counts like repeated indexOf (random texts of few pieces, needles cut from them)', () => {
    const texts = randomStrings(['the ', 'war', ' wa', 'r ', 'aa', 'a', ', ', 'війна ', 'the war ', '.'], 300, 40, 3);
    for (const text of texts) {
      for (let s = 0; s + 3 <= text.length; s += 2) {
        const needle = text.slice(s, s + 3 + (s % 9));
        for (const max of [1, 6]) expect(countOccurrences(text, needle, max), JSON.stringify([text, needle, max])).toBe(byIndexOf(text, needle, max));
      }
    }
  });
});

describe('countOccurrences on a long text of few words', () => {
  it('visits a bounded number of chain positions, not the whole chain for each needle', () => {
    // One line of 40,000 words from a vocabulary of eight: every trigram's chain runs through the whole text.
    const vocabulary = ['war', 'peace', 'the', 'army', 'lies', 'media', 'west', 'truth'];
    const words = Array.from({ length: 40_000 }, (_, i) => vocabulary[(i * 7 + ((i * i) % 13)) % vocabulary.length]);
    const text = `${words.join(' ')}.`;
    let needles = 0;
    for (let i = 0; i + 6 < words.length; i += 20) {
      countOccurrences(text, words.slice(i, i + 6).join(' '), 6);
      needles++;
    }
    expect(needles).toBe(2000);
    // Walking the first trigram's chain visited ~60,000 positions per needle (120 million in all).
    expect(visitedPositions(text)).toBeLessThanOrEqual(BUDGET_PER_CHAR * text.length + needles);
  });
});
