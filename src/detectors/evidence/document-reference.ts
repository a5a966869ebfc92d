/**
 * Marks references to documents a statement rests on: numbered resolutions, laws, decrees and articles
 * ("Resolution 2231", "Article 5 of the treaty", "Law No. 123"), reports and studies named with a year or
 * a publisher ("the 2019 report", "a study published in The Lancet"), and academic citations
 * ("(Smith et al., 2020)", "[12]").
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import { BoundaryPattern } from '../../core/segment/word-boundary.js';

const REFERENCE = new RegExp(
  [
    String.raw`\b(?:Resolution|Decree|Directive|Regulation|Law|Act|Article|Section|Protocol|Convention|Treaty|Order|Report|Bill)\s+(?:No\.?\s*|№\s*|#)?\d[\d/.-]*\b`,
    String.raw`(?:[Рр]езолюци\p{L}*|[Уу]каз\p{L}*|[Зз]акон\p{L}*|[Сс]тать\p{L}*|[Пп]остановлени\p{L}*|[Рр]езолюці\p{L}*|[Сс]татт\p{L}*|[Пп]останов\p{L}*|Artikel|Gesetz\p{L}*|Verordnung|article|loi|décret|artículo|ley|decreto)\s+(?:No\.?\s*|№\s*|n°\s*|Nr\.\s*)?\d[\d/.-]*`,
    String.raw`\b(?:the|a|its|their)\s+(?:(?:19|20)\d{2}\s+)?(?:report|study|assessment|review|audit|survey|white paper|investigation)\s+(?:published|released|issued)\s+(?:in|by|on)\s+[\p{Lu}\d][\p{L}\d]*(?:\s+[\p{Lu}\d][\p{L}\d]*){0,5}`,
    String.raw`\b(?:published|reported|printed)\s+in\s+(?:the\s+)?(?:journal\s+)?(?:The\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}-]*){0,4}`,
    String.raw`\b(?:the|a|its)\s+(?:19|20)\d{2}\s+(?:report|study|assessment|review|audit|survey|census)\b`,
    String.raw`\(\p{Lu}[\p{L}-]+(?:\s+et al\.|\s+(?:and|&)\s+\p{Lu}[\p{L}-]+)?,?\s+(?:19|20)\d{2}[a-z]?\)`,
    String.raw`(?<=[\p{L}.,])\[\d{1,3}(?:[,–-]\s?\d{1,3})*\]`,
  ].join('|'),
  'gu',
);

/** The same matches, found sooner (see BoundaryPattern). */
const FAST_REFERENCE = new BoundaryPattern(REFERENCE);

export const documentReference: Detector = {
  meta: {
    id: 'evidence/document-reference',
    version: '1.0.0',
    family: 'evidence',
    description:
      'References to documents: numbered resolutions, laws and articles, reports and studies with a year or publisher, academic citations.',
    taxonomy: [],
    messages: { reference: 'Document reference: {{value}}.' },
    requires: [],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: 'any',
    examples: {
      valid: ['The report was long and nobody read it.', 'He studied law at university.'],
      invalid: [
        {
          text: 'This is required by ⟦Resolution 2231⟧.',
          messageId: 'reference',
          data: { value: 'Resolution 2231' },
        },
        { text: 'The trial was ⟦published in The Lancet⟧ last year.', messageId: 'reference' },
        { text: 'Rates fell sharply ⟦(Smith et al., 2020)⟧.', messageId: 'reference' },
        { text: 'Rates fell sharply.⟦[3]⟧', messageId: 'reference' },
      ],
    },
  },
  detect(ctx) {
    const out: Signal[] = [];
    for (const m of FAST_REFERENCE.matchAll(ctx.text)) {
      const start = m.index ?? 0;
      const value = m[0].replace(/[\s.,]+$/u, '');
      out.push({
        span: { start, end: start + value.length },
        messageId: 'reference',
        data: { value, kind: 'document' },
        confidence: 0.85,
        evidence: [{ kind: 'pattern', label: 'document reference pattern' }],
      });
    }
    return out;
  },
};
