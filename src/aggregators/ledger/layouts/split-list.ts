/**
 * Layout family 2: split lists — all claims first, then all rebuttals in the same order:
 * "Myths:\n1. ...\n2. ...\n\nFacts:\n1. ...\n2. ...". A claim label standing alone (a heading) followed by a
 * run of list items, and a rebuttal label standing alone followed by another run; items pair by order.
 * Extra claims without a counterpart are kept as partial items.
 */
import type { Block } from '../../../core/segment/types.js';
import type { Inputs, LabelRec, RawItem } from '../inputs.js';
import { blockAt, BOILERPLATE } from '../inputs.js';
import type { LayoutResult } from './labelled-fields.js';

export function splitList(inp: Inputs): LayoutResult {
  const { blocks, labels } = inp;
  const heads = labels.filter((l) => l.alone && l.position === 'block-start');
  const table = tableColumns(inp, heads);
  if (table.items.length > 0) return table;
  for (const c of heads.filter((l) => l.role === 'claim')) {
    const claims = runAfter(blocks, c);
    if (claims.length < 2) continue;
    const lastClaim = claims[claims.length - 1] as Block;
    const r = heads.find(
      (l) => (l.role === 'rebuttal' || l.role === 'answer') && l.label.start >= lastClaim.end,
    );
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

/**
 * A two-column table extracted to text: a header row "Myth" / "Fact" or "Claim" / "Verdict" (two labels alone, one after the
 * other), then the cells row by row, alternating claim and rebuttal, up to a heading, a label or
 * boilerplate. An odd cell left at the end is not paired (a table row is never cut in half).
 */
function tableColumns(inp: Inputs, heads: readonly LabelRec[]): LayoutResult {
  const { text, blocks } = inp;
  const labelBlocks = new Set(inp.labels.map((l) => l.block));
  for (const c of heads.filter((l) => l.role === 'claim')) {
    // "Claim | Verdict" tables put the rating and its reason in one cell ("False. No study found ...").
    const r = heads.find(
      (l) => (l.role === 'rebuttal' || l.role === 'answer' || l.role === 'verdict') && l.block === c.block + 1,
    );
    if (!r) continue;
    const cells: Block[] = [];
    for (let i = r.block + 1; i < blocks.length; i++) {
      const b = blocks[i] as Block;
      if (
        labelBlocks.has(i) ||
        (b.kind === 'heading' && !/[.!?]$/u.test(text.slice(b.start, b.end))) ||
        BOILERPLATE.test(text.slice(b.start, b.end))
      )
        break;
      cells.push(b);
    }
    if (cells.length < 4) continue;
    const items: RawItem[] = [];
    for (let i = 0; i + 1 < cells.length; i += 2) {
      const cb = cells[i] as Block;
      const rb = cells[i + 1] as Block;
      items.push({
        format: `${c.key}-${r.key}-table`,
        index: null,
        claim: cb.content,
        motive: null,
        rebuttal: rb.content,
        verdictField: r.role === 'verdict' ? rb.content : null,
        attributionField: null,
        claimLabel: c,
        span: { start: cb.start, end: rb.end },
        findingIds: [c.findingId, r.findingId],
        glued: false,
      });
    }
    return { items, reason: `table of ${items.length} rows under a ${c.key} / ${r.key} header` };
  }
  return { items: [], reason: 'no table header' };
}
