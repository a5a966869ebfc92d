import { describe, expect, it } from 'vitest';
import { countOccurrences } from './occurrence-count.js';

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
