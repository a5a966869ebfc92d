import { describe, expect, it } from 'vitest';
import { termOccurrences, termOccurrencesIn } from './terms.js';

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
