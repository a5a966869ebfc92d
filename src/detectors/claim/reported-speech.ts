/**
 * Marks reported speech: "X said / denied / claimed (that) ...", "“...,” X said". The span is what is
 * reported (the claim as the speaker made it) and the speaker is a related span and data, so a claim can
 * say who asserts it. Pronoun speakers ("he said") are left out: the name is what an analyst needs.
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import type { Token } from '../../core/segment/types.js';
import { trimSpan, type Span } from '../../core/text/span.js';
import { SPEECH_VERBS } from './claim-cues.js';

const MIN_CONTENT_WORDS = 3;
const SPEAKER_POS = new Set(['PROPN', 'NOUN', 'DET', 'ADJ', 'PART', 'NUM']);

export const reportedSpeech: Detector = {
  meta: {
    id: 'claim/reported-speech',
    version: '1.0.0',
    family: 'claim',
    description: 'Reported speech: what a named speaker said, denied or claimed ("X said that ...", "“...,” X said").',
    taxonomy: [],
    messages: { reported: '{{speaker}} {{verb}}: reported statement.' },
    requires: ['sentences', 'tokens', 'quotes'],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: ['en'],
    examples: {
      valid: ['He said nothing at all.', 'The weather was fine on Sunday.'],
      invalid: [
        { text: 'Minister Ana Varga denied that ⟦the plant had been sold to a foreign buyer⟧.', messageId: 'reported', data: { speaker: 'Minister Ana Varga', verb: 'denied' } },
        { text: 'The Lakeport council claimed ⟦the bridge was safe for heavy traffic⟧.', messageId: 'reported', data: { speaker: 'The Lakeport council', verb: 'claimed' } },
        { text: '“⟦The harvest failed in every northern district⟧,” said Tom Ellery.', messageId: 'reported', data: { speaker: 'Tom Ellery', verb: 'said' } },
      ],
    },
    docs: { category: 'claims', limits: 'English; the speaker is the noun phrase next to the reporting verb; nominal forms ("her denial") are not covered.' },
  },
  detect(ctx) {
    const out: Signal[] = [];
    const { tokens, sentences, quotes } = ctx.segments;
    for (const s of sentences) {
      for (let i = s.firstToken; i < s.endToken; i++) {
        const verb = tokens[i] as Token;
        if (verb.pos !== 'VERB' || !SPEECH_VERBS.has(verb.lemma)) continue;
        const insideQuote = quotes.some((q) => q.inner.start <= verb.start && verb.end <= q.inner.end);
        if (insideQuote) continue;
        const found = afterQuote(ctx.text, tokens, quotes, s.firstToken, s.endToken, i) ?? beforeContent(ctx.text, tokens, s.firstToken, s.endToken, i);
        if (!found) continue;
        const speakerText = ctx.text.slice(found.speaker.start, found.speaker.end);
        out.push({
          span: found.content,
          messageId: 'reported',
          data: { speaker: speakerText, verb: verb.text, speakerStart: found.speaker.start, speakerEnd: found.speaker.end },
          confidence: 0.75,
          related: [{ role: 'speaker', span: found.speaker }],
          evidence: [{ kind: 'pattern', label: `reporting verb "${verb.lemma}"` }],
        });
        break;
      }
    }
    return out;
  },
};

interface Found {
  readonly speaker: Span;
  readonly content: Span;
}

/** "X (has) said (that) CONTENT": the speaker is the noun phrase before the verb. */
function beforeContent(text: string, tokens: readonly Token[], first: number, end: number, v: number): Found | null {
  let j = v - 1;
  while (j >= first && (tokens[j] as Token).pos === 'AUX') j--;
  const speakerEnd = j;
  while (j >= first && SPEAKER_POS.has((tokens[j] as Token).pos)) j--;
  const sFirst = j + 1;
  if (sFirst > speakerEnd) return null;
  const speakerTokens = tokens.slice(sFirst, speakerEnd + 1);
  if (!speakerTokens.some((t) => t.pos === 'PROPN' || t.pos === 'NOUN')) return null;
  let c = v + 1;
  while (c < end && ((tokens[c] as Token).normal === 'that' || (tokens[c] as Token).pos === 'PUNCT')) c++;
  let cEnd = end;
  while (cEnd > c && (tokens[cEnd - 1] as Token).pos === 'PUNCT') cEnd--;
  const content = tokens.slice(c, cEnd).filter((t) => t.kind === 'word' || t.kind === 'number');
  if (content.length < MIN_CONTENT_WORDS) return null;
  const speaker = { start: (tokens[sFirst] as Token).start, end: (tokens[speakerEnd] as Token).end };
  return { speaker, content: trimSpan(text, { start: (tokens[c] as Token).start, end: (tokens[cEnd - 1] as Token).end }) };
}

/** "“CONTENT,” said X" or "“CONTENT,” X said": the quotation right before the verb (or its speaker). */
function afterQuote(
  text: string,
  tokens: readonly Token[],
  quotes: readonly { start: number; end: number; inner: Span }[],
  first: number,
  end: number,
  v: number,
): Found | null {
  const verb = tokens[v] as Token;
  // Speaker after the verb: `..." said X`.
  let k = v + 1;
  while (k < end && SPEAKER_POS.has((tokens[k] as Token).pos)) k++;
  const after = tokens.slice(v + 1, k);
  // Or before it: `..." X said`.
  let b = v - 1;
  while (b >= first && SPEAKER_POS.has((tokens[b] as Token).pos)) b--;
  const before = tokens.slice(b + 1, v);
  const quoteEndBefore = (offset: number): (typeof quotes)[number] | undefined =>
    quotes.find((q) => q.end <= offset && /^[\s,]*$/u.test(text.slice(q.end, offset)));
  if (after.some((t) => t.pos === 'PROPN' || t.pos === 'NOUN')) {
    const q = quoteEndBefore(verb.start);
    if (q) return { speaker: { start: (after[0] as Token).start, end: (after.at(-1) as Token).end }, content: cleanInner(text, q.inner) };
  }
  if (before.some((t) => t.pos === 'PROPN' || t.pos === 'NOUN')) {
    const q = quoteEndBefore((before[0] as Token).start);
    if (q) return { speaker: { start: (before[0] as Token).start, end: (before.at(-1) as Token).end }, content: cleanInner(text, q.inner) };
  }
  return null;
}

/** The quoted words without a trailing comma or full stop that belongs to the reporting frame. */
function cleanInner(text: string, inner: Span): Span {
  const { start } = trimSpan(text, inner);
  let { end } = trimSpan(text, inner);
  while (end > start && /[,.]/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
