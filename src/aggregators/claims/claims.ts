/**
 * Builds the document's Claims from check-worthy statements (claim/check-worthy), reported speech
 * (claim/reported-speech: the speaker) and evidence findings (links, named sources, document references,
 * attributed quotations: the sources). Ledger claims and rebuttals are claims too — every side's "truths"
 * are claims — so each ledger claim and rebuttal sentence becomes a Claim linked to its item, with the
 * item's attribution as speaker of the countered claim. Technique findings overlapping a claim are linked.
 * Claims are ranked by check-worthiness.
 */
import type { AggregateContext, Aggregator } from '../../core/aggregate/types.js';
import type { Finding } from '../../core/finding/types.js';
import type { Claim, ClaimType, EvidenceItem, LedgerItem } from '../../core/result/types.js';
import { OverlapIndex } from '../../core/text/overlap-index.js';
import { spanText, trimSpan, type Span, type SpanText } from '../../core/text/span.js';

const SOURCE_KINDS = new Set(['link', 'source', 'institution', 'document', 'quote']);
const CLAIM_TYPES: readonly ClaimType[] = ['statistic', 'event', 'causal', 'intent', 'prediction', 'quote', 'opinion', 'other'];

export const claimsAggregator: Aggregator = {
  meta: {
    id: 'claims/claims',
    version: '1.0.0',
    family: 'claim',
    description: 'Claims: check-worthy statements with type, speaker, sources, links to ledger items and technique findings, ranked by check-worthiness.',
    produces: ['claims'],
    options: { maxClaims: { type: 'number', default: 50, min: 1, description: 'Most claims to report (best first).' } },
  },
  aggregate(ctx) {
    const max = typeof ctx.options.maxClaims === 'number' ? ctx.options.maxClaims : 50;
    return { claims: buildClaims(ctx, max) };
  },
};

interface Draft {
  span: Span;
  type: ClaimType;
  score: number;
  speaker: SpanText | null;
  ledgerItemIds: Set<string>;
}

/**
 * The document's claims, best first, at most `max` of them (the first `max` of the full list). Overlaps are
 * found through OverlapIndex, and the sources and technique findings of a claim are listed only for the
 * claims kept, so thousands of ledger items and findings cost about linear time.
 */
export function buildClaims(ctx: Pick<AggregateContext, 'text' | 'segments' | 'findings' | 'partial'>, max = Infinity): Claim[] {
  const { text, findings } = ctx;
  const checkWorthy = findings.filter((f) => f.detector === 'claim/check-worthy');
  const reported = findings.filter((f) => f.detector === 'claim/reported-speech');
  const evidence = findings.filter((f) => f.family === 'evidence' && SOURCE_KINDS.has(String(f.data.kind ?? '')));
  const techniques = findings.filter((f) => f.family === 'technique');
  const drafts: Draft[] = [];
  const draftIndex = new OverlapIndex();
  const addDraft = (d: Draft): void => {
    drafts.push(d);
    draftIndex.add(() => d.span);
  };

  for (const f of checkWorthy) {
    const type = asType(f.data.type);
    addDraft({ span: f.span, type, score: f.confidence, speaker: null, ledgerItemIds: new Set() });
  }
  for (const item of ctx.partial.rebuttals) addLedgerDrafts(ctx, item, drafts, draftIndex, addDraft);

  // Reported speech gives the speaker; a claim that is mostly someone's reported statement is a quote.
  const reportedIndex = indexOf(reported);
  for (const d of drafts) {
    const r = reported[reportedIndex.first(d.span)];
    const speaker = r?.related.find((x) => x.role === 'speaker');
    if (r && speaker && !d.speaker) {
      d.speaker = { start: speaker.start, end: speaker.end, text: speaker.text };
      if (d.type === 'opinion' || d.type === 'other') d.type = 'quote';
      d.score = Math.min(0.99, d.score + 0.05);
    }
  }

  // A ledger claim without an English cue (other languages, bare wording) that states a figure is a statistic:
  // the number detector works in every language, the type cues do not.
  const statisticIndex = indexOf(findings.filter((f) => f.detector === 'evidence/number' && f.data.kind === 'statistic'));
  const evidenceIndex = indexOf(evidence);
  const techniqueIndex = indexOf(techniques);
  const ranked: { d: Draft; score: number }[] = [];
  for (const d of dedupe(drafts)) {
    if (d.type === 'other' && statisticIndex.first(d.span) >= 0) d.type = 'statistic';
    const hasSource = evidenceIndex.first(d.span) >= 0;
    const linked = techniqueIndex.first(d.span) >= 0;
    // Unsourced, specific claims are what a fact-checker looks at first; a technique on it adds to that.
    let score = d.score + (hasSource ? -0.05 : 0.05) + (linked ? 0.05 : 0) + (d.ledgerItemIds.size > 0 ? 0.05 : 0);
    score = Math.round(Math.max(0.01, Math.min(0.99, score)) * 100) / 100;
    ranked.push({ d, score });
  }
  ranked.sort((a, b) => b.score - a.score || a.d.span.start - b.d.span.start);
  const claims: Claim[] = [];
  for (const { d, score } of ranked.slice(0, max)) {
    const sources = sourcesFor(evidenceIndex.all(d.span).map((k) => evidence[k] as Finding));
    claims.push({
      id: `c${claims.length + 1}`,
      span: spanText(text, d.span),
      type: d.type,
      speaker: d.speaker,
      hasSource: sources.length > 0,
      sources,
      checkWorthiness: score,
      ledgerItemIds: [...d.ledgerItemIds].sort(),
      findingIds: techniqueIndex.all(d.span).map((k) => (techniques[k] as Finding).id),
    });
  }
  return claims;
}

function indexOf(found: readonly Finding[]): OverlapIndex {
  const index = new OverlapIndex();
  for (const f of found) index.add(f.span);
  return index;
}

/** The countered claim (spoken by whoever the item attributes it to) and the rebuttal (the text's own). */
function addLedgerDrafts(
  ctx: Pick<AggregateContext, 'text'>,
  item: LedgerItem,
  drafts: readonly Draft[],
  draftIndex: OverlapIndex,
  addDraft: (d: Draft) => void,
): void {
  const parts: { span: SpanText | null; speaker: SpanText | null; type?: ClaimType }[] = [
    { span: item.claim, speaker: item.attributedTo },
    // The motive is the text's own claim about what its opponents intend.
    { span: item.motive, speaker: null, type: 'intent' },
    { span: item.rebuttal, speaker: null },
  ];
  for (const part of parts) {
    if (!part.span || part.span.end <= part.span.start) continue;
    const span = stripQuotes(ctx.text, part.span);
    const existing = drafts[draftIndex.first(span)];
    if (existing) {
      existing.ledgerItemIds.add(item.id);
      // The ledger knows the exact extent of the claim; a sentence around it may carry the "Lie:" label.
      if (existing.span.start <= span.start && span.end <= existing.span.end) existing.span = span;
      if (part.speaker && !existing.speaker) existing.speaker = part.speaker;
      if (part.type) existing.type = part.type;
      continue;
    }
    // No check-worthy cue in it: still a claim of the ledger, typed `other`.
    addDraft({ span, type: part.type ?? 'other', score: 0.4, speaker: part.speaker, ledgerItemIds: new Set([item.id]) });
  }
}

/** The span without the quotation marks around it, nor the spaces inside them (French « … » has one each side). */
function stripQuotes(text: string, span: Span): Span {
  let { start, end } = trimSpan(text, span);
  while (start < end && /["“”«»'‘’]/u.test(text[start] ?? '')) start++;
  while (end > start && /["“”«»'‘’]/u.test(text[end - 1] ?? '')) end--;
  return trimSpan(text, { start, end });
}

function dedupe(drafts: readonly Draft[]): Draft[] {
  const out: Draft[] = [];
  const bySpan = new Map<string, Draft>();
  for (const d of [...drafts].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)) {
    const key = `${d.span.start}:${d.span.end}`;
    const same = bySpan.get(key);
    if (same) {
      for (const id of d.ledgerItemIds) same.ledgerItemIds.add(id);
      same.speaker ??= d.speaker;
      same.score = Math.max(same.score, d.score);
      continue;
    }
    bySpan.set(key, d);
    out.push(d);
  }
  return out;
}

/** Evidence in the claim's own sentence(s): the evidence findings overlapping it, in document order. */
function sourcesFor(overlapping: readonly Finding[]): EvidenceItem[] {
  return overlapping.map((e) => {
    const speaker = e.related.find((r) => r.role === 'speaker');
    const value = typeof e.data.value === 'string' ? e.data.value : typeof e.data.name === 'string' ? e.data.name : undefined;
    return {
      kind: String(e.data.kind ?? 'source'),
      span: e.span,
      ...(speaker ? { speaker: { start: speaker.start, end: speaker.end, text: speaker.text } } : {}),
      ...(value !== undefined ? { value } : {}),
    };
  });
}

function asType(v: unknown): ClaimType {
  return CLAIM_TYPES.includes(v as ClaimType) ? (v as ClaimType) : 'other';
}
