/**
 * Layout family 3: numbered items without label words, in a document whose title announces myths or fakes:
 * "#3 Vaccines cause autism. Large studies found no link ..." (the first sentence is the claim, the rest
 * the rebuttal), or "3. Vaccines cause autism" as a line of its own followed by rebuttal paragraphs.
 */
import type { Block } from '../../../core/segment/types.js';
import { trim, type Inputs, type RawItem } from '../inputs.js';
import { hasRebuttalCue, LIST_CUE } from './cues.js';
import type { LayoutResult } from './labelled-fields.js';

const FIRST_SENTENCE = /^[\s\S]*?[.!?。！？…](?=\s+[\p{Lu}\p{Lo}"“«\d])/u;

export function inlineNumbered(inp: Inputs): LayoutResult {
  const { text, blocks } = inp;
  if (!hasRebuttalCue(text, blocks, LIST_CUE))
    return { items: [], reason: 'no rebuttal cue in the title or headings' };
  const numbered = blocks.filter(
    (b) => (b.kind === 'listItem' || b.kind === 'heading') && b.number !== undefined,
  );
  if (numbered.length < 2) return { items: [], reason: 'fewer than two numbered items' };
  const items: RawItem[] = [];
  numbered.forEach((b, i) => {
    const next = numbered[i + 1];
    let end = next ? next.start : text.length;
    // Rebuttal paragraphs run to the next numbered item, a heading, or closing boilerplate.
    for (let j = b.index + 1; j < blocks.length; j++) {
      const x = blocks[j] as Block;
      if (x.start >= end) break;
      if (x.kind === 'heading' || x.kind === 'listItem') {
        end = x.start;
        break;
      }
    }
    const content = text.slice(b.content.start, b.content.end);
    const m = FIRST_SENTENCE.exec(content);
    const claimEnd = m ? b.content.start + m[0].length : b.content.end;
    const claim = trim(text, { start: b.content.start, end: claimEnd });
    const rebuttal = trim(text, { start: claimEnd, end });
    items.push({
      format: 'numbered-inline',
      index: String(b.number),
      claim,
      motive: null,
      rebuttal: rebuttal.end > rebuttal.start ? rebuttal : null,
      verdictField: null,
      attributionField: null,
      claimLabel: null,
      span: trim(text, { start: b.start, end: Math.max(end, claim.end) }),
      findingIds: [],
      glued: false,
    });
  });
  // The last item's rebuttal must not swallow the article's closing: as long as the longest other one.
  limitLast(blocks, items);
  const complete = items.filter((it) => it.rebuttal !== null);
  if (complete.length < 2 || complete.length * 2 < items.length)
    return { items: [], reason: 'numbered items without rebuttal text' };
  return { items, reason: `${items.length} numbered items under a rebuttal title` };
}

function limitLast(blocks: readonly Block[], items: RawItem[]): void {
  if (items.length < 2) return;
  const count = (it: RawItem): number =>
    it.rebuttal
      ? blocks.filter((b) => b.start < (it.rebuttal?.end ?? 0) && b.end > (it.rebuttal?.start ?? 0)).length
      : 0;
  const k = Math.max(...items.slice(0, -1).map(count));
  const last = items[items.length - 1] as RawItem;
  if (!last.rebuttal || k === 0) return;
  const within = blocks.filter(
    (b) => b.end > (last.rebuttal?.start ?? 0) && b.start < (last.rebuttal?.end ?? 0),
  );
  const limit = within[k - 1];
  if (limit && limit.end < last.rebuttal.end) {
    const rebuttal = { start: last.rebuttal.start, end: limit.end };
    items[items.length - 1] = { ...last, rebuttal, span: { start: last.span.start, end: limit.end } };
  }
}
