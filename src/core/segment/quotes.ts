import type { Block, Quote } from './types.js';

/**
 * Opening mark → closing marks that can end it, as UTF-16 code units: “ → ” ", „ → “ ” ", « → », " → " ”,
 * ‘ → ’, 「 → 」, 『 → 』, ‹ → ›. Straight quotes close themselves. Null for a character that opens nothing.
 */
function closersOf(c: number): readonly number[] | null {
  switch (c) {
    case 0x201c: return [0x201d, 0x22];
    case 0x201e: return [0x201c, 0x201d, 0x22];
    case 0xab: return [0xbb];
    case 0x22: return [0x22, 0x201d];
    case 0x2018: return [0x2019];
    case 0x300c: return [0x300d];
    case 0x300e: return [0x300f];
    case 0x2039: return [0x203a];
    default: return null;
  }
}

/**
 * Finds quotations inside each block. A single quote `‘` only counts when it is not an apostrophe (a letter
 * on both sides). Quotes do not cross block boundaries: an unclosed quote is ignored rather than guessed.
 * The text is read as code units (no one-character strings), since the loop visits every character.
 */
export function findQuotes(text: string, blocks: readonly Block[]): Quote[] {
  const quotes: Quote[] = [];
  // Opening marks whose search for a closing mark ran to the end of the block: a later mark of the same kind
  // cannot find one either (what closes it, and which marks are apostrophes, do not depend on where the
  // search starts), so it is not searched again. Without this, a block of unclosed marks (100,000 “ in a
  // row) was searched to its end from each of them, in time growing with the square of its length.
  const unclosed = new Set<number>();
  for (const block of blocks) {
    unclosed.clear();
    let i = block.start;
    while (i < block.end) {
      const c = text.charCodeAt(i);
      // Every opening mark is '"' or above U+00AA: the test lets letters, digits and most punctuation through.
      const closers = c === 0x22 || c > 0xaa ? closersOf(c) : null;
      if (closers !== null && !isApostrophe(text, i) && !unclosed.has(c)) {
        let j = i + 1;
        while (j < block.end && !(closers.includes(text.charCodeAt(j)) && !isApostrophe(text, j))) j++;
        if (j >= block.end) unclosed.add(c);
        if (j < block.end && j > i + 1) {
          quotes.push({ start: i, end: j + 1, inner: { start: i + 1, end: j }, block: block.index });
          i = j + 1;
          continue;
        }
      }
      i++;
    }
  }
  return quotes;
}

/** A ‘, ’ or ' with a letter (one code unit) on both sides. */
function isApostrophe(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 0x2018 && c !== 0x2019 && c !== 0x27) return false;
  return isLetter(text.charCodeAt(i - 1)) && isLetter(text.charCodeAt(i + 1));
}

const LETTER = /\p{L}/u;

/** Whether a code unit is a letter by itself (NaN, past either end of the text, is not). */
function isLetter(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  return c === c && LETTER.test(String.fromCharCode(c));
}
