import type { SentenceVectors } from './sentence-vectors.js';
import { tokenizeForMatching, type MatchToken, type TagSplitter } from './tokenize.js';

/**
 * A text analysed once for matching: its index terms, the sentence vector, numbers, term
 * bigrams and the terms of capitalised words (names). Fact-checks are prepared when the library is
 * indexed, a query once per search; the re-ranking features compare two prepared texts.
 */
export interface PreparedText {
  readonly tokens: readonly MatchToken[];
  readonly terms: readonly string[];
  readonly unique: ReadonlySet<string>;
  /** The distinct terms and their idf, in parallel arrays (features read them without map look-ups). */
  readonly uniqueTerms: readonly string[];
  readonly uniqueIdf: Float64Array;
  /** Unit-length SIF sentence vector (sentence-vectors.ts), or null when no word is known. */
  readonly vector: Float32Array | null;
  readonly numbers: ReadonlySet<string>;
  readonly bigrams: ReadonlySet<string>;
  /** Terms of words written with a capital letter not at the start of a sentence (names, acronyms). */
  readonly proper: ReadonlySet<string>;
}

export type IdfFn = (term: string) => number;

export function prepareText(
  text: string,
  idf: IdfFn,
  sentences: SentenceVectors | null,
  splitTag?: TagSplitter,
): PreparedText {
  const tokens = tokenizeForMatching(text, false, splitTag);
  const terms = tokens.map((t) => t.term);
  const unique = new Set(terms);
  const uniqueTerms = [...unique];
  const uniqueIdf = Float64Array.from(uniqueTerms, (t) => idf(t));
  const numbers = new Set<string>();
  const bigrams = new Set<string>();
  const proper = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'number') numbers.add(t.term);
    if (i > 0) bigrams.add(`${tokens[i - 1]!.term} ${t.term}`);
    let first = text.charCodeAt(t.start);
    // A full-width capital (Ａ–Ｚ, read by the tokeniser as A–Z) is a capital too.
    if (first >= 0xff21 && first <= 0xff3a) first -= 0xfee0;
    const upper = first >= 65 && first <= 90;
    if ((upper && !sentenceStart(text, t.start)) || t.kind === 'mention' || t.kind === 'hashtag')
      proper.add(t.term);
  }
  const vector = sentences ? sentences.embed(tokens) : null;
  return { tokens, terms, unique, uniqueTerms, uniqueIdf, vector, numbers, bigrams, proper };
}

function sentenceStart(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '"' || c === '“' || c === '(' || c === "'") continue;
    return c === '.' || c === '!' || c === '?' || c === '\n' || c === ':';
  }
  return true;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
