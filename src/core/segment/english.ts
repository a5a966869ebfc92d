import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Span } from '../text/span.js';
import { normalForm, tokenKind } from './token-kind.js';
import type { Sentence, Token } from './types.js';

/** One wink-nlp instance per process: loading the model takes ~100 ms, reading a text is cheap. */
let nlp: ReturnType<typeof winkNLP> | undefined;
function instance(): ReturnType<typeof winkNLP> {
  nlp ??= winkNLP(model, ['sbd', 'negation', 'pos']);
  return nlp;
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
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const negation = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  const types = doc.tokens().out(its.type) as string[];
  const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];

  const localToGlobal: number[] = new Array<number>(values.length).fill(-1);
  const localToGlobalLast: number[] = new Array<number>(values.length).fill(-1);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    cursor += (spaces[i] ?? '').length;
    if (types[i] === 'tabCRLF' || value.trim() === '') continue;
    let at = piece.startsWith(value, cursor) ? cursor : piece.indexOf(value, cursor);
    const found = at >= 0;
    if (!found) at = cursor; // wink changed the surface; keep a best-effort anchor
    const end = Math.min(piece.length, at + value.length);
    cursor = end;
    localToGlobal[i] = tokens.length;
    // Where wink's value was found, it is the surface (and already a string the memos have seen).
    const surface = found ? value : piece.slice(at, end);
    const base = possessiveBase(surface);
    if (base !== null) {
      // wink splits "Trump's" into "Trump" + "'s" unless it has met "Trump's" as a whole word before in
      // this process (its lexicon cache learns unknown words), so the same text would be tokenised
      // differently depending on what was read earlier. Split it here too: the same tokens every time.
      tokens.push({ start: block.start + at, end: block.start + at + base.length, text: base, normal: normalForm(base), lemma: normalForm(base), pos: pos[i] ?? 'X', kind: tokenKind(base), negated: negation[i] === true, sentence: -1 });
      const clitic = surface.slice(base.length);
      tokens.push({ start: block.start + at + base.length, end: block.start + end, text: clitic, normal: "'s", lemma: "'s", pos: 'PART', kind: tokenKind(clitic), negated: negation[i] === true, sentence: -1 });
      localToGlobalLast[i] = tokens.length - 1;
      continue;
    }
    tokens.push({
      start: block.start + at,
      end: block.start + end,
      text: surface,
      normal: normalForm(surface),
      lemma: normalForm(lemmas[i] ?? surface),
      pos: pos[i] ?? 'X',
      kind: tokenKind(surface),
      negated: negation[i] === true,
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

/** "Trump's" → "Trump": a word of two or more letters followed by a possessive 's (straight or curly); else null. */
function possessiveBase(surface: string): string | null {
  if (surface.length < 4) return null;
  const s = surface.charCodeAt(surface.length - 1);
  const q = surface.charCodeAt(surface.length - 2);
  if ((s !== 115 && s !== 83) || (q !== 39 && q !== 0x2019)) return null;
  const base = surface.slice(0, -2);
  return /^\p{L}[\p{L}\p{M}.-]*$/u.test(base) ? base : null;
}
