import { describe, expect, it } from 'vitest';
import { segmentBlocks } from './blocks.js';
import { randomStrings } from '../../../test/support/random-strings.js';
import { findQuotes } from './quotes.js';

const quoted = (text: string): string[] => findQuotes(text, segmentBlocks(text)).map((q) => text.slice(q.inner.start, q.inner.end));

describe('findQuotes', () => {
  it('pairs each kind of opening mark with its closing marks', () => {
    expect(quoted('He said “go now” and „bitte“ and «oui» and "yes" and ‘fine’ and 「はい」 and 『いいえ』 and ‹non›.')).toEqual([
      'go now', 'bitte', 'oui', 'yes', 'fine', 'はい', 'いいえ', 'non',
    ]);
  });

  it('skips apostrophes between letters, on either side of a quotation', () => {
    expect(quoted('‘It’s John’s,’ she said. Don’t ‘quote’ me.')).toEqual(['It’s John’s,', 'quote']);
    expect(quoted('l‘homme ‘été’')).toEqual(['été']);
  });

  it('ignores unclosed and empty quotations, and does not cross blocks', () => {
    expect(quoted('An “open quote.\n\nAnother paragraph” here.')).toEqual([]);
    expect(quoted('Empty “” marks and “real” ones.')).toEqual(['real']);
  });
});

/**
 * The search before unclosed marks were remembered: every opening mark searches to its closing mark or to
 * the block's end.
 */
function reference(text: string): [number, number][] {
  const closers: Record<string, string> = {
    '“': '”"',
    '„': '“”"',
    '«': '»',
    '"': '"”',
    '‘': '’',
    '「': '」',
    '『': '』',
    '‹': '›',
  };
  const letter = (k: number): boolean => k >= 0 && k < text.length && /\p{L}/u.test(text[k] as string);
  const apostrophe = (k: number): boolean =>
    '‘’\''.includes(text[k] as string) && letter(k - 1) && letter(k + 1);
  const out: [number, number][] = [];
  for (const block of segmentBlocks(text)) {
    for (let i = block.start; i < block.end; i++) {
      const ends = closers[text[i] as string];
      if (ends === undefined || apostrophe(i)) continue;
      let j = i + 1;
      while (j < block.end && !(ends.includes(text[j] as string) && !apostrophe(j))) j++;
      if (j < block.end && j > i + 1) {
        out.push([i, j + 1]);
        i = j;
      }
    }
  }
  return out;
}

describe('findQuotes on unclosed marks', () => {
  it('finds what searching from every mark finds (seeded random strings of marks, letters, breaks)', () => {
    const marks = ['“', '”', '„', '«', '»', '"', '‘', '’', "'", '「', '」', '『', '‹', '›'];
    const pieces = [...marks, 'a', 'é', ' ', '\n', '\n\n', '\ud83d\ude00'];
    for (const s of randomStrings(pieces, 20000, 30, 11)) {
      const found = findQuotes(s, segmentBlocks(s)).map((q) => [q.start, q.end]);
      expect(found, JSON.stringify(s)).toEqual(reference(s));
    }
  });

  it('reads each code unit a bounded number of times in a block of unclosed marks', () => {
    const text = `Before ${'“'.repeat(20000)} «${'‘a '.repeat(5000)} after.`;
    let reads = 0;
    const charCodeAt = (i: number): number => (reads++, text.charCodeAt(i));
    const counted = { length: text.length, charCodeAt } as unknown as string;
    expect(findQuotes(counted, segmentBlocks(text))).toEqual([]);
    expect(reads).toBeLessThan(20 * text.length);
  });
});
