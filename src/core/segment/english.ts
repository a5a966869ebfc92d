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
}

/** Both memos are emptied when they reach this size, so memory stays bounded on any corpus. */
const MAX_MEMO = 200_000;
const lexemes = new Map<number, Lexeme>();

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
  };
}

/**
 * Lemmas by lexeme and part of speech. Outside contractions, wink's lemma depends only on those two: the
 * lexicon entry's own lemma, or the lemmatiser run on its normal form and POS, which consults only the
 * model's built-in lexicon (never the words it learns). Contraction parts carry their lemma in the token
 * itself ("ca" of "can't" is "can"), so they are always asked of wink.
 */
const lemmas = new Map<number, string>();
const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'];
const UPOS_INDEX = new Map(UPOS.map((tag, i) => [tag, i]));
const UPOS_BITS = 5;

function remember<V>(memo: Map<number, V>, key: number, value: V): V {
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(key, value);
  return value;
}

/**
 * Sentences and tokens of one block with wink-nlp. Wink gives token values and the spaces before them;
 * offsets are recovered by walking the text, which keeps them exact whatever wink normalises.
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
  // is not: the one type skipped below (tabCRLF) is a run of tabs and line breaks, caught by the blank test.
  const ids = all.out(its.uniqueId) as unknown as number[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const pos = all.out(its.pos) as string[];
  const negation = all.out(its.negationFlag) as unknown as boolean[];
  const contraction = all.out(its.contractionFlag) as unknown as boolean[];
  const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];

  const n = ids.length;
  const localToGlobal = new Int32Array(n).fill(-1);
  const localToGlobalLast = new Int32Array(n).fill(-1);
  let cursor = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i] as number;
    let lexeme = lexemes.get(id);
    if (lexeme === undefined) lexeme = remember(lexemes, id, lexemeOf(all.itemAt(i).out(its.value)));
    const value = lexeme.value;
    cursor += (spaces[i] as string).length;
    if (value.trim() === '') continue;
    let at = piece.startsWith(value, cursor) ? cursor : piece.indexOf(value, cursor);
    const found = at >= 0;
    if (!found) at = cursor; // wink changed the surface; keep a best-effort anchor
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
      tokens.push({ start: block.start + at, end: block.start + at + base.length, text: base, normal: surface.baseNormal, lemma: surface.baseNormal, pos: tag, kind: surface.baseKind, negated, sentence: -1 });
      const clitic = surface.value.slice(base.length);
      tokens.push({ start: block.start + at + base.length, end: block.start + end, text: clitic, normal: "'s", lemma: "'s", pos: 'PART', kind: surface.cliticKind, negated, sentence: -1 });
      localToGlobalLast[i] = tokens.length - 1;
      continue;
    }
    tokens.push({
      start: block.start + at,
      end: block.start + end,
      text: surface.value,
      normal: surface.normal,
      lemma: lemmaOf(all, i, found && contraction[i] !== true ? id : -1, tag, surface.value),
      pos: tag,
      kind: surface.kind,
      negated,
      sentence: -1,
    });
    localToGlobalLast[i] = tokens.length - 1;
  }
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

/**
 * The token's lemma in normal form (the surface's where wink has none): from the memo, or from wink the first
 * time. `id` is the lexeme, or -1 where the memo does not apply (a contraction part, or a surface that is not
 * wink's value).
 */
function lemmaOf(all: WinkTokens, i: number, id: number, tag: string, surface: string): string {
  const posIndex = id < 0 ? undefined : UPOS_INDEX.get(tag);
  if (posIndex === undefined) return winkLemma(all, i, surface);
  const key = id * (1 << UPOS_BITS) + posIndex;
  return lemmas.get(key) ?? remember(lemmas, key, winkLemma(all, i, surface));
}

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
