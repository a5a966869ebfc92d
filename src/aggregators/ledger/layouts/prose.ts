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
  /\s+(?:(?:often|now|still|repeatedly|falsely|routinely)\s+)?(?:claims?|alleges?|insists?|argues?|maintains?|asserts?|(?:are|is) (?:saying|claiming)|утвержда(?:ют|ет)|стверджу(?:ють|є)|behaupte(?:n|t)|prétend(?:ent)?|affirment|afirma(?:n)?|aseguran?),?\s+(?:that|что|що|dass|que)\s+/iu;
const CONTRAST =
  /(?:^\s*|[.!?]\s+)(However|But|In fact|In reality|Actually|The truth is|The facts|Yet|Однако|На самом деле|В действительности|Проте|Насправді|Але|Tatsächlich|In Wirklichkeit|Doch|Aber|En réalité|Pourtant|Or|Cependant|En realidad|Sin embargo|Pero|事实上|实际上|但是)(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))/u;

export function prose(inp: Inputs): LayoutResult {
  const { text, blocks } = inp;
  if (!hasRebuttalCue(text, blocks)) return { items: [], reason: 'no rebuttal cue' };
  const items: RawItem[] = [];
  for (const a of inp.attributions) {
    if (a.data.pattern !== 'claim-verb') continue;
    const b = blocks[blockAt(blocks, a.span.start)];
    if (!b) continue;
    const after = text.slice(a.span.end, b.end);
    const verb = CLAIM_CLAUSE.exec(after);
    if (!verb || verb.index !== 0) continue;
    const claimStart = a.span.end + verb[0].length;
    const sentenceEnd = /[.!?](?:\s|$)/u.exec(text.slice(claimStart, b.end));
    const claimEnd = sentenceEnd ? claimStart + sentenceEnd.index + 1 : b.end;
    const rest = text.slice(claimEnd, b.end);
    const c = CONTRAST.exec(rest);
    // The contrast must come right after the claim (same or next sentence), not somewhere later.
    if (!c || c.index > 2) continue;
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
