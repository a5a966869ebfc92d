/**
 * Marks check-worthy statements: sentences that assert something a fact-checker could verify or an
 * analyst would want to trace — a statistic, an event, a cause, an ascribed intent, a prediction, a quoted
 * statement — or, with a low score, an opinion. One finding per sentence with its type, the cues that
 * decided it, and a check-worthiness score as confidence. The claims aggregator turns these into Claims.
 */
import type { Detector } from '../../core/detect/types.js';
import type { Signal } from '../../core/finding/types.js';
import type { ClaimType } from '../../core/result/types.js';
import type { Segments, Sentence, Token } from '../../core/segment/types.js';
import { trimSpan } from '../../core/text/span.js';
import { CAUSAL_PHRASES, EVENT_VERBS, findPhrases, INTENT_PHRASES, OPINION_WORDS, PREDICTION_PHRASES, TIME_WORDS, TYPE_WEIGHT } from './claim-cues.js';

const MIN_WORDS = 4;
const MAX_WORDS = 90;
const STAT_UNITS = new Set(['%', 'percent', 'per', 'million', 'billion', 'trillion', 'thousand', 'hundred', 'times', 'tonnes', 'tons', 'degrees', 'km', 'dollars', 'euros']);

export const checkWorthy: Detector = {
  meta: {
    id: 'claim/check-worthy',
    version: '1.1.0',
    family: 'claim',
    description: 'Check-worthy statements (statistic, event, causal, intent, prediction, quote, opinion) with a check-worthiness score.',
    taxonomy: [],
    messages: { claim: 'Check-worthy statement ({{type}}).' },
    requires: ['sentences', 'tokens', 'quotes'],
    cost: 'cheap',
    stability: 'stable',
    severity: 'info',
    languages: ['en'],
    // "Lie:" or "Myth:" in front of a statement is the page's layout, not part of what is claimed.
    yieldsTo: ['structure/label-word'],
    options: { minScore: { type: 'number', default: 0.2, min: 0, max: 1, description: 'Lowest check-worthiness reported.' } },
    examples: {
      valid: ['What happened next?', 'Thanks for reading.', 'Hello there, friends.'],
      invalid: [
        { text: '⟦Unemployment rose to 12% in March, the ministry said.⟧', messageId: 'claim', data: { type: 'statistic' } },
        { text: '⟦The blackout happened because the grid operator skipped maintenance.⟧', messageId: 'claim', data: { type: 'causal' } },
        { text: '⟦The campaign aims to discredit the election commission.⟧', messageId: 'claim', data: { type: 'intent' } },
        { text: '⟦The new tax will push thousands of farmers out of business.⟧', messageId: 'claim', data: { type: 'prediction' } },
        { text: '⟦Northland troops seized the airport of Lakeport on Tuesday.⟧', messageId: 'claim', data: { type: 'event' } },
        { text: '⟦This shameful decision is simply wrong.⟧', messageId: 'claim', data: { type: 'opinion' } },
      ],
    },
    docs: {
      category: 'claims',
      limits: 'English cue lists; one type per sentence (the strongest cue wins); questions are not claims.',
      references: ['CLEF CheckThat! check-worthiness (2018–2023)'],
    },
  },
  detect(ctx) {
    const minScore = typeof ctx.options.minScore === 'number' ? ctx.options.minScore : 0.2;
    const out: Signal[] = [];
    // Headings are not skipped: a "Myth: ..." line standing alone looks like a heading and is a claim.
    for (const sentence of ctx.segments.sentences) {
      const c = classifySentence(ctx.text, ctx.segments, sentence);
      if (!c || c.score < minScore) continue;
      out.push({
        span: c.span,
        messageId: 'claim',
        data: { type: c.type, cues: c.cues.join(', '), score: c.score },
        confidence: c.score,
        evidence: c.cues.map((cue) => ({ kind: 'cue', label: cue })),
      });
    }
    return out;
  },
};

/** Phrase lists and the claim type each signals, in the order they are tried (made once, not per sentence). */
const PHRASE_TYPES = [
  ['causal', CAUSAL_PHRASES],
  ['intent', INTENT_PHRASES],
  ['prediction', PREDICTION_PHRASES],
] as const;

/** The type a sentence gets when it has cues of several (first found wins; opinion only without any). */
const TYPE_ORDER: readonly ClaimType[] = ['statistic', 'causal', 'intent', 'prediction', 'event', 'quote'];

export interface SentenceClaim {
  readonly span: { start: number; end: number };
  readonly type: ClaimType;
  readonly cues: readonly string[];
  readonly score: number;
}

/** Type and score of one sentence, or null when it is not a statement worth checking. */
export function classifySentence(text: string, segments: Segments, sentence: Sentence): SentenceClaim | null {
  // Counted in place: a sentence that stops here or at the question test makes no copy of its tokens.
  let words = 0;
  for (let k = sentence.firstToken; k < sentence.endToken; k++) {
    const kind = (segments.tokens[k] as Token).kind;
    if (kind === 'word' || kind === 'number') words++;
  }
  if (words < MIN_WORDS || words > MAX_WORDS) return null;
  const raw = text.slice(sentence.start, sentence.end);
  if (/\?\s*["”’»)]*\s*$/u.test(raw)) return null;
  const tokens = segments.tokens.slice(sentence.firstToken, sentence.endToken);
  const lower = raw.toLowerCase().replace(/’/gu, "'");
  const cues: string[] = [];
  const found = new Set<ClaimType>();

  const stat = tokens.some((t, i) => t.kind === 'number' && (isStatUnit(tokens[i + 1]) || /%$/u.test(t.text) || !/^(?:1[89]|20)\d\d$/u.test(t.text) && /\d{3,}|\d[.,]\d/u.test(t.text)));
  if (stat || /\d\s?%/u.test(raw)) {
    found.add('statistic');
    cues.push('statistic:number');
  }
  const inQuote = segments.quotes.some((q) => q.start >= sentence.start && q.end <= sentence.end && q.inner.end - q.inner.start > 20);
  if (inQuote) {
    found.add('quote');
    cues.push('quote:quotation');
  }
  for (const [type, phrases] of PHRASE_TYPES) {
    const hits = findPhrases(lower, phrases);
    if (hits.length > 0) {
      found.add(type);
      cues.push(...[...new Set(hits.map((h) => h.phrase))].slice(0, 3).map((p) => `${type}:${p}`));
    }
  }
  // A listed action verb, or any inflected verb ("flooded", "gave", "shows") about something named,
  // counted or dated: something happened or is said to be the case.
  const eventVerb =
    tokens.find((t) => t.pos === 'VERB' && EVENT_VERBS.has(t.lemma)) ?? tokens.find((t) => t.pos === 'VERB' && t.normal !== t.lemma && !/ing$/u.test(t.normal));
  const properNoun = tokens.some((t) => t.pos === 'PROPN');
  if (eventVerb && (properNoun || tokens.some((t) => TIME_WORDS.has(t.normal) || t.kind === 'number'))) {
    found.add('event');
    cues.push(`event:${eventVerb.lemma}`);
  }
  const opinion = tokens.filter((t) => OPINION_WORDS.has(t.normal) || (t.lemma !== t.normal && OPINION_WORDS.has(t.lemma)));
  if (opinion.length > 0) cues.push(...opinion.slice(0, 3).map((t) => `opinion:${t.normal}`));

  let type: ClaimType | undefined = TYPE_ORDER.find((t) => found.has(t));
  if (!type) {
    if (opinion.length === 0) return null;
    type = 'opinion';
  }
  // Specific statements (names, numbers, dates) are the ones worth checking; evaluative wording lowers it.
  let score = TYPE_WEIGHT[type];
  if (properNoun) score += 0.1;
  if (tokens.some((t) => t.kind === 'number')) score += 0.05;
  if (tokens.some((t) => TIME_WORDS.has(t.normal))) score += 0.05;
  if (found.size > 1) score += 0.05;
  if (type !== 'opinion' && opinion.length > 0) score -= 0.1;
  score = Math.round(Math.max(0.05, Math.min(0.99, score)) * 100) / 100;
  return { span: withoutBlockMarker(text, segments, trimSpan(text, sentence)), type, cues, score };
}

function isStatUnit(t: Token | undefined): boolean {
  return !!t && STAT_UNITS.has(t.normal);
}

/** Content starts of the blocks that open with a marker ("# " of a Markdown heading, "- " of a list item), by block start. */
const markedStarts = new WeakMap<Segments, Map<number, number>>();

/**
 * A sentence that opens a heading or a list item starts at its marker: the claim "# Vaccines cause ..." or
 * "- The ministry reported ..." carried the "#" or "-" into the ledger of claims and every export. Letter
 * markers stay: "A. Okafor said ..." reads as a lettered list item, but "A." is an initial.
 */
function withoutBlockMarker(text: string, segments: Segments, span: { start: number; end: number }): { start: number; end: number } {
  let starts = markedStarts.get(segments);
  if (!starts) {
    starts = new Map();
    for (const b of segments.blocks) {
      if (!b.marker || b.content.start <= b.start) continue;
      if (/\p{L}/u.test(text.slice(b.marker.start, b.marker.end))) continue;
      starts.set(b.start, b.content.start);
    }
    markedStarts.set(segments, starts);
  }
  const content = starts.get(span.start);
  return content !== undefined && content < span.end ? { start: content, end: span.end } : span;
}
