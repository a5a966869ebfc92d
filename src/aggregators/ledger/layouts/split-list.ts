/**
 * Layout family 2: split lists — all claims first, then all rebuttals in the same order:
 * "Myths:\n1. ...\n2. ...\n\nFacts:\n1. ...\n2. ...". A claim label standing alone (a heading) followed by a
 * run of list items, and a rebuttal label standing alone followed by another run; items pair by order.
 * Extra claims without a counterpart are kept as partial items.
 */
import type { Block } from '../../../core/segment/types.js';
import type { Inputs, LabelRec, RawItem } from '../inputs.js';
import { blockAt } from '../inputs.js';
import type { LayoutResult } from './labelled-fields.js';

export function splitList(inp: Inputs): LayoutResult {
  const { blocks, labels } = inp;
  const heads = labels.filter((l) => l.alone && l.position === 'block-start');
  for (const c of heads.filter((l) => l.role === 'claim')) {
    const claims = runAfter(blocks, c);
    if (claims.length < 2) continue;
    const lastClaim = claims[claims.length - 1] as Block;
    const r = heads.find((l) => (l.role === 'rebuttal' || l.role === 'answer') && l.label.start >= lastClaim.end);
    if (!r) continue;
    const rebuttals = runAfter(blocks, r);
    if (rebuttals.length < 2) continue;
    const items: RawItem[] = claims.map((cb, i) => {
      const rb = rebuttals[i];
      return {
        format: `${c.key}-${r.key}-split-list`,
        index: cb.number !== undefined ? String(cb.number) : null,
        claim: cb.content,
        motive: null,
        rebuttal: rb ? rb.content : null,
        verdictField: null,
        attributionField: null,
        claimLabel: c,
        span: { start: cb.start, end: rb ? rb.end : cb.end },
        findingIds: [c.findingId, r.findingId],
        glued: false,
      };
    });
    return { items, reason: `split list of ${claims.length} claims and ${rebuttals.length} rebuttals` };
  }
  return { items: [], reason: 'no split list' };
}

/** The run of list items right after a standalone label. */
function runAfter(blocks: readonly Block[], l: LabelRec): Block[] {
  const out: Block[] = [];
  for (let i = blockAt(blocks, l.contentStart); i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.kind !== 'listItem') break;
    out.push(b);
  }
  return out;
}
