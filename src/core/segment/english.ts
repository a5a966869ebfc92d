import type { Span } from '../text/span.js';
import { normalForm, tokenKind } from './token-kind.js';
import { pushSentences } from './sentence-cap.js';
import type { Sentence, Token, TokenKind } from './types.js';
import { CONTRACTION_ABOVE, NEGATION_FLAG, POS_MASK, POS_SHIFT, TOKEN_SIZE, createWinkReader, type WinkDocData, type WinkReader } from './wink-reader.js';

/** One wink reader per process: loading the model takes ~100 ms, reading a text is cheap. */
let winkReader: WinkReader | undefined;
function reader(): WinkReader {
  winkReader ??= createWinkReader();
  return winkReader;
}

/**
 * What a token's surface gives, for a wink lexeme. Wink numbers each distinct token value once per process
 * (`its.uniqueId`) and never renumbers it, so everything that depends only on the value is worked out the
 * first time the lexeme is met and read back after that, instead of being asked of wink and recomputed for
 * every token.
 */
interface Lexeme {
  readonly value: string;
  /** The value is blank (`value.trim() === ''`): no token of ours. */
  readonly blank: boolean;
  /** The value is a non-empty run of wink's separators (a tabCRLF token): the fast walk steps over it. */
  readonly separatorRun: boolean;
  readonly normal: string;
  readonly kind: TokenKind;
  /** The word of "Trump's" without its 's (see `possessiveBase`), or null. */
  readonly base: string | null;
  readonly baseNormal: string;
  readonly baseKind: TokenKind;
  readonly cliticKind: TokenKind;
  /**
   * The lemma in normal form for the POS `lemmaPos` (index in UPOS: the first POS the lexeme is met with,
   * -1 until then; lemmas for other POS are in `otherLemmas`). Outside contractions, wink's lemma depends only on the lexeme and its POS: the lexicon entry's
   * own lemma, or the lemmatiser run on its normal form and POS, which consults only the model's built-in
   * lexicon (never the words it learns). Contraction parts carry their lemma in the token itself ("ca" of
   * "can't" is "can"), so they are always asked of wink.
   */
  lemmaPos: number;
  /**
   * The tag of `lemmaPos` as wink gives it (null until then): wink hands out the same string for a tag every
   * time, so the usual case, a lexeme met with its first POS again, is told by comparing the tag strings
   * instead of a Map look-up of the tag's index per token.
   */
  lemmaTag: string | null;
  lemma: string;
}

function lexemeOf(value: string): Lexeme {
  const base = possessiveBase(value);
  return {
    value,
    blank: value.trim() === '',
    separatorRun: isSeparatorRun(value),
    normal: normalForm(value),
    kind: tokenKind(value),
    base,
    baseNormal: base === null ? '' : normalForm(base),
    baseKind: base === null ? 'other' : tokenKind(base),
    cliticKind: base === null ? 'other' : tokenKind(value.slice(base.length)),
    lemmaPos: -1,
    lemmaTag: null,
    lemma: '',
  };
}

/**
 * Lexemes by wink id, in an array: ids are small and dense (the built-in lexicon, then the words wink learns),
 * and an array read costs a fraction of a Map look-up. Emptied when it holds MAX_LEXEMES (~27,000 distinct
 * lexemes in 882 news articles), so the lexemes kept stay bounded; the array itself is as long as wink's
 * largest id, one slot per word wink keeps in its own lexicon.
 */
const MAX_LEXEMES = 200_000;
let lexemes: (Lexeme | undefined)[] = [];
let stored = 0;
/** Lemmas of lexemes met with a second POS, by lexeme id and POS; emptied with `lexemes`. */
let otherLemmas = new Map<number, string>();

function lexemeFor(id: number): Lexeme {
  const known = id < lexemes.length ? lexemes[id] : undefined;
  if (known !== undefined) return known;
  if (stored >= MAX_LEXEMES) {
    lexemes = [];
    stored = 0;
    otherLemmas = new Map();
  }
  // Grown with `undefined` rather than by assigning past the end: V8 keeps a packed array fast.
  while (lexemes.length <= id) lexemes.push(undefined);
  const lexeme = lexemeOf(reader().value(id));
  lexemes[id] = lexeme;
  stored++;
  return lexeme;
}

const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'];
const UPOS_INDEX = new Map(UPOS.map((tag, i) => [tag, i]));

/** Longest run of non-space characters given to wink whole; longer runs are cut every RUN_PIECE. */
const LONG_RUN = 1000;
const RUN_PIECE = 200;

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** What `\s` matches (a regular expression over a multi-megabyte run overflowed V8's stack). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The block as wink reads it: a run of more than LONG_RUN characters without a space (a base64 blob, a
 * minified script, a hash pasted as text) gets a space every RUN_PIECE characters. Wink's abbreviation test
 * is a regular expression whose cost grows with the square of a token's length: a 200,000-character
 * "word" took 54 s, a 10 MB one would take days. One character replaced by one space keeps every offset;
 * no word or address of a real text is that long, so their tokens are unchanged.
 */
export function breakLongRuns(piece: string): string {
  if (piece.length <= LONG_RUN) return piece;
  let units: string[] | null = null;
  let runStart = 0;
  for (let i = 0; i <= piece.length; i++) {
    if (i < piece.length && !isSpace(piece.charCodeAt(i))) continue;
    if (i - runStart > LONG_RUN) {
      units ??= piece.split('');
      for (let j = runStart + RUN_PIECE; j < i; j += RUN_PIECE) {
        // Whole characters only: a pair's second half moves the cut on by one; a pair becomes two spaces.
        if (isLowSurrogate(piece.charCodeAt(j))) j++;
        if (j >= i) break;
        units[j] = ' ';
        if (j + 1 < i && isHighSurrogate(piece.charCodeAt(j)) && isLowSurrogate(piece.charCodeAt(j + 1))) units[++j] = ' ';
      }
    }
    runStart = i + 1;
  }
  return units ? units.join('') : piece;
}

/**
 * Sentences and tokens of one block with wink-nlp. Wink gives token values; offsets are recovered by walking
 * the text, which keeps them exact whatever wink normalises.
 */
export function segmentEnglishBlock(
  text: string,
  block: Span,
  blockIndex: number,
  sentences: Sentence[],
  tokens: Token[],
): void {
  const piece = breakLongRuns(text.slice(block.start, block.end));
  const rdd = reader().read(piece);
  const read: BlockRead = { piece, offset: block.start, rdd };
  const n = rdd.numOfTokens;
  const { localToGlobal, localToGlobalLast } = tokenMaps(n);
  const first = tokens.length;
  if (!placeTokens(read, false, tokens, localToGlobal, localToGlobalLast)) {
    // Something other than plain spacing lies between wink's tokens: walk again with the spaces wink saw.
    tokens.length = first;
    localToGlobal.fill(-1, 0, n);
    localToGlobalLast.fill(-1, 0, n);
    placeTokens(read, true, tokens, localToGlobal, localToGlobalLast);
  }
  for (const span of rdd.sentences) {
    const from = span[0] as number;
    const to = span[1] as number;
    let first = -1;
    let last = -1;
    for (let i = from; i <= to && i < n; i++) {
      const g = localToGlobal[i] as number;
      if (g < 0) continue;
      if (first < 0) first = g;
      last = localToGlobalLast[i] as number;
    }
    if (first < 0) continue;
    pushSentences(tokens, first, last + 1, blockIndex, sentences);
  }
}

/**
 * Which of our tokens each wink token of a block became (first and last; -1: none), in arrays kept for the
 * process and reused block after block instead of two new arrays per block.
 */
let toGlobal = new Int32Array(1024);
let toGlobalLast = new Int32Array(1024);
function tokenMaps(n: number): { localToGlobal: Int32Array; localToGlobalLast: Int32Array } {
  if (toGlobal.length < n) {
    toGlobal = new Int32Array(Math.max(n, 2 * toGlobal.length));
    toGlobalLast = new Int32Array(toGlobal.length);
  }
  toGlobal.fill(-1, 0, n);
  toGlobalLast.fill(-1, 0, n);
  return { localToGlobal: toGlobal, localToGlobalLast: toGlobalLast };
}

/** What wink read of one block. */
interface BlockRead {
  readonly piece: string;
  /** Offset of the piece in the text. */
  readonly offset: number;
  readonly rdd: WinkDocData;
}

/**
 * Finds each wink token in the piece and pushes our tokens for it, recording which of ours each wink token
 * became. With `withSpaces` (reading the spaces wink saw before each token) this is the reference walk: move
 * past the spaces, take the value where it starts there, else at its next occurrence, else (wink changed the
 * surface) right there. Without, it takes the fast walk wink's tokenizer allows in the usual case, where every value
 * is its surface and only wink's separators (spaces, tabs, line breaks) lie between tokens: skip separators,
 * and the value starts there. Both walks then place every token at the same offset (the reference walk's
 * spaces are separators before that offset, and the value does not start with one). The fast walk returns
 * false, having pushed some tokens, at the first token it cannot place that way.
 */
function placeTokens(
  read: BlockRead,
  withSpaces: boolean,
  tokens: Token[],
  localToGlobal: Int32Array,
  localToGlobalLast: Int32Array,
): boolean {
  const { piece, offset, rdd } = read;
  const wink = reader();
  const data = rdd.tokens;
  const n = rdd.numOfTokens;
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    const k = i * TOKEN_SIZE;
    const id = data[k] as number;
    const lexeme = lexemeFor(id);
    const value = lexeme.value;
    let at: number;
    let found = true;
    if (!withSpaces) {
      if (lexeme.blank) {
        if (!lexeme.separatorRun) return false;
        continue;
      }
      while (cursor < piece.length && isSeparator(piece.charCodeAt(cursor))) cursor++;
      if (!piece.startsWith(value, cursor)) return false;
      at = cursor;
    } else {
      cursor += wink.precedingSpaces(rdd, i).length;
      if (lexeme.blank) continue;
      at = piece.startsWith(value, cursor) ? cursor : piece.indexOf(value, cursor);
      found = at >= 0;
      if (!found) at = cursor; // wink changed the surface; keep a best-effort anchor
    }
    const end = Math.min(piece.length, at + value.length);
    cursor = end;
    localToGlobal[i] = tokens.length;
    const tag = wink.posTag(((data[k + 2] as number) & POS_MASK) >>> POS_SHIFT);
    const negated = (data[k + 3] as number) >= NEGATION_FLAG;
    // Where wink's value was found, it is the surface, and the lexeme has its derived forms.
    const surface = found ? lexeme : lexemeOf(piece.slice(at, end));
    const base = surface.base;
    if (base !== null) {
      // wink splits "Trump's" into "Trump" + "'s" unless it has met "Trump's" as a whole word before in
      // this process (its lexicon cache learns unknown words), so the same text would be tokenised
      // differently depending on what was read earlier. Split it here too: the same tokens every time.
      tokens.push({ start: offset + at, end: offset + at + base.length, text: base, normal: surface.baseNormal, lemma: surface.baseNormal, pos: tag, kind: surface.baseKind, negated, sentence: -1, normalKey: found ? 2 * id + 1 : -1 });
      const clitic = surface.value.slice(base.length);
      tokens.push({ start: offset + at + base.length, end: offset + end, text: clitic, normal: "'s", lemma: "'s", pos: 'PART', kind: surface.cliticKind, negated, sentence: -1, normalKey: -1 });
      localToGlobalLast[i] = tokens.length - 1;
      continue;
    }
    const contraction = (data[k + 1] as number) > CONTRACTION_ABOVE;
    tokens.push({
      start: offset + at,
      end: offset + end,
      text: surface.value,
      normal: surface.normal,
      lemma: found && !contraction ? lemmaOf(rdd, i, id, lexeme, tag) : winkLemma(rdd, i, surface.value),
      pos: tag,
      kind: surface.kind,
      negated,
      sentence: -1,
      // The normal form of a found token is its lexeme's (a function of wink's value, which the id names).
      normalKey: found ? 2 * id : -1,
    });
    localToGlobalLast[i] = tokens.length - 1;
  }
  return true;
}

/**
 * What wink's tokenizer splits a text at (its splitter pattern): spaces, the no-break and fixed-width spaces
 * it lists, tabs and line breaks. No token value contains one.
 */
function isSeparator(c: number): boolean {
  return (
    c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0 ||
    (c >= 0x2002 && c <= 0x2005) || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f
  );
}

/** A blank value made only of separators (a tabCRLF token): the fast walk steps over it like any spacing. */
function isSeparatorRun(value: string): boolean {
  if (value.length === 0) return false;
  for (let k = 0; k < value.length; k++) if (!isSeparator(value.charCodeAt(k))) return false;
  return true;
}

/** The token's lemma in normal form, from its lexeme, or from wink the first time the lexeme has this POS. */
function lemmaOf(rdd: WinkDocData, i: number, id: number, lexeme: Lexeme, tag: string): string {
  if (lexeme.lemmaTag === tag) return lexeme.lemma;
  const posIndex = UPOS_INDEX.get(tag);
  if (posIndex === undefined) return winkLemma(rdd, i, lexeme.value);
  if (lexeme.lemmaPos === posIndex) return lexeme.lemma;
  if (lexeme.lemmaPos < 0) {
    lexeme.lemma = winkLemma(rdd, i, lexeme.value);
    lexeme.lemmaPos = posIndex;
    lexeme.lemmaTag = tag;
    return lexeme.lemma;
  }
  const key = id * UPOS.length + posIndex;
  let lemma = otherLemmas.get(key);
  if (lemma === undefined) {
    lemma = winkLemma(rdd, i, lexeme.value);
    otherLemmas.set(key, lemma);
  }
  return lemma;
}

/** Wink's lemma of token i in normal form; the surface's where wink has none. */
function winkLemma(rdd: WinkDocData, i: number, surface: string): string {
  return normalForm(reader().lemma(rdd, i) ?? surface);
}

/** "Trump's" → "Trump": a word of two or more letters followed by a possessive 's (straight or curly); else null. */
function possessiveBase(surface: string): string | null {
  if (surface.length < 4) return null;
  const s = surface.charCodeAt(surface.length - 1);
  const q = surface.charCodeAt(surface.length - 2);
  if ((s !== 115 && s !== 83) || (q !== 39 && q !== 0x2019)) return null;
  const base = surface.slice(0, -2);
  return /^\p{L}[\p{L}\p{M}.-]*$/u.test(base) ? base : null;
}
