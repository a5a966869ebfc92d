import { describe, expect, it } from 'vitest';
import { termOccurrences, termOccurrencesIn, textWords } from './terms.js';

// Our own invented text: paragraphs, hyphens, apostrophes, digits, a non-BMP letter.
const TEXT = [
  "The ministry's sanctions-related report  was published today.",
  'Western media repeated the claims; farmers’ protests grew. 2024 figures: 15 regions.',
  'Short line\nwith a soft wrap - and a hyphenated neo-Nazi label 𝐀bc déjà-vu.',
].join('\n\n');

describe('termOccurrencesIn', () => {
  it('equals termOccurrences of the slice, for every start and end', () => {
    for (let start = 0; start <= TEXT.length; start += 3) {
      for (let end = start; end <= TEXT.length; end += 7) {
        expect(termOccurrencesIn(TEXT, start, end), `${start}-${end}`).toEqual(termOccurrences(TEXT.slice(start, end), start));
      }
    }
  });

  it('gives a slice between paragraphs without the bigram that crosses into it', () => {
    const start = TEXT.indexOf('Western');
    const occ = termOccurrencesIn(TEXT, start, TEXT.indexOf('\n\nShort'));
    expect(occ[0]).toEqual({ term: 'western', start, end: start + 'Western'.length });
    expect(occ.some((o) => o.start < start)).toBe(false);
  });
});

describe('textWords', () => {
  // The pattern the scanner stands for.
  const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  const byRegex = (text: string): { lower: string; start: number; end: number }[] =>
    [...text.matchAll(WORD)].map((m) => ({ lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));

  it('finds the words the WORD pattern matches', () => {
    const cases = [
      TEXT,
      "rock'n'roll o'clock it's ’tis x' 'y don’t 12'ab 3'4 a''b Ꭰꭰ ǅemal İstanbul ΟΔΟΣ.Β",
      '\uD835 lone \uDC00 surrogates \uD835\uDC00x 𝐀𝐁 ٣٤ Ⅻ½ x²³ ab\u0301c 日本語テキスト',
      "", "'", "a", "’a", "a’", "a'\uD835\uDC00b",
    ];
    for (const text of cases) expect(textWords(text), text).toEqual(byRegex(text));
  });

  it('agrees with the pattern on random strings', () => {
    const alphabet = ["a", "Z", "7", "'", "’", " ", "-", "é", "Σ", "٣", "½", "²", "\uD835", "\uDC00", "𝐀", "\u0301", "日", ".", "_"];
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 500; n++) {
      let text = '';
      const len = Math.floor(next() * 30);
      for (let k = 0; k < len; k++) text += alphabet[Math.floor(next() * alphabet.length)];
      expect(textWords(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});
