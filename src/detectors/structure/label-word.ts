/**
 * Marks the label words of rebuttal layouts — "Lie:", "Myth #3", "Reality check", "Fake:", "Summary",
 * "Ложь", "Правда", "Mythos", "Réalité", "谣言" — at the start of a block or line, alone on a line, glued to
 * the next word by HTML extraction, or inline after a sentence end with a colon. The ledger aggregator
 * builds its items from these findings; a label alone is only a structural cue, never a judgement.
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import { scanLabels } from './label-scan.js';

export const labelWord: Detector = {
  meta: {
    id: 'structure/label-word',
    version: '1.1.0',
    family: 'structure',
    description:
      'Label words of rebuttal layouts (Lie / Motive / Truth, Myth / Fact, Claim / Verdict, Q / A ...) in eleven languages.',
    taxonomy: [],
    messages: { label: 'Label "{{key}}" ({{role}}).' },
    requires: ['paragraphs', 'headings', 'listItems'],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: 'any',
    examples: {
      valid: [
        'The myth that vaccines cause autism was debunked long ago.',
        'Fact Sheet: how to apply for the grant.',
        'Mythbusters is a television programme.',
      ],
      invalid: [
        {
          text: '1. ⟦Lie⟧: “Russia is invading!”',
          messageId: 'label',
          data: { key: 'lie', role: 'claim', lang: 'en', number: null },
        },
        {
          text: '⟦Myth⟧ #3: Vaccines contain microchips.',
          messageId: 'label',
          data: { key: 'myth', role: 'claim', number: '3' },
        },
        {
          text: '⟦Myth⟧Vaccines cause autism.',
          messageId: 'label',
          data: { key: 'myth', role: 'claim', glued: true },
        },
        {
          text: '⟦Reality check⟧\n\nThe report says otherwise.',
          messageId: 'label',
          data: { key: 'reality-check', role: 'rebuttal', alone: true },
        },
        {
          text: 'Some text ends here. ⟦Fact⟧: it does not.',
          messageId: 'label',
          data: { key: 'fact', role: 'rebuttal', position: 'inline' },
        },
        {
          text: 'Kremlin ⟦Falsehood⟧ #1: The city was never shelled.',
          messageId: 'label',
          data: { key: 'falsehood', role: 'claim', prefixStart: 0, prefixEnd: 7 },
        },
        {
          text: '⟦Ложь⟧: Земля плоская.',
          messageId: 'label',
          data: { key: 'lie', role: 'claim', lang: 'ru' },
          language: 'ru',
        },
        {
          text: '【⟦谣言⟧】喝热水可以杀死病毒。',
          messageId: 'label',
          data: { key: 'myth', role: 'claim', lang: 'zh' },
          language: 'zh',
        },
      ],
    },
  },
  detect(ctx) {
    const out: Signal[] = [];
    for (const hit of scanLabels(ctx.text, ctx.segments.blocks)) {
      out.push({
        span: hit.word,
        messageId: 'label',
        data: {
          key: hit.entry.key,
          role: hit.entry.role,
          lang: hit.lang,
          verdict: hit.entry.verdict ?? null,
          number: hit.number,
          labelStart: hit.span.start,
          labelEnd: hit.span.end,
          contentStart: hit.contentStart,
          alone: hit.alone,
          glued: hit.glued,
          position: hit.position,
          block: hit.block,
          prefixStart: hit.prefix?.start ?? null,
          prefixEnd: hit.prefix?.end ?? null,
        },
        // Inline and glued labels are more often accidents of wording or extraction than deliberate fields.
        confidence: hit.position === 'inline' || hit.glued ? 0.7 : 0.95,
        evidence: [
          {
            kind: 'lexicon',
            label: `label word "${ctx.text.slice(hit.word.start, hit.word.end)}" (${hit.lang})`,
          },
        ],
      });
    }
    return out;
  },
};
