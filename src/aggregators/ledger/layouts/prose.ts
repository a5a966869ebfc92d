/**
 * Layout family 5: prose rebuttals — "Critics claim that the dam will flood the valley. However, the
 * survey shows ..." — in a document whose title announces myths or false claims. The claim is the clause
 * after the claim verb, the attribution the holder before it (a claim-attribution finding), the rebuttal
 * the text from the contrast marker to the end of its paragraph. At least two such pairs are required.
 */
import type { Finding } from '../../../core/finding/types.js';
import { blockAt, trim, type Inputs, type RawItem } from '../inputs.js';
import { hasRebuttalCue } from './cues.js';
import type { LayoutResult } from './labelled-fields.js';

const CLAIM_CLAUSE =
  /\s+(?:(?:often|now|still|repeatedly|falsely|routinely)\s+)?(?:claims?|alleges?|insists?|argues?|maintains?|asserts?|(?:are|is) (?:saying|claiming)|утвержда(?:ют|ет)|стверджу(?:ють|є)|behaupte(?:n|t)|prétend(?:ent)?|affirment|afirma(?:n)?|aseguran?),?\s+(?:that|что|що|dass|que)\s+/iuy;
const CONTRAST =
  /(?:^\s*|[.!?]\s+)(However|But|In fact|In reality|Actually|The truth is|The facts|Yet|Однако|На самом деле|В действительности|Проте|Насправді|Але|Tatsächlich|In Wirklichkeit|Doch|Aber|En réalité|Pourtant|Or|Cependant|En realidad|Sin embargo|Pero|事实上|实际上|但是)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/uy;
/** A sentence end: a full stop, question or exclamation mark followed by white space or the block's end. */
const SENTENCE_END = /[.!?](?:\s|$)/u;

export function prose(inp: Inputs): LayoutResult {
  const { text, blocks } = inp;
  if (!hasRebuttalCue(text, blocks)) return { items: [], reason: 'no rebuttal cue' };
  const items: RawItem[] = [];
  // Every search below is anchored or remembered: searching the rest of the block for each attribution (the
  // claim verb, the sentence end, the contrast) was quadratic in a long paragraph of "X claim that ...".
  const sentenceEnds = new SentenceEnds(text);
  for (const a of inp.attributions) {
    if (a.data.pattern !== 'claim-verb') continue;
    const b = blocks[blockAt(blocks, a.span.start)];
    if (!b) continue;
    // The claim verb right after the holder (a sticky pattern: only a match at the start counts).
    CLAIM_CLAUSE.lastIndex = 0;
    const verb = CLAIM_CLAUSE.exec(text.slice(a.span.end, b.end));
    if (!verb) continue;
    const claimStart = a.span.end + verb[0].length;
    const sentenceEnd = sentenceEnds.next(claimStart, b.end);
    const claimEnd = sentenceEnd >= 0 ? sentenceEnd + 1 : b.end;
    const rest = text.slice(claimEnd, b.end);
    // The contrast must come right after the claim (same or next sentence), not somewhere later: the first
    // match at offset 0, 1 or 2 of the rest is the leftmost one when the leftmost lies there.
    let c: RegExpExecArray | null = null;
    for (let at = 0; at <= 2 && at <= rest.length && !c; at++) {
      CONTRAST.lastIndex = at;
      c = CONTRAST.exec(rest);
    }
    if (!c) continue;
    const rebuttal = trim(text, {
      start: claimEnd + c.index + (c[0].length - (c[1] as string).length),
      end: b.end,
    });
    items.push(item(text, a, { start: claimStart, end: claimEnd }, rebuttal, b.start));
  }
  if (items.length < 2) return { items: [], reason: `${items.length} prose claim/contrast pairs` };
  return { items, reason: `${items.length} prose claim/contrast pairs` };
}

function item(
  text: string,
  a: Finding,
  claim: { start: number; end: number },
  rebuttal: { start: number; end: number },
  start: number,
): RawItem {
  return {
    format: 'prose',
    index: null,
    claim: trim(text, claim),
    motive: null,
    rebuttal,
    verdictField: null,
    attributionField: { start: a.span.start, end: a.span.end },
    claimLabel: null,
    span: { start, end: rebuttal.end },
    findingIds: [a.id],
    glued: false,
  };
}

/**
 * The first sentence end at or after a position, within a block: a search remembers where it started and
 * what it found, and a later question from inside that stretch (attributions come in text order) gets the
 * same answer without reading it again. What counts as a sentence end does not depend on where the search
 * starts, only on the block's end (which `$` stands for).
 */
class SentenceEnds {
  private from = -1;
  private blockEnd = -1;
  /** Position of the mark found, or -1: none before the block's end. */
  private found = -1;

  constructor(private readonly text: string) {}

  next(from: number, blockEnd: number): number {
    if (blockEnd === this.blockEnd && from >= this.from && (this.found < 0 || from <= this.found)) return this.found;
    const m = SENTENCE_END.exec(this.text.slice(from, blockEnd));
    this.from = from;
    this.blockEnd = blockEnd;
    this.found = m ? from + m.index : -1;
    return this.found;
  }
}
