/**
 * Marks headings: Markdown `#` lines and short title-like lines standing alone. The ledger uses headings to
 * find items laid out as "False Narrative 3:" sections; the HTML report uses them as an outline.
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';

export const heading: Detector = {
  meta: {
    id: 'structure/heading',
    version: '1.0.0',
    family: 'structure',
    description: 'Headings: Markdown `#` lines and short title-like lines that stand alone.',
    taxonomy: [],
    messages: { heading: 'Heading (level {{level}}).' },
    requires: ['paragraphs', 'headings'],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: 'any',
    examples: {
      valid: ['Just one ordinary sentence that ends with a full stop.'],
      invalid: [
        {
          text: '# ⟦Myths and facts⟧\n\nThe first paragraph is ordinary prose.',
          messageId: 'heading',
          data: { level: 1 },
        },
        {
          text: '⟦False Narrative 3⟧\n\nThe claim was made repeatedly, but it is wrong.',
          messageId: 'heading',
          data: { level: 2 },
        },
      ],
    },
  },
  detect(ctx) {
    const out: Signal[] = [];
    for (const block of ctx.segments.blocks) {
      if (block.kind !== 'heading' || block.content.end <= block.content.start) continue;
      out.push({
        span: block.content,
        messageId: 'heading',
        data: { level: block.level ?? 1 },
        confidence: block.marker ? 1 : 0.7,
        evidence: [
          {
            kind: 'structure',
            label: block.marker ? 'markdown heading marker' : 'short title-like line standing alone',
          },
        ],
      });
    }
    return out;
  },
};
