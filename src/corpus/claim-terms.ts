/**
 * The terms a same-claim cluster compares claims by: their content words (text-match.ts), with each run of
 * Chinese or Japanese characters cut into overlapping character pairs. Those scripts put no space between
 * words, so a whole clause was one "word": two claims that differ by a character, or by a clause ending,
 * shared nothing and were never one cluster ("新冠疫苗导致不孕，没有证据支持" and "新冠疫苗导致不孕，没有证据").
 * Character pairs are what fact-check matching indexes these scripts by too (matching/tokenize.ts).
 */
import { contentWords } from './text-match.js';

const CJK_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3005\u30fc]+/gu;
const HAS_CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** Overlapping pairs of the code points of a run (a one-character run is itself). */
function pairs(run: string): string[] {
  const chars = [...run];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** A claim's terms, in order, joined by spaces: the key and the MinHash input of same-claim clustering. */
export function claimTerms(text: string): string {
  const out: string[] = [];
  for (const word of contentWords(text)) {
    if (!HAS_CJK.test(word)) {
      out.push(word);
      continue;
    }
    // Letters of other scripts glued to the run ("covid疫苗") stay words of their own.
    let last = 0;
    for (const m of word.matchAll(CJK_RUN)) {
      if (m.index > last) out.push(word.slice(last, m.index));
      out.push(...pairs(m[0]));
      last = m.index + m[0].length;
    }
    if (last < word.length) out.push(word.slice(last));
  }
  return out.join(' ');
}
