import { porterStem } from './porter-stemmer.js';
import { STOPWORDS } from './stopwords.js';

/**
 * Tokeniser for claim matching. Tweets and fact-checks write the same claim differently: tweets carry
 * links, @handles, #CamelCaseTags, "70%", "$1,000"; fact-checks spell words out ("70 per cent"). So:
 * links are dropped (a t.co address carries no words), handles and hashtags are split at case changes
 * and digits ("#DefundTheCBC" → defund, the, cbc), digit groups lose their commas, "%" becomes "percent",
 * number words ("ten") become digits, words are lower-cased and Porter-stemmed, and stop words are
 * dropped. Every token keeps its offsets [start, end) in the input so that matches can be highlighted.
 */
export interface MatchToken {
  /** The index term: lower-cased, stemmed surface form. */
  readonly term: string;
  /** The lower-cased word before stemming (used for word-vector look-up). */
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** Where the token came from: plain text, a #hashtag or an @handle. */
  readonly kind: 'word' | 'number' | 'hashtag' | 'mention';
}

// A bare domain is tried only where a run of its characters starts (leading dashes skipped): started at
// every word boundary inside a run, as `\b[a-z0-9-]+` was, a text such as "a-a-a-..." took quadratic time
// (80 KB: seconds). Same masks on every tweet and fact-check of the CheckThat! data.
const URL_RE =
  /\b(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S+|(?<![a-z0-9-])-*\b[a-z0-9-]+\.(?:com|org|net|co|ly|gov|be)\/\S*/giu;
// A run of letters/digits (with inner apostrophes, dots in numbers and commas in digit groups), or a
// #tag / @handle as one piece to be split afterwards.
const PIECE_RE = /[#@][\p{L}\p{N}_]+|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*|%|\$/gu;
// Splits "DefundTheCBC2020" into Defund / The / CBC / 2020 and "covid_19" at underscores.
const CAMEL_RE = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+/gu;

// Fact-checks spell small numbers out ("ten times", "Fourteen-year-old"), tweets write digits ("10x"): the
// number words two to twenty and the tens become their digits ("one" stays a stop word; multipliers such as
// "hundred" are left alone, since "two hundred" is not "2 100"). Measured: +0.0005 train-CV MAP@5, +0.001 dev.
const NUMBER_WORDS = new Map(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i) => [w, String(i + 2)] as [string, string])
    .concat([
      ['thirty', '30'],
      ['forty', '40'],
      ['fifty', '50'],
      ['sixty', '60'],
      ['seventy', '70'],
      ['eighty', '80'],
      ['ninety', '90'],
    ]),
);

const stemCache = new Map<string, string>();

/** Stems one lower-case word, memoised (the vocabulary of a corpus is small; stemming is the hot path). */
export function stemWord(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = porterStem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Blanks out links (same length, so offsets stay valid). */
export function maskUrls(text: string): string {
  return text.replace(URL_RE, (m) => ' '.repeat(m.length));
}

/** Splits a run-together #tag or @handle part into contiguous pieces, or null to keep it (see tag-segmenter.ts). */
export type TagSplitter = (part: string) => readonly string[] | null;

/**
 * All tokens with offsets, stop words included (`keepStopwords`) or not. `splitTag`, when given, may split
 * a #tag or @handle part that the case changes did not split ("#tentcity" → tent, city). Plain words are
 * never split: splitting unknown words (misspellings, names) lost MAP@5 on train and dev.
 */
export function tokenizeForMatching(
  text: string,
  keepStopwords = false,
  splitTag?: TagSplitter,
): MatchToken[] {
  const out: MatchToken[] = [];
  const masked = maskUrls(text);
  for (const m of masked.matchAll(PIECE_RE)) {
    const piece = m[0];
    const start = m.index;
    const first = piece[0];
    if (first === '#' || first === '@') {
      const kind = first === '#' ? 'hashtag' : 'mention';
      for (const part of piece.slice(1).matchAll(CAMEL_RE)) {
        const pieces = splitTag ? splitTag(part[0]) : null;
        if (!pieces) {
          push(out, part[0], start + 1 + part.index, kind, keepStopwords);
          continue;
        }
        let at = start + 1 + part.index;
        for (const p of pieces) {
          push(out, p, at, kind, keepStopwords);
          at += p.length;
        }
      }
    } else if (piece === '%') {
      out.push({ term: 'percent', word: 'percent', start, end: start + 1, kind: 'word' });
    } else if (piece === '$') {
      out.push({ term: 'dollar', word: 'dollar', start, end: start + 1, kind: 'word' });
    } else {
      push(out, piece, start, /^\p{N}/u.test(piece) ? 'number' : 'word', keepStopwords);
    }
  }
  return out;
}

function push(
  out: MatchToken[],
  raw: string,
  start: number,
  kind: MatchToken['kind'],
  keepStopwords: boolean,
): void {
  const end = start + raw.length;
  if (/^\p{N}/u.test(raw)) {
    // "1,000" and "1000" are one number; "3.5" stays as is.
    const word = raw.replace(/,(?=\d{3}\b)/gu, '');
    out.push({ term: word, word, start, end, kind: kind === 'word' ? 'number' : kind });
    return;
  }
  let word = raw.toLowerCase().replace(/’/gu, "'");
  // Possessive and contracted forms: "obama's" → "obama", "don't" → "don" + kept negation below.
  if (word.endsWith("'s")) word = word.slice(0, -2);
  if (word.endsWith("n't")) {
    out.push({ term: 'not', word: 'not', start, end, kind });
    return;
  }
  word = word.replace(/'/gu, '');
  if (word.length === 0) return;
  const digits = NUMBER_WORDS.get(word);
  if (digits !== undefined) {
    out.push({ term: digits, word, start, end, kind: 'number' });
    return;
  }
  if (!keepStopwords && STOPWORDS.has(word)) return;
  if (word.length === 1 && kind === 'word') return;
  out.push({ term: stemWord(word), word, start, end, kind });
}

/** Just the index terms. */
export function matchTerms(text: string): string[] {
  return tokenizeForMatching(text).map((t) => t.term);
}
