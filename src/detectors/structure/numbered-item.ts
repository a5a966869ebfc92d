/**
 * Marks numbered items: "1.", "2)", "(3)", "#4" at the start of a block. Ledger layouts number their
 * items this way ("3. Lie: ...", "#3 claim. rebuttal"); the ledger keeps the document's own number as the
 * item's `index`, and recognises inline "#N" items and split lists (claims first, rebuttals after) by it.
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';

export const numberedItem: Detector = {
  meta: {
    id: 'structure/numbered-item',
    version: '1.0.0',
    family: 'structure',
    description:
      'Numbered items ("1.", "2)", "(3)", "#4") at the start of a block, with their number and marker style.',
    taxonomy: [],
    messages: { item: 'Numbered item ({{style}}).' },
    requires: ['listItems'],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: 'any',
    examples: {
      valid: ['- a bullet without a number', 'In 2021 the rate rose. It fell in 2022.'],
      invalid: [
        { text: '⟦1.⟧ First item.\n⟦2.⟧ Second item.', messageId: 'item', data: { style: 'dot' } },
        {
          text: '⟦#3⟧ Vaccines cause autism. They do not.',
          messageId: 'item',
          data: { number: 3, style: 'hash' },
        },
        { text: '⟦(2)⟧ The second point.', messageId: 'item', data: { number: 2, style: 'paren' } },
      ],
    },
  },
  detect(ctx) {
    const out: Signal[] = [];
    for (const block of ctx.segments.blocks) {
      if (block.kind !== 'listItem' || block.number === undefined || !block.marker) continue;
      const marker = ctx.text.slice(block.marker.start, block.marker.end);
      out.push({
        span: block.marker,
        messageId: 'item',
        data: {
          number: block.number,
          style: styleOf(marker),
          block: block.index,
          contentStart: block.content.start,
        },
        confidence: 1,
        evidence: [{ kind: 'structure', label: `list marker "${marker}"` }],
      });
    }
    return out;
  },
};

function styleOf(marker: string): string {
  if (marker.startsWith('#')) return 'hash';
  if (marker.startsWith('(')) return 'paren';
  if (marker.endsWith(')')) return 'bracket';
  if (/^[ivx]+\.$/iu.test(marker)) return 'roman';
  if (/^\p{L}\.$/u.test(marker)) return 'letter';
  return 'dot';
}
