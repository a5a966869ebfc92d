/**
 * Marks links and persistent identifiers (URLs, `www.` addresses, DOIs): the most checkable kind of
 * evidence a rebuttal can give. The ledger counts a rebuttal with a link as one that cites a source.
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import { BoundaryPattern } from '../../core/segment/word-boundary.js';

const LINK =
  /\bhttps?:\/\/[^\s<>"“”«»]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"“”«»]*|\bdoi:\s?10\.\d{4,9}\/\S+|\b10\.\d{4,9}\/[-._;()/:a-z0-9]+/giu;

/** The same matches, found sooner (see BoundaryPattern). */
const FAST_LINK = new BoundaryPattern(LINK);

export const link: Detector = {
  meta: {
    id: 'evidence/link',
    version: '1.0.0',
    family: 'evidence',
    description: 'Links and persistent identifiers (URLs, www addresses, DOIs) cited in the text.',
    taxonomy: [],
    messages: { link: 'Link cited: {{value}}.' },
    requires: [],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: 'any',
    examples: {
      valid: ['The agency published its report last week.', 'Write to us at the usual address.'],
      invalid: [
        {
          text: 'Full data: ⟦https://example.org/report.pdf⟧.',
          messageId: 'link',
          data: { value: 'https://example.org/report.pdf' },
        },
        { text: 'See ⟦www.example.org/data⟧ for details.', messageId: 'link' },
        { text: 'Published as ⟦doi:10.1000/xyz123⟧ in 2020.', messageId: 'link' },
      ],
    },
  },
  detect(ctx) {
    const out: Signal[] = [];
    for (const m of FAST_LINK.matchAll(ctx.text)) {
      let value = m[0];
      // Trailing sentence punctuation belongs to the sentence, not the address.
      value = value.replace(/[.,;:!?)\]]+$/u, '');
      const start = m.index ?? 0;
      out.push({
        span: { start, end: start + value.length },
        messageId: 'link',
        data: { value, kind: 'link' },
        confidence: 0.99,
        evidence: [{ kind: 'pattern', label: 'URL / DOI pattern' }],
      });
    }
    return out;
  },
};
