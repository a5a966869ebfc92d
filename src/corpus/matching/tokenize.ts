import { porterStem } from './porter-stemmer.js';
import { STOPWORDS } from './stopwords.js';

/**
 * Tokeniser for claim matching. Tweets and fact-checks write the same claim differently: tweets carry
 * links, @handles, #CamelCaseTags, "70%", "$1,000"; fact-checks spell words out ("70 per cent"). So:
 * links are dropped (a t.co address carries no words), handles and hashtags are split at case changes
 * and digits ("#DefundTheCBC" → defund, the, cbc), digit groups lose their commas, "%" becomes "percent",
 * number words ("ten") become digits, words are lower-cased and Porter-stemmed, and stop words are
 * dropped. Every token keeps its offsets [start, end) in the input so that matches can be highlighted.
 * Compatibility forms are read as their plain forms first (Unicode NFKC: full-width "ＣＯＶＩＤ" and "５Ｇ" are
 * COVID and 5G, "ﬁ" is fi), with offsets mapped back to the text as given. Chinese and Japanese, written
 * without spaces, are indexed as overlapping character pairs of each Han/Kana run ("疫苗导致" → 疫苗, 苗导, 导致).
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
// Letters without case (Han, Kana, Arabic, Hebrew, Thai ...) are a part of their own: "#新冠疫苗" and
// "#مرحبا" gave no token at all, so a tag in those scripts matched nothing.
const CAMEL_RE =
  /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+|[\p{Lo}\p{Lm}\p{Lt}][\p{Lo}\p{Lm}\p{Lt}\p{M}]*/gu;
// Scripts written without spaces between words: a run of them is indexed as overlapping character pairs.
// The iteration mark 々 and the long-vowel mark ー belong to the run.
const CJK_RUN_RE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3005\u30fc\uff70]+/gu;
const FOLD_RE = /[ςß]/u;
const HAS_CJK_RE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

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
  // Tokens are found in the NFKC form and their offsets mapped back to `text` at the end.
  const folded = foldCompatibility(text);
  const masked = maskUrls(folded ? folded.text : text);
  for (const m of masked.matchAll(PIECE_RE)) {
    const piece = m[0];
    const start = m.index;
    const first = piece[0];
    if (first === '#' || first === '@') {
      const kind = first === '#' ? 'hashtag' : 'mention';
      for (const part of piece.slice(1).matchAll(CAMEL_RE)) {
        const at0 = start + 1 + part.index;
        if (HAS_CJK_RE.test(part[0])) {
          pushMixed(out, part[0], at0, kind, keepStopwords);
          continue;
        }
        const pieces = splitTag ? splitTag(part[0]) : null;
        if (!pieces) {
          push(out, part[0], at0, kind, keepStopwords);
          continue;
        }
        let at = at0;
        for (const p of pieces) {
          push(out, p, at, kind, keepStopwords);
          at += p.length;
        }
      }
    } else if (piece === '%') {
      out.push({ term: 'percent', word: 'percent', start, end: start + 1, kind: 'word' });
    } else if (piece === '$') {
      out.push({ term: 'dollar', word: 'dollar', start, end: start + 1, kind: 'word' });
    } else if (HAS_CJK_RE.test(piece)) {
      pushMixed(out, piece, start, 'word', keepStopwords);
    } else {
      push(out, piece, start, /^\p{N}/u.test(piece) ? 'number' : 'word', keepStopwords);
    }
  }
  if (!folded) return out;
  return out.map((t) => ({ ...t, start: folded.starts[t.start]!, end: folded.ends[t.end - 1]! }));
}

/** A text in NFKC form, and for each of its UTF-16 units the [start, end) in the original it came from. */
interface FoldedText {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** A combining mark or a conjoining Hangul vowel/final: composes with what precedes it. */
const JOINS_RE = /^[\p{M}\u1160-\u11ff\ud7b0-\ud7ff]/u;

/**
 * The NFKC form of a text with an offset map, or null when NFKC leaves the text as it is (all ASCII
 * text: no cost). NFKC can change the length ("ﬁ" → "fi", "½" → "1⁄2", "e" + combining acute → "é"), so
 * the text is normalised a character with its combining marks at a time, each output unit remembering the
 * original span; a token [a, b) of the folded text is [starts[a], ends[b - 1]) of the original.
 */
export function foldCompatibility(text: string): FoldedText | null {
  // eslint-disable-next-line no-control-regex
  if (!/[^\u0000-\u007f]/u.test(text)) return null;
  if (text.normalize('NFKC') === text) return null;
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  const width = (i: number): number => (text.codePointAt(i)! > 0xffff ? 2 : 1);
  let i = 0;
  while (i < n) {
    let j = i + width(i);
    while (j < n && JOINS_RE.test(text.slice(j, j + 2))) j += width(j);
    const seg = text.slice(i, j);
    let norm = seg.charCodeAt(0) < 0x80 && j === i + 1 ? seg : seg.normalize('NFKC');
    if (norm !== seg) {
      // A spacing accent (´ ¨ ¯) would become a space and a combining mark glued to the next word: kept.
      if (/^ \p{M}/u.test(norm)) norm = seg;
      // A symbol that NFKC spells with letters (™ → TM, ㎏ → kg) is a word of its own, not the end of the
      // word before it: "Brand™" is brand and tm, not "brandtm".
      else if (!/^[\p{L}\p{N}\p{M}]/u.test(seg) && /[\p{L}\p{N}]/u.test(norm)) norm = ` ${norm} `;
    }
    for (let u = 0; u < norm.length; u++) {
      starts.push(i);
      ends.push(j);
    }
    folded += norm;
    i = j;
  }
  return { text: folded, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/**
 * A piece holding Chinese or Japanese: each Han/Kana run becomes its overlapping character pairs (a run of
 * one character is that character), the rest of the piece is read as words. Bigrams are the usual index
 * unit for these scripts without a dictionary: a claim and a fact-check sharing a phrase share its pairs.
 */
function pushMixed(
  out: MatchToken[],
  piece: string,
  start: number,
  kind: MatchToken['kind'],
  keepStopwords: boolean,
): void {
  let at = 0;
  for (const run of piece.matchAll(CJK_RUN_RE)) {
    if (run.index > at) pushRest(out, piece.slice(at, run.index), start + at, kind, keepStopwords);
    const chars = [...run[0]];
    let offset = start + run.index;
    if (chars.length === 1) {
      out.push({ term: chars[0]!, word: chars[0]!, start: offset, end: offset + chars[0]!.length, kind });
    } else {
      for (let c = 0; c + 1 < chars.length; c++) {
        const pair = chars[c]! + chars[c + 1]!;
        out.push({ term: pair, word: pair, start: offset, end: offset + pair.length, kind });
        offset += chars[c]!.length;
      }
    }
    at = run.index + run[0].length;
  }
  if (at < piece.length) pushRest(out, piece.slice(at), start + at, kind, keepStopwords);
}

/** The letters and digits of a piece's non-CJK remainder, as words. */
function pushRest(
  out: MatchToken[],
  rest: string,
  start: number,
  kind: MatchToken['kind'],
  keepStopwords: boolean,
): void {
  for (const m of rest.matchAll(/[\p{L}\p{M}]+|\p{N}+/gu))
    push(out, m[0], start + m.index, kind === 'word' && /^\p{N}/u.test(m[0]) ? 'number' : kind, keepStopwords);
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
  // Lower-cased and case-folded as Unicode folds case: the final sigma is σ, ß is ss ("STRASSE" = "Straße").
  let word = raw.toLowerCase().replace(/’/gu, "'");
  if (FOLD_RE.test(word)) word = word.replace(/ς/gu, 'σ').replace(/ß/gu, 'ss');
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
