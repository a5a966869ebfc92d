/**
 * What the ledger reads: the findings of the structure, evidence and ledger detectors, turned back into
 * typed records, plus small helpers over blocks. The aggregator builds on findings (not on its own scan)
 * so that every item can name the findings it rests on.
 */
import type { Finding } from '../../core/finding/types.js';
import type { Block } from '../../core/segment/types.js';
import type { Span } from '../../core/text/span.js';

export type Role = 'claim' | 'rebuttal' | 'verdict' | 'motive' | 'attribution' | 'question' | 'answer';

export interface LabelRec {
  readonly findingId: string;
  readonly key: string;
  readonly role: Role;
  readonly lang: string;
  readonly impliedVerdict: string | null;
  readonly number: string | null;
  /** The label word ("Lie"). */
  readonly word: Span;
  /** The label with brackets and number, without the separator. */
  readonly label: Span;
  readonly contentStart: number;
  readonly alone: boolean;
  readonly glued: boolean;
  readonly position: string;
  readonly block: number;
  /** Holder named before the label ("Kremlin" in "Kremlin Falsehood #1:"). */
  readonly prefix: Span | null;
}

export interface Inputs {
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly labels: readonly LabelRec[];
  readonly evidence: readonly Finding[];
  readonly attributions: readonly Finding[];
  readonly preemptive: readonly Finding[];
  readonly numbered: readonly Finding[];
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function readInputs(text: string, blocks: readonly Block[], findings: readonly Finding[]): Inputs {
  const labels: LabelRec[] = [];
  for (const f of findings) {
    if (f.detector !== 'structure/label-word') continue;
    const d = f.data;
    labels.push({
      findingId: f.id,
      key: str(d.key) ?? 'unknown',
      role: (str(d.role) ?? 'claim') as Role,
      lang: str(d.lang) ?? 'und',
      impliedVerdict: str(d.verdict),
      number: str(d.number),
      word: { start: f.span.start, end: f.span.end },
      label: { start: num(d.labelStart, f.span.start), end: num(d.labelEnd, f.span.end) },
      contentStart: num(d.contentStart, f.span.end),
      alone: d.alone === true,
      glued: d.glued === true,
      position: str(d.position) ?? 'block-start',
      block: num(d.block, 0),
      prefix:
        typeof d.prefixStart === 'number' && typeof d.prefixEnd === 'number'
          ? { start: d.prefixStart, end: d.prefixEnd }
          : null,
    });
  }
  labels.sort((a, b) => a.label.start - b.label.start);
  return {
    text,
    blocks,
    labels,
    evidence: byStart(findings.filter((f) => f.family === 'evidence')),
    attributions: byStart(findings.filter((f) => f.detector === 'ledger/claim-attribution')),
    preemptive: findings.filter((f) => f.detector === 'ledger/preemptive-rebuttal'),
    numbered: findings.filter((f) => f.detector === 'structure/numbered-item'),
  };
}

/** Index of the block containing `offset`, or of the first block after it. */
export function blockAt(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let ans = blocks.length;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = blocks[mid] as Block;
    if (b.end > offset) {
      ans = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return ans;
}

/** Trims whitespace off both ends of a span. */
export function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

/** Number of blocks a span touches. */
export function blockCount(blocks: readonly Block[], span: Span): number {
  let n = 0;
  for (let i = blockAt(blocks, span.start); i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.start >= span.end) break;
    n++;
  }
  return n;
}

/** Lines that close an article rather than continue a rebuttal: bylines, share bars, "read more". */
export const BOILERPLATE =
  /^(?:By\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$|Share\b|Read (?:more|also)|Related\b|Tags?:|Photo:|Image:|Subscribe|Follow us|Publication\s*\/\s*Media|Date of publication|Article language|Countries\s*\/\s*regions discussed|Keywords:|Last updated|Page last (?:reviewed|updated)|Back to top|Print this|Was this page helpful|Contact us\b|Footnotes|Автор:|Читайте также|Поделиться|Читайте також|Quelle:|Mehr zum Thema|Lire aussi|Partager|Lee también|Compartir|责任编辑|来源：|来源:)/u;

export interface RawItem {
  readonly format: string;
  readonly index: string | null;
  readonly claim: Span | null;
  readonly motive: Span | null;
  readonly rebuttal: Span | null;
  /** A verdict or rating field ("Verdict: False"). */
  readonly verdictField: Span | null;
  /** An attribution field ("Claimed by: ..."). */
  readonly attributionField: Span | null;
  /** The claim label, whose word can serve as the verdict ("Lie", "Fake"). */
  readonly claimLabel: LabelRec | null;
  readonly span: Span;
  readonly findingIds: readonly string[];
  readonly glued: boolean;
}

function byStart(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** The findings (sorted by start) that lie inside a span, found by binary search: items × findings stays linear. */
export function within(sorted: readonly Finding[], span: Span): Finding[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Finding).span.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Finding[] = [];
  for (let i = lo; i < sorted.length; i++) {
    const f = sorted[i] as Finding;
    if (f.span.start >= span.end) break;
    if (f.span.end <= span.end) out.push(f);
  }
  return out;
}

/**
 * A paragraph that closes a list of items rather than continuing the last one: a concluding phrase, or a
 * reference back to the whole set ("these myths", "the above narratives", "such claims").
 */
export const CLOSING =
  /^(?:In conclusion|To sum up|To conclude|Overall|Ultimately|All in all|In short|In summary|The bottom line|Итак|Таким образом|В заключение|Подводя итог|Отже|Таким чином|Підсумовуючи|Fazit|Insgesamt|Zusammenfassend|En conclusion|En résumé|Pour conclure|En conclusión|En resumen|Para concluir|总之|综上)|(?:these|those|such|the above|all of these|all these|all such|the above-mentioned)\s+(?:\p{L}+[\s-]+){0,2}(?:myths|claims|narratives|lies|fakes|falsehoods|allegations|rumou?rs|misconceptions)|(?:эти|такие|подобные|перечисленные)\s+(?:\p{L}+\s+)?(?:мифы|фейки|нарративы|утверждения)|(?:ці|такі|подібні)\s+(?:\p{L}+\s+)?(?:міфи|фейки|наративи)|(?:diese|solche)\s+(?:\p{L}+\s+)?(?:Mythen|Behauptungen|Narrative)|(?:ces|de tels)\s+(?:\p{L}+\s+)?(?:mythes|intox|récits|affirmations)|(?:estos|estas|tales)\s+(?:\p{L}+\s+)?(?:mitos|bulos|narrativas|afirmaciones)/iu;
