/**
 * Turns text into the terms the narrative model counts: lower-cased, lightly stemmed words (stop words
 * dropped) and bigrams of adjacent content words, each with its span so that the aggregator can show the
 * words behind a label. Own tokenizer rather than the segmenter's tokens so that training (plain files) and
 * analysis see exactly the same terms.
 */

import { memoise } from '../../core/text/memo.js';

export interface TermOccurrence {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

// Function words and reporting verbs that carry no narrative; written for this model.
const STOP = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between both
but by can cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has
hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in
into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours
ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too under until up very was wasn't
we we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with won't
would wouldn't you you'd you'll you're you've your yours yourself yourselves said says say told also just one two three may might
will can't must yet still even however according per via mr mrs ms s t like get got make made many much new now well way year years
time day days first last since back around already within without across another us dr`.split(/\s+/u),
);

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

const stemOf = memoise(stemWord, 50_000);

/** A light suffix stripper: plural and possessive forms share one term. Deterministic and tiny on purpose. */
export function stem(word: string): string {
  // Only a word ending in "s" can change beyond its apostrophes, and most words do not: they skip the memo.
  return word.charCodeAt(word.length - 1) !== 115 && !word.includes('’') ? word : stemOf(word);
}

function stemWord(word: string): string {
  let w = word.replace(/['’]s$/u, '').replace(/’/gu, "'");
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:sses|xes|ches|shes)$/u.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is|ous)$/u.test(w)) w = w.slice(0, -1);
  return w;
}

/** Unigram and bigram occurrences of `text`, in order; offsets are relative to `text` plus `base`. */
export function termOccurrences(text: string, base = 0): TermOccurrence[] {
  return base === 0 ? [...wholeTextOccurrences(text)] : computeOccurrences(text, base);
}

/** The occurrences of the last whole text asked for (the aggregator reads one document several times). Read-only. */
let last: { text: string; occurrences: readonly TermOccurrence[] } | undefined;

function wholeTextOccurrences(text: string): readonly TermOccurrence[] {
  if (last?.text !== text) last = { text, occurrences: computeOccurrences(text, 0) };
  return last.occurrences;
}

/** A word of a text: lower case, offsets relative to the text. */
export interface TextWord {
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The matches in `text` of the word pattern `[\p{L}\p{N}]+(?:['’]\p{L}+)*` (flags `gu`), found by a scan
 * over code points instead of `matchAll`, which built a match array per word (the narrative stage's largest
 * source of garbage). The same words: a run of letters and numbers, then any number of groups of an
 * apostrophe (' or ’) followed by a run of letters. `terms.test.ts` checks it against the pattern.
 */
function scanWords(text: string): TextWord[] {
  const out: TextWord[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i) as number;
    const size = cp > 0xffff ? 2 : 1;
    if (classOf(cp) === OTHER) {
      i += size;
      continue;
    }
    const start = i;
    i += size;
    // The run of letters and numbers.
    while (i < n) {
      const c = text.codePointAt(i) as number;
      if (classOf(c) === OTHER) break;
      i += c > 0xffff ? 2 : 1;
    }
    // Apostrophe groups: an apostrophe counts only when a letter follows it.
    while (i + 1 < n) {
      const q = text.charCodeAt(i);
      if (q !== 0x27 && q !== 0x2019) break;
      const c = text.codePointAt(i + 1) as number;
      if (classOf(c) !== LETTER) break;
      i += 1 + (c > 0xffff ? 2 : 1);
      while (i < n) {
        const d = text.codePointAt(i) as number;
        if (classOf(d) !== LETTER) break;
        i += d > 0xffff ? 2 : 1;
      }
    }
    out.push({ lower: text.slice(start, i).toLowerCase(), start, end: i });
  }
  return out;
}

const LETTER = 1;
const NUMBER = 2;
const OTHER = 3;
const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;
/** Class of each code unit below 0x10000 as found so far (0: not yet asked). */
const BMP_CLASS = new Uint8Array(0x10000);

/** LETTER (\p{L}), NUMBER (\p{N}) or OTHER for a code point (a lone surrogate is OTHER, as for the regex). */
function classOf(cp: number): number {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) ? LETTER : cp >= 48 && cp <= 57 ? NUMBER : OTHER;
  if (cp < 0x10000) {
    let c = BMP_CLASS[cp] as number;
    if (c === 0) BMP_CLASS[cp] = c = testClass(String.fromCharCode(cp));
    return c;
  }
  return testClass(String.fromCodePoint(cp));
}

function testClass(ch: string): number {
  return IS_LETTER.test(ch) ? LETTER : IS_NUMBER.test(ch) ? NUMBER : OTHER;
}

let lastWords: { text: string; words: readonly TextWord[] } | undefined;

/** The words of `text` (the word pattern of `scanWords`), lower-cased; those of the last text asked for are kept. Read-only. */
export function textWords(text: string): readonly TextWord[] {
  if (lastWords?.text !== text) lastWords = { text, words: scanWords(text) };
  return lastWords.words;
}

const GAP = /[\s-]*/y;
const DIGITS = /^\d+$/u;

function computeOccurrences(text: string, base: number): TermOccurrence[] {
  const out: TermOccurrence[] = [];
  // The term just told: a bigram's second term.
  let lastTerm = '';
  visitTerms(
    text,
    base === 0 ? textWords(text) : scanWords(text),
    (term, start, end) => {
      out.push({ term, start: base + start, end: base + end });
      lastTerm = term;
    },
    (first, start, end) => out.push({ term: `${first} ${lastTerm}`, start: base + start, end: base + end }),
  );
  return out;
}

/**
 * The term occurrences of `words` (the words of `text`), in order, told rather than built: `unigram` for
 * each term, then, right after it, `bigram` when it and the previous term make a bigram (given the
 * previous term and the bigram's span; the second term is the one just told). What `computeOccurrences`
 * lists, for callers that look terms up without the occurrence objects or the bigram strings.
 */
export function visitTerms(
  text: string,
  words: readonly TextWord[],
  unigram: (term: string, start: number, end: number) => void,
  bigram: (first: string, start: number, end: number) => void,
): void {
  // The previous term of a possible bigram (null: none), kept in locals rather than an object per word.
  let prevTerm: string | null = null;
  let prevStart = 0;
  let lastEnd = 0;
  for (const w of words) {
    const raw = w.lower;
    const gapStart = lastEnd;
    lastEnd = w.end;
    if (isStopWord(raw.includes('’') ? raw.replace(/’/gu, "'") : raw) || raw.length < 2 || DIGITS.test(raw)) {
      prevTerm = null;
      continue;
    }
    const term = stem(raw);
    unigram(term, w.start, w.end);
    // A bigram only across plain spacing or a hyphen: not across sentence punctuation.
    if (prevTerm !== null) {
      GAP.lastIndex = gapStart;
      GAP.test(text);
      if (GAP.lastIndex === w.start) bigram(prevTerm, prevStart, w.end);
    }
    prevTerm = term;
    prevStart = w.start;
  }
}

/** A character a word (see `scanWords`) can contain, or half of a surrogate pair (treated as one, to be safe). */
const WORDISH = /[\p{L}\p{N}'’\uD800-\uDFFF]/u;

/** No word can run across offset `i` of `text`. */
export function cleanCut(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || !WORDISH.test(text[i - 1] as string) || !WORDISH.test(text[i] as string);
}

/**
 * `termOccurrences(text.slice(start, end), start)`, read off the whole text's occurrences when no word runs
 * across either end of the slice (then the words inside are the same, and the slice's own first bigram is
 * exactly the one the whole text has there, or none).
 */
export function termOccurrencesIn(text: string, start: number, end: number): TermOccurrence[] {
  if (!cleanCut(text, start) || !cleanCut(text, end)) return computeOccurrences(text.slice(start, end), start);
  const all = wholeTextOccurrences(text);
  // `end` never decreases along the list (a bigram follows its second word), so skip what ends before `start`.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((all[mid] as TermOccurrence).end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: TermOccurrence[] = [];
  for (let i = lo; i < all.length; i++) {
    const o = all[i] as TermOccurrence;
    if (o.end > end) break;
    if (o.start >= start) out.push(o);
  }
  return out;
}

/** Term counts of `text`. */
export function termCounts(text: string): Map<string, number> {
  return countTerms(wholeTextOccurrences(text));
}

/** Term counts of a list of occurrences, in order of first occurrence. */
export function countTerms(occurrences: readonly TermOccurrence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of occurrences) counts.set(o.term, (counts.get(o.term) ?? 0) + 1);
  return counts;
}
