/**
 * Marks quotations whose speaker the text names: `“...,” said Dr Jane Roe`, `Roe said: “...”`,
 * `the ministry stated: «...»`. A quotation without a named speaker is not evidence of anything but
 * wording (the claims of a ledger are often in quotation marks with no speaker at all), so it is skipped.
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import { NAME } from './patterns.js';

const SAY = String.raw`(?:said|says|stated|states|told|added|explained|wrote|writes|noted|notes|insisted|declared|announced|заявил[аи]?|сказал[аи]?|отметил[аи]?|заявив|сказав|sagte|erklärte|a déclaré|a dit|dijo|afirmó|declaró|表示|说)`;
const AFTER_QUOTE = new RegExp(String.raw`^[,.]?\s*(?:${SAY}\s+(${NAME})|(${NAME})\s+${SAY})`, 'u');
const BEFORE_QUOTE = new RegExp(
  String.raw`(${NAME})\s+(?:has\s+|had\s+)?${SAY}(?:\s+(?:that|in a statement|on \p{L}+))?\s*[:,]?\s*$`,
  'u',
);
const NOT_A_SPEAKER = /^(?:it|this|that|he|she|they|we|i|you|the report|the article)$/iu;

export const quotation: Detector = {
  meta: {
    id: 'evidence/quotation',
    version: '1.0.0',
    family: 'evidence',
    description:
      'Quotations with a named speaker (the quote is the span; the speaker is data and a related span).',
    taxonomy: [],
    messages: { quote: 'Quotation attributed to {{speaker}}.' },
    requires: ['quotes'],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: 'any',
    examples: {
      valid: ['Lie: “Russia is invading Kazakhstan!”', 'They call it “peaceful protests”.'],
      invalid: [
        {
          text: '⟦“The vaccine is safe,”⟧ said Dr Jane Roe.',
          messageId: 'quote',
          data: { speaker: 'Dr Jane Roe' },
        },
        {
          text: 'The Ministry of Health stated: ⟦“No cases were recorded.”⟧',
          messageId: 'quote',
          data: { speaker: 'The Ministry of Health' },
        },
      ],
    },
  },
  detect(ctx) {
    const out: Signal[] = [];
    for (const q of ctx.segments.quotes) {
      const block = ctx.segments.blocks[q.block];
      if (!block) continue;
      const after = ctx.text.slice(q.end, Math.min(block.end, q.end + 120));
      const before = ctx.text.slice(Math.max(block.start, q.start - 120), q.start);
      let speaker: { start: number; end: number } | null = null;
      const a = AFTER_QUOTE.exec(after);
      // `“...,” said X` or `“...” X said`: the speaker follows the quotation.
      if (a) {
        const name = (a[1] ?? a[2]) as string;
        const offset = a[0].indexOf(name);
        speaker = { start: q.end + offset, end: q.end + offset + name.length };
      }
      if (!speaker) {
        const b = BEFORE_QUOTE.exec(before);
        if (b) {
          const name = b[1] as string;
          const start = q.start - before.length + (b.index ?? 0);
          speaker = { start, end: start + name.length };
        }
      }
      if (!speaker) continue;
      // Names may hold abbreviation dots ("Dr. Roe"); a dot at the end closes the sentence instead.
      while (speaker.end > speaker.start && /[.,\s]/u.test(ctx.text[speaker.end - 1] ?? ''))
        speaker = { start: speaker.start, end: speaker.end - 1 };
      const name = ctx.text.slice(speaker.start, speaker.end);
      if (NOT_A_SPEAKER.test(name)) continue;
      out.push({
        span: { start: q.start, end: q.end },
        messageId: 'quote',
        data: { speaker: name, speakerStart: speaker.start, speakerEnd: speaker.end, kind: 'quote' },
        confidence: 0.8,
        related: [{ role: 'speaker', span: speaker }],
        evidence: [{ kind: 'pattern', label: 'quotation next to a reporting verb and a name' }],
      });
    }
    return out;
  },
};
