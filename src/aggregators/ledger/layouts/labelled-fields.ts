/**
 * Layout family 1: items made of labelled fields — `Lie / Motive / Truth`, `Myth / Fact`, `Myth / Reality`,
 * `Claim / Fact`, `Claim / Verdict / Rating`, `What was claimed / Our verdict`, `Allegation / Reality check`,
 * `Falsehood N / Reality-Check`, `Summary / Disproof`, `Q / A`, in any of the lexicon's languages, numbered,
 * headed, inline or glued; and claim-label headings followed by an unlabelled prose rebuttal
 * (`False Narrative 3:`, `Fake:`, `DISINFO:`).
 *
 * A claim label opens an item; the labels after it, up to the next claim label, are its fields. A field runs
 * from its label's content to the next label (so a rebuttal keeps all its paragraphs), but stops at a
 * section heading, at closing boilerplate, and — for the last item of the document — after as many blocks
 * as the longest matching field of the other items (so the closing paragraphs of an op-ed are not taken
 * for the last rebuttal).
 */
import type { Block } from '../../../core/segment/types.js';
import type { Span } from '../../../core/text/span.js';
import {
  blockAt,
  blockCount,
  BOILERPLATE,
  CLOSING,
  trim,
  type Inputs,
  type LabelRec,
  type RawItem,
} from '../inputs.js';
import { startsWithDenial } from '../verdict.js';
import { hasRebuttalCue } from './cues.js';

interface Group {
  readonly claim: LabelRec;
  readonly fields: LabelRec[];
}

const CLAIM_ROLES = new Set(['claim', 'question']);
const REBUT_ROLES = new Set(['rebuttal', 'answer', 'verdict']);
/** Claim labels that are judgements in themselves, so an unlabelled prose rebuttal may follow them. */
const JUDGING_KEYS = new Set([
  'lie',
  'myth',
  'fake',
  'disinfo',
  'manipulation',
  'falsehood',
  'false-narrative',
  'misconception',
  'rumour',
  'rated-false',
  'rated-misleading',
  'rated-partly-false',
  'rated-missing-context',
  'rated-unproven',
]);
/** Questions that put a claim to the test ("Is it true that ...", "Правда ли, что ..."). */
const TRUTH_QUESTION =
  /is it true|true that|\breally\b|myth|rumou?r|claim|правда ли|это правда|чи правда|це правда|stimmt es|ist es wahr|est-il vrai|c['’]est vrai|es cierto|es verdad|é verdade|é mesmo|è vero|è davvero|czy to prawda|czy prawdą jest|czy naprawdę|هل صحيح|هل يصح|是真的吗|真的吗/iu;
/** Neutral claim labels: they need a rebuttal label, or prose under a title that announces rebuttals. */
const NEUTRAL_KEYS = new Set(['claim', 'allegation']);
/** Claim labels that mark a fact-check page even when it holds a single item. */
const SINGLE_PAGE_KEYS = new Set(['fake', 'disinfo', 'manipulation']);

export interface LayoutResult {
  readonly items: RawItem[];
  /** Why the layout did or did not accept the document, for warnings and debugging. */
  readonly reason: string;
}

export function labelledFields(inp: Inputs): LayoutResult {
  const groups = groupLabels(inp.labels);
  if (groups.length === 0) return { items: [], reason: 'no claim labels' };
  const { text, blocks } = inp;
  const drafts = groups.map((g, i) => draft(inp, g, groups[i + 1] ?? null));
  limitLastTail(text, blocks, drafts);
  // An item needs its claim: labels without text (a skeleton "Myth: / Fact:", or the header row of a table
  // whose cells follow) are not items.
  let items = drafts.map((d) => toItem(text, d)).filter((it) => it.claim !== null);

  // Question / answer items count only when the answer rebuts the question (an interview is not a ledger).
  const qa = items.filter((it) => it.claimLabel?.role === 'question');
  if (qa.length > 0) {
    const denied = qa.filter(
      (it) => it.rebuttal && startsWithDenial(text.slice(it.rebuttal.start, it.rebuttal.end)),
    );
    const qaSet = new Set(qa);
    const deniedSet = new Set(denied);
    // An interview can hold a few "No." answers too: ask for a rebuttal title, questions about a claim's truth,
    // or denials throughout.
    const claimQuestions = qa.some(
      (it) => it.claim && TRUTH_QUESTION.test(text.slice(it.claim.start, it.claim.end)),
    );
    const convincing =
      hasRebuttalCue(text, blocks) ||
      claimQuestions ||
      (denied.length >= 3 && denied.length * 3 >= qa.length * 2);
    const keep = convincing && denied.length >= 2 && denied.length * 2 >= qa.length;
    items = items.filter((it) => !qaSet.has(it) || (keep && deniedSet.has(it)));
  }
  return accept(items, drafts, qa, hasRebuttalCue(text, blocks));
}

function accept(items: RawItem[], drafts: Draft[], qa: readonly RawItem[], cue: boolean): LayoutResult {
  const byItem = new Map(drafts.map((d) => [d.group.claim.findingId, d]));
  // Paired: a rebuttal-like label follows the claim, or a question is answered with a denial (kept above).
  const qaSet = new Set(qa);
  const paired = items.filter(
    (it) =>
      qaSet.has(it) ||
      (byItem.get(it.claimLabel?.findingId ?? '')?.group.fields.some((f) => REBUT_ROLES.has(f.role)) ??
        false),
  );
  const pairedSet = new Set(paired);
  const judgingProse = items.filter((it) => {
    const d = byItem.get(it.claimLabel?.findingId ?? '');
    return (
      d &&
      !pairedSet.has(it) &&
      JUDGING_KEYS.has(d.group.claim.key) &&
      d.group.claim.position !== 'inline' &&
      it.rebuttal !== null
    );
  });
  // Once a layout is recognised, only items whose claim label belongs to it are kept: a stray "Summary:" line
  // in the introduction of a Myth / Fact page is not an item.
  const fam = (it: RawItem): string => family(it.claimLabel?.key ?? '');
  const keep = (basis: readonly RawItem[]): RawItem[] => {
    const families = new Set(basis.map(fam));
    return items.filter((it) => families.has(fam(it)));
  };
  if (paired.length >= 2) return { items: keep(paired), reason: `${paired.length} items with paired labels` };
  if (judgingProse.length + paired.length >= 2 && judgingProse.length >= 1) {
    // Headings like "False Narrative 3:" with prose after them: the claim labels must agree with each other.
    // Ratings used as labels (FALSE:, MISLEADING:) count as one family.
    const keys = new Set(judgingProse.map(fam));
    if (keys.size === 1)
      return { items: keep([...paired, ...judgingProse]), reason: 'claim-label headings followed by prose' };
  }
  // Neutral claim labels ("Claim 1:", "Allegation:") followed by prose count under a title that announces rebuttals.
  const neutralProse = items.filter((it) => {
    const d = byItem.get(it.claimLabel?.findingId ?? '');
    return (
      d &&
      !pairedSet.has(it) &&
      NEUTRAL_KEYS.has(d.group.claim.key) &&
      d.group.claim.position !== 'inline' &&
      it.rebuttal !== null
    );
  });
  if (
    cue &&
    neutralProse.length + paired.length >= 2 &&
    new Set(neutralProse.map((it) => it.claimLabel?.key)).size === 1 &&
    neutralProse.length >= 1
  ) {
    return {
      items: keep([...paired, ...neutralProse]),
      reason: 'neutral claim labels followed by prose under a rebuttal title',
    };
  }
  // A single fact-check page: exactly one clearly labelled item (other claim-label lines on the page are not items).
  const single = items.filter((only) => {
    const d = byItem.get(only.claimLabel?.findingId ?? '') as Draft;
    const keys = new Set(d.group.fields.map((f) => f.key));
    const roles = new Set(d.group.fields.map((f) => f.role));
    const strongPair =
      (d.group.claim.key === 'summary' && keys.has('disproof')) ||
      (d.group.claim.key !== 'summary' &&
        d.group.claim.role === 'claim' &&
        (roles.has('verdict') || keys.has('disproof')));
    const headline =
      SINGLE_PAGE_KEYS.has(d.group.claim.key) &&
      d.group.claim.position === 'block-start' &&
      d.group.claim.block <= 2 &&
      only.rebuttal !== null;
    return strongPair || headline;
  });
  if (single.length === 1) return { items: single, reason: 'single clearly labelled fact-check item' };
  return {
    items: [],
    reason: `not a ledger: ${items.length} candidate item(s), ${paired.length} with paired labels`,
  };
}

function groupLabels(labels: readonly LabelRec[]): Group[] {
  const groups: Group[] = [];
  let current: Group | null = null;
  for (const l of labels) {
    if (CLAIM_ROLES.has(l.role)) {
      // "Question" followed by "Claim"/"Myth" in the same item would open two items; the first wins.
      if (
        current &&
        current.fields.length === 0 &&
        current.claim.block === l.block &&
        current.claim.role !== l.role
      )
        continue;
      // A monitoring page's headline ("DISINFO: ...") right before its "Summary" is the title of the same case.
      if (
        current &&
        current.fields.length === 0 &&
        l.key === 'summary' &&
        SINGLE_PAGE_KEYS.has(current.claim.key) &&
        l.block - current.claim.block <= 2
      ) {
        groups.pop();
      }
      current = { claim: l, fields: [] };
      groups.push(current);
    } else if (current) {
      // A question's answer must be an answer or rebuttal, not a second motive etc.; anything goes otherwise.
      current.fields.push(l);
    }
  }
  return groups;
}

interface FieldDraft {
  readonly label: LabelRec | null;
  span: Span;
}

interface Draft {
  readonly group: Group;
  readonly claim: FieldDraft;
  readonly fields: FieldDraft[];
  /** Unlabelled text after the claim when no rebuttal label follows it. */
  prose: FieldDraft | null;
  readonly start: number;
}

/** Where a label's territory begins: the start of its block (with the list number) for block-start labels. */
function boundary(blocks: readonly Block[], l: LabelRec): number {
  if (l.position === 'block-start') return (blocks[l.block] as Block | undefined)?.start ?? l.label.start;
  return l.label.start;
}

function draft(inp: Inputs, g: Group, next: Group | null): Draft {
  const { text, blocks } = inp;
  let end = next ? boundary(blocks, next.claim) : text.length;
  // Section headings and closing boilerplate after the item's last label end it.
  const last = g.fields[g.fields.length - 1] ?? g.claim;
  const firstContentBlock = blockAt(blocks, last.contentStart);
  for (let i = firstContentBlock + 1; i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.start >= end) break;
    const raw = text.slice(b.start, b.end);
    if ((b.kind === 'heading' && !/[.!?:]$/u.test(raw.trim())) || BOILERPLATE.test(raw)) {
      end = b.start;
      break;
    }
  }
  const start = boundary(blocks, g.claim);
  const fields: FieldDraft[] = [];
  const all = [g.claim, ...g.fields];
  const spans = all.map((l, i) => {
    const nextLabel = all[i + 1];
    const fieldEnd = nextLabel ? boundary(blocks, nextLabel) : end;
    return trim(text, { start: Math.min(l.contentStart, fieldEnd), end: fieldEnd });
  });
  // A claim or motive is a statement, not a section: an unknown "Some label:" line after its first line ends it.
  spans.forEach((s, i) => {
    if (i === 0 || all[i]?.role === 'motive') spans[i] = cutAtUnknownLabel(text, s);
  });
  let claimSpan = spans[0] as Span;
  let prose: FieldDraft | null = null;
  if (g.fields.length === 0) {
    // No field follows the claim: the claim is its own block; what follows, up to the next item, rebuts it.
    const b = blocks[blockAt(blocks, g.claim.contentStart)];
    if (b) {
      const claimEnd = Math.min(b.end, end);
      claimSpan = trim(text, { start: Math.min(g.claim.contentStart, claimEnd), end: claimEnd });
      const rest = trim(text, { start: claimEnd, end: Math.max(claimEnd, end) });
      if (rest.end > rest.start) prose = { label: null, span: rest };
    }
  }
  g.fields.forEach((l, i) => fields.push({ label: l, span: spans[i + 1] as Span }));
  return { group: g, claim: { label: g.claim, span: claimSpan }, fields, prose, start };
}

/** The field that ends an item: its last labelled field, or its prose rebuttal. */
function tail(d: Draft): FieldDraft | null {
  return d.prose ?? d.fields[d.fields.length - 1] ?? null;
}

/** Keeps the last item's closing field as long as the longest closing field of the other items. */
function limitLastTail(text: string, blocks: readonly Block[], drafts: Draft[]): void {
  if (drafts.length < 2) return;
  const last = drafts[drafts.length - 1] as Draft;
  const lastTail = tail(last);
  if (!lastTail) return;
  let k = 0;
  for (const d of drafts.slice(0, -1)) {
    const t = tail(d);
    if (t && (t.label?.key ?? 'prose') === (lastTail.label?.key ?? 'prose'))
      k = Math.max(k, blockCount(blocks, t.span));
  }
  if (k === 0) return;
  const first = blockAt(blocks, lastTail.span.start);
  // Within those k blocks, a closing paragraph ("These myths ...", "In conclusion ...") ends the item earlier.
  for (let i = first + 1; i < first + k && i < blocks.length; i++) {
    const b = blocks[i] as Block;
    if (b.start >= lastTail.span.end) break;
    if (CLOSING.test(text.slice(b.start, b.end))) {
      k = i - first;
      break;
    }
  }
  const limitBlock = blocks[first + k - 1];
  if (limitBlock && limitBlock.end < lastTail.span.end)
    lastTail.span = { start: lastTail.span.start, end: limitBlock.end };
}

function toItem(text: string, d: Draft): RawItem {
  const pick = (roles: readonly string[]): Span | null => {
    const f = d.fields.find((x) => x.label && roles.includes(x.label.role) && x.span.end > x.span.start);
    return f ? f.span : null;
  };
  let rebuttal = pick(['rebuttal', 'answer']) ?? d.prose?.span ?? null;
  let verdictField = pick(['verdict']);
  if (verdictField && !rebuttal) {
    // "Verdict: False" on its own line, then the explanation: the rating is the verdict, the rest the rebuttal.
    const body = text.slice(verdictField.start, verdictField.end);
    const nl = body.search(/\n/u);
    const firstLine = {
      start: verdictField.start,
      end: nl >= 0 ? verdictField.start + nl : verdictField.end,
    };
    if (wordCount(text, firstLine) <= 6 && nl >= 0) {
      rebuttal = trim(text, { start: firstLine.end, end: verdictField.end });
      verdictField = trim(text, firstLine);
    } else if (wordCount(text, verdictField) > 6) rebuttal = verdictField;
  }
  const keys = [d.group.claim.key];
  if (d.group.claim.role === 'question') keys.splice(0, 1, 'question');
  for (const f of d.fields)
    if (f.label && !keys.includes(f.label.key) && f.label.role !== 'attribution') keys.push(f.label.key);
  if (d.prose) keys.push('prose');
  const format = keys.join('-');
  const claim = d.claim.span.end > d.claim.span.start ? d.claim.span : null;
  const ends = [d.claim.span.end, ...d.fields.map((f) => f.span.end), d.prose?.span.end ?? 0];
  const blockNumber = /^\s*(?:\(?(\d{1,3})[.)]|#(\d{1,3}))/u.exec(
    text.slice(d.start, d.group.claim.label.start),
  );
  return {
    format: format === 'question-answer' || format.startsWith('question-') ? 'question-answer' : format,
    index: d.group.claim.number ?? blockNumber?.[1] ?? blockNumber?.[2] ?? null,
    claim,
    motive: pick(['motive']),
    rebuttal,
    verdictField,
    attributionField: pick(['attribution']) ?? d.group.claim.prefix,
    claimLabel: d.group.claim,
    span: { start: d.start, end: Math.max(...ends) },
    findingIds: [d.group.claim.findingId, ...d.fields.map((f) => f.label?.findingId ?? '').filter(Boolean)],
    glued: [d.group.claim, ...d.group.fields].some((l) => l.glued),
  };
}

function wordCount(text: string, span: Span): number {
  return text.slice(span.start, span.end).split(/\s+/u).filter(Boolean).length;
}

const UNKNOWN_LABEL = /\n[ \t]*[\p{Lu}][\p{L}’'-]*(?:[ \t]+[\p{L}’'-]+){0,4}[ \t]*:[ \t]/u;

function cutAtUnknownLabel(text: string, span: Span): Span {
  const m = UNKNOWN_LABEL.exec(text.slice(span.start, span.end));
  return m ? trim(text, { start: span.start, end: span.start + m.index }) : span;
}

/** Layout family of a claim label: ratings used as labels (rated-false, rated-misleading ...) form one. */
function family(key: string): string {
  return key.startsWith('rated-') ? 'rated' : key;
}
