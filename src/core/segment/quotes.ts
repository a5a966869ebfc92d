import type { Block, Quote } from './types.js';

/** Opening mark → closing marks that can end it. Straight quotes close themselves. */
const PAIRS: Record<string, string> = { '“': '”"', '„': '“”"', '«': '»', '"': '"”', '‘': '’', '「': '」', '『': '』', '‹': '›' };
const OPENERS = new Set(Object.keys(PAIRS));

/**
 * Finds quotations inside each block. A single quote `‘` only counts when it is not an apostrophe (a letter
 * on both sides). Quotes do not cross block boundaries: an unclosed quote is ignored rather than guessed.
 */
export function findQuotes(text: string, blocks: readonly Block[]): Quote[] {
  const quotes: Quote[] = [];
  for (const block of blocks) {
    let i = block.start;
    while (i < block.end) {
      const ch = text[i] as string;
      if (OPENERS.has(ch) && !isApostrophe(text, i)) {
        const closers = PAIRS[ch] as string;
        let j = i + 1;
        while (j < block.end && !(closers.includes(text[j] as string) && !isApostrophe(text, j))) j++;
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

function isApostrophe(text: string, i: number): boolean {
  const ch = text[i];
  if (ch !== '‘' && ch !== '’' && ch !== "'") return false;
  return /\p{L}/u.test(text[i - 1] ?? '') && /\p{L}/u.test(text[i + 1] ?? '');
}
