import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from '../text/span.js';
import { normalForm, tokenKind } from './token-kind.js';
import type { Sentence, Token, TokenKind } from './types.js';

/** One wink-nlp instance per process: loading the model takes ~100 ms, reading a text is cheap. */
let nlp: ReturnType<typeof winkNLP> | undefined;
function instance(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['sbd', 'negation', 'pos']);
  return nlp;
}

/**
 * What a token's surface gives, for a wink lexeme. Wink numbers each distinct token value once per process
 * (`its.uniqueId`) and never renumbers it, so everything that depends only on the value is worked out the
 * first time the lexeme is met and read back after that, instead of being asked of wink and recomputed for
 * every token.
 */
interface Lexeme {
  readonly value: string;
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
  lemma: string;
}

function lexemeOf(value: string): Lexeme {
  const base = possessiveBase(value);
  return {
    value,
    normal: normalForm(value),
    kind: tokenKind(value),
    base,
    baseNormal: base === null ? '' : normalForm(base),
    baseKind: base === null ? 'other' : tokenKind(base),
    cliticKind: base === null ? 'other' : tokenKind(value.slice(base.length)),
    lemmaPos: -1,
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

function lexemeFor(all: WinkTokens, i: number, id: number): Lexeme {
  const known = id < lexemes.length ? lexemes[id] : undefined;
  if (known !== undefined) return known;
  if (stored >= MAX_LEXEMES) {
    lexemes = [];
    stored = 0;
    otherLemmas = new Map();
  }
  // Grown with `undefined` rather than by assigning past the end: V8 keeps a packed array fast.
  while (lexemes.length <= id) lexemes.push(undefined);
  const lexeme = lexemeOf(all.itemAt(i).out(instance().its.value));
  lexemes[id] = lexeme;
  stored++;
  return lexeme;
}

const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'];
const UPOS_INDEX = new Map(UPOS.map((tag, i) => [tag, i]));

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
  const w = instance();
  const its = w.its;
  const piece = text.slice(block.start, block.end);
  const doc = w.readDoc(piece);
  const all = doc.tokens();
  // Each `out` is one pass over the block's tokens: only what the tokens need is asked for. A token's type
  // is not: the one type skipped (tabCRLF) is a run of tabs and line breaks, caught by the blank test.
  const read: BlockRead = {
    piece,
    offset: block.start,
    all,
    ids: all.out(its.uniqueId) as unknown as number[],
    pos: all.out(its.pos) as string[],
    negation: all.out(its.negationFlag) as unknown as boolean[],
    contraction: all.out(its.contractionFlag) as unknown as boolean[],
  };
  const n = read.ids.length;
  const localToGlobal = new Array<number>(n).fill(-1);
  const localToGlobalLast = new Array<number>(n).fill(-1);
  const first = tokens.length;
  if (!placeTokens(read, null, tokens, localToGlobal, localToGlobalLast)) {
    // Something other than plain spacing lies between wink's tokens: walk again with the spaces wink saw.
    tokens.length = first;
    localToGlobal.fill(-1);
    localToGlobalLast.fill(-1);
    placeTokens(read, all.out(its.precedingSpaces) as string[], tokens, localToGlobal, localToGlobalLast);
  }
  const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];
  for (const [from, to] of sentenceSpans) {
    let first = -1;
    let last = -1;
    for (let i = from; i <= to; i++) {
      const g = localToGlobal[i] ?? -1;
      if (g < 0) continue;
      if (first < 0) first = g;
      last = localToGlobalLast[i] ?? g;
    }
    if (first < 0) continue;
    const index = sentences.length;
    for (let g = first; g <= last; g++) (tokens[g] as { sentence: number }).sentence = index;
    sentences.push({
      index,
      block: blockIndex,
      start: (tokens[first] as Token).start,
      end: (tokens[last] as Token).end,
      firstToken: first,
      endToken: last + 1,
    });
  }
}

type WinkTokens = ReturnType<ReturnType<ReturnType<typeof winkNLP>['readDoc']>['tokens']>;

/** What wink read of one block. */
interface BlockRead {
  readonly piece: string;
  /** Offset of the piece in the text. */
  readonly offset: number;
  readonly all: WinkTokens;
  readonly ids: readonly number[];
  readonly pos: readonly string[];
  readonly negation: readonly boolean[];
  readonly contraction: readonly boolean[];
}

/**
 * Finds each wink token in the piece and pushes our tokens for it, recording which of ours each wink token
 * became. With `spaces` (the spaces wink saw before each token) this is the reference walk: move past the
 * spaces, take the value where it starts there, else at its next occurrence, else (wink changed the surface)
 * right there. Without, it takes the fast walk wink's tokenizer allows in the usual case, where every value
 * is its surface and only wink's separators (spaces, tabs, line breaks) lie between tokens: skip separators,
 * and the value starts there. Both walks then place every token at the same offset (the reference walk's
 * spaces are separators before that offset, and the value does not start with one). The fast walk returns
 * false, having pushed some tokens, at the first token it cannot place that way.
 */
function placeTokens(
  read: BlockRead,
  spaces: readonly string[] | null,
  tokens: Token[],
  localToGlobal: number[],
  localToGlobalLast: number[],
): boolean {
  const { piece, offset, all, ids, pos, negation, contraction } = read;
  const n = ids.length;
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    const lexeme = lexemeFor(all, i, ids[i] as number);
    const value = lexeme.value;
    let at: number;
    let found = true;
    if (spaces === null) {
      if (value.trim() === '') {
        if (!isSeparatorRun(value)) return false;
        continue;
      }
      while (cursor < piece.length && isSeparator(piece.charCodeAt(cursor))) cursor++;
      if (!piece.startsWith(value, cursor)) return false;
      at = cursor;
    } else {
      cursor += (spaces[i] as string).length;
      if (value.trim() === '') continue;
      at = piece.startsWith(value, cursor) ? cursor : piece.indexOf(value, cursor);
      found = at >= 0;
      if (!found) at = cursor; // wink changed the surface; keep a best-effort anchor
    }
    const end = Math.min(piece.length, at + value.length);
    cursor = end;
    localToGlobal[i] = tokens.length;
    const tag = pos[i] as string;
    const negated = negation[i] === true;
    // Where wink's value was found, it is the surface, and the lexeme has its derived forms.
    const surface = found ? lexeme : lexemeOf(piece.slice(at, end));
    const base = surface.base;
    if (base !== null) {
      // wink splits "Trump's" into "Trump" + "'s" unless it has met "Trump's" as a whole word before in
      // this process (its lexicon cache learns unknown words), so the same text would be tokenised
      // differently depending on what was read earlier. Split it here too: the same tokens every time.
      tokens.push({ start: offset + at, end: offset + at + base.length, text: base, normal: surface.baseNormal, lemma: surface.baseNormal, pos: tag, kind: surface.baseKind, negated, sentence: -1 });
      const clitic = surface.value.slice(base.length);
      tokens.push({ start: offset + at + base.length, end: offset + end, text: clitic, normal: "'s", lemma: "'s", pos: 'PART', kind: surface.cliticKind, negated, sentence: -1 });
      localToGlobalLast[i] = tokens.length - 1;
      continue;
    }
    tokens.push({
      start: offset + at,
      end: offset + end,
      text: surface.value,
      normal: surface.normal,
      lemma: found && contraction[i] !== true ? lemmaOf(all, i, ids[i] as number, lexeme, tag) : winkLemma(all, i, surface.value),
      pos: tag,
      kind: surface.kind,
      negated,
      sentence: -1,
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
function lemmaOf(all: WinkTokens, i: number, id: number, lexeme: Lexeme, tag: string): string {
  const posIndex = UPOS_INDEX.get(tag);
  if (posIndex === undefined) return winkLemma(all, i, lexeme.value);
  if (lexeme.lemmaPos === posIndex) return lexeme.lemma;
  if (lexeme.lemmaPos < 0) {
    lexeme.lemma = winkLemma(all, i, lexeme.value);
    lexeme.lemmaPos = posIndex;
    return lexeme.lemma;
  }
  const key = id * UPOS.length + posIndex;
  let lemma = otherLemmas.get(key);
  if (lemma === undefined) {
    lemma = winkLemma(all, i, lexeme.value);
    otherLemmas.set(key, lemma);
  }
  return lemma;
}

/** Wink's lemma of token i in normal form; the surface's where wink has none. */
function winkLemma(all: WinkTokens, i: number, surface: string): string {
  const its = instance().its;
  // Wink's types say a string, but it gives undefined for some tokens.
  const lemma = all.itemAt(i).out(its.lemma as unknown as typeof its.value) as string | undefined;
  return normalForm(lemma ?? surface);
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
