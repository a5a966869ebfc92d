/**
 * Turns a recognised item (spans only) into a LedgerItem: verdict, attribution, evidence, flags, summary.
 * Shared by every layout so that all layouts report the same fields the same way.
 */
import type { Finding } from '../../core/finding/types.js';
import type { EvidenceItem, LedgerItem, Verdict, VerdictLabel } from '../../core/result/types.js';
import { BoundaryPattern } from '../../core/segment/word-boundary.js';
import { spanText, type Span } from '../../core/text/span.js';
import { within, type Inputs, type RawItem } from './inputs.js';
import { isBroadGroup } from '../../core/text/noun-phrase.js';
import { normaliseVerdict } from './verdict.js';

/** Evidence kinds that count as citing a source; numbers and dates show precision, not provenance. */
export const SOURCE_KINDS: ReadonlySet<string> = new Set([
  'link',
  'source',
  'institution',
  'quote',
  'document',
]);

const FUTURE =
  /(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))(?:will|won['’]t|shall|is going to|are going to|is about to|are about to|’ll|'ll)(?![\p{L}\p{N}])|будет|будут|буде|будуть|(?<![\p{L}\p{N}])wird(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])werden(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])va(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])vont(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])sera(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])seront(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])va a(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])van a(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])será(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))|将|将会|会/iu;
/** The same answers, found sooner (see BoundaryPattern). */
const FAST_FUTURE = new BoundaryPattern(FUTURE);

export interface DocumentAttribution {
  readonly span: Span;
  readonly broad: boolean;
  readonly findingId: string;
}

export function buildItem(
  inp: Inputs,
  raw: RawItem,
  n: number,
  docAttribution: DocumentAttribution | null,
): LedgerItem {
  const { text } = inp;
  const evidence = evidenceIn(
    inp,
    [raw.rebuttal, raw.verdictField].filter((s): s is Span => s !== null),
  );
  const itemAttribution = attributionOf(inp, raw);
  const attributedTo = itemAttribution?.span ?? raw.attributionField ?? docAttribution?.span ?? null;
  const scope = itemAttribution || raw.attributionField ? 'item' : docAttribution ? 'document' : null;
  const flags: string[] = [];
  if (raw.claim && FAST_FUTURE.test(text.slice(raw.claim.start, raw.claim.end))) flags.push('future-claim');
  if (raw.rebuttal && FAST_FUTURE.test(firstSentence(text, raw.rebuttal))) flags.push('future-rebuttal');
  if (raw.motive) flags.push('motive-claim');
  if (inp.preemptive.length > 0) flags.push('preemptive');
  if (raw.glued) flags.push('glued-labels');
  const broad = itemAttribution
    ? itemAttribution.broad
    : raw.attributionField
      ? isBroadGroup(text.slice(raw.attributionField.start, raw.attributionField.end))
      : docAttribution?.broad === true;
  if (attributedTo && broad) flags.push('broad-attribution');
  const partial = raw.claim === null || (raw.rebuttal === null && raw.verdictField === null);
  if (partial) flags.push('partial');
  const findingIds = [...raw.findingIds, ...evidence.ids];
  if (itemAttribution) findingIds.push(itemAttribution.findingId);
  else if (!raw.attributionField && docAttribution) findingIds.push(docAttribution.findingId);
  return {
    id: `r${n}`,
    index: raw.index,
    format: raw.format,
    claim: raw.claim ? spanText(text, raw.claim) : null,
    attributedTo: attributedTo ? spanText(text, attributedTo) : null,
    attributionScope: attributedTo ? scope : null,
    motive: raw.motive ? spanText(text, raw.motive) : null,
    rebuttal: raw.rebuttal ? spanText(text, raw.rebuttal) : null,
    verdict: verdictOf(text, raw),
    evidence: evidence.items,
    evidenceSummary: summarise(evidence.items),
    partial,
    flags,
    span: spanText(text, raw.span),
    findingIds: [...new Set(findingIds)],
  };
}

function firstSentence(text: string, span: Span): string {
  const body = text.slice(span.start, span.end);
  const m = /[.!?。！？](?:\s|$)/u.exec(body);
  return m ? body.slice(0, m.index + 1) : body;
}

function verdictOf(text: string, raw: RawItem): Verdict | null {
  if (raw.verdictField) {
    const wording = text.slice(raw.verdictField.start, raw.verdictField.end);
    const v = normaliseVerdict(wording);
    if (v)
      return {
        label: v.label,
        original: spanText(text, { start: raw.verdictField.start, end: raw.verdictField.start + v.length }),
      };
    if (wording.split(/\s+/u).length <= 6)
      return { label: 'other', original: spanText(text, raw.verdictField) };
  }
  const l = raw.claimLabel;
  if (l && l.impliedVerdict) {
    const known: readonly VerdictLabel[] = [
      'false',
      'misleading',
      'unproven',
      'partly-false',
      'missing-context',
    ];
    const label = known.find((v) => v === l.impliedVerdict) ?? 'false';
    return { label, original: spanText(text, l.word) };
  }
  return null;
}

/** An attribution stated inside the item: a claim-attribution finding within the claim or the item's lead. */
function attributionOf(inp: Inputs, raw: RawItem): { span: Span; findingId: string; broad: boolean } | null {
  if (!raw.claim || raw.attributionField) return null;
  const f = within(inp.attributions, raw.claim)[0];
  return f
    ? { span: { start: f.span.start, end: f.span.end }, findingId: f.id, broad: f.data.broad === true }
    : null;
}

function evidenceIn(inp: Inputs, spans: readonly Span[]): { items: EvidenceItem[]; ids: string[] } {
  const items: EvidenceItem[] = [];
  const ids: string[] = [];
  const seen = new Set<string>();
  const found = spans
    .flatMap((s) => within(inp.evidence, s))
    .filter((f) => !seen.has(f.id) && seen.add(f.id));
  found.sort((a, b) => a.span.start - b.span.start);
  for (const f of found) {
    const kind = kindOf(f);
    const speaker = f.related.find((r) => r.role === 'speaker');
    items.push({
      kind,
      span: { start: f.span.start, end: f.span.end, text: f.span.text },
      ...(speaker ? { speaker: { start: speaker.start, end: speaker.end, text: speaker.text } } : {}),
      ...(typeof f.data.value === 'string'
        ? { value: f.data.value }
        : typeof f.data.name === 'string'
          ? { value: f.data.name }
          : {}),
    });
    ids.push(f.id);
  }
  return { items, ids };
}

function kindOf(f: Finding): string {
  if (f.messageId === 'link') return 'link';
  if (f.messageId === 'source') return f.data.kind === 'institution' ? 'institution' : 'source';
  if (f.messageId === 'quote') return 'quote';
  if (f.messageId === 'reference') return 'document';
  if (f.messageId === 'date') return 'date';
  if (f.messageId === 'statistic') return 'statistic';
  return typeof f.data.kind === 'string' ? f.data.kind : 'other';
}

const NOUN: Readonly<Record<string, [string, string]>> = {
  link: ['link', 'links'],
  source: ['named source', 'named sources'],
  institution: ['institution', 'institutions'],
  quote: ['quotation with its speaker', 'quotations with their speakers'],
  document: ['document reference', 'document references'],
  statistic: ['number', 'numbers'],
  date: ['date', 'dates'],
};

/** "no source cited", or "2 links, 1 institution; 1 number (not a source)". */
export function summarise(items: readonly EvidenceItem[]): string {
  if (items.length === 0) return 'no source cited';
  const counts = new Map<string, number>();
  for (const e of items) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const part = (kinds: string[]): string =>
    kinds
      .filter((k) => counts.has(k))
      .map((k) => {
        const c = counts.get(k) as number;
        const [one, many] = NOUN[k] ?? [k, `${k}s`];
        return `${c} ${c === 1 ? one : many}`;
      })
      .join(', ');
  const sources = part(['link', 'source', 'institution', 'quote', 'document']);
  const other = part([...counts.keys()].filter((k) => !SOURCE_KINDS.has(k)));
  if (!sources) return `no source cited; ${other}`;
  return other ? `${sources}; ${other}` : sources;
}
