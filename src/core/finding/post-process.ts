import { OverlapIndex } from '../text/overlap-index.js';
import { compareSpans } from '../text/span.js';
import type { Finding } from './types.js';

export interface PostProcessOptions {
  /** Drop findings under this confidence (per-detector thresholds are applied before). */
  readonly minConfidence?: number;
  /** Detector id → the detectors it yields to (DetectorMeta.yieldsTo). */
  readonly yieldsTo?: ReadonlyMap<string, readonly string[]>;
}

/**
 * Characters skipped when a finding is cut back to start after a finding it yields to: the space, colon or
 * dash after a label word and an opening quotation mark ("Lie: “Russia is ..." → "Russia is ...").
 */
const AFTER_LABEL = /[\s:\-\u2013\u2014"'\u201c\u201e\u2018\u00ab]/u;
/** The closing mark of each opening quotation mark in AFTER_LABEL. */
const CLOSING_QUOTE: Readonly<Record<string, string>> = { '"': '"', "'": "'", '\u201c': '\u201d', '\u201e': '\u201c', '\u2018': '\u2019', '\u00ab': '\u00bb' };
/** Characters skipped when a finding is cut back to end before one: space, colon and dashes. */
const BEFORE_LABEL = /[\s:\-\u2013\u2014]/u;

/**
 * A finding given way to the findings it yields to: null when it lies within one of them; cut back to start
 * after one that covers its start and to end before one that covers its end (its score stays the one its
 * detector gave the whole span); the same object when none touches its edges.
 */
function giveWay(f: Finding, blockers: readonly Finding[]): Finding | null {
  let { start, end } = f.span;
  const text = f.span.text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const g of blockers) {
      if (g.span.end <= start || g.span.start >= end) continue;
      if (g.span.start <= start && end <= g.span.end) return null;
      // A label found only because capitalised text follows it ("glued": "MythVaccines ...", but also prose
      // such as "The claim Putin uses ...") is too uncertain to cut other findings back to.
      if (g.data.glued === true) continue;
      if (g.span.start <= start) {
        start = g.span.end;
        let opened = '';
        while (start < end && AFTER_LABEL.test(text[start - f.span.start] ?? '')) opened = text[start++ - f.span.start] ?? '';
        // A quotation opened right after the label and closed where the finding ends goes as a whole.
        if (end > start && CLOSING_QUOTE[opened] !== undefined && text[end - 1 - f.span.start] === CLOSING_QUOTE[opened]) end--;
        changed = true;
      } else if (g.span.end >= end) {
        end = g.span.start;
        while (end > start && BEFORE_LABEL.test(text[end - 1 - f.span.start] ?? '')) end--;
        changed = true;
      }
    }
  }
  if (start >= end) return null;
  if (start === f.span.start && end === f.span.end) return f;
  return { ...f, span: { start, end, text: text.slice(start - f.span.start, end - f.span.start) } };
}

/** Every finding given way to those of the detectors its own detector yields to (`giveWay`); null: dropped. */
function givenWay(findings: readonly Finding[], yieldsTo: ReadonlyMap<string, readonly string[]>): (Finding | null)[] {
  if (yieldsTo.size === 0) return [...findings];
  const byDetector = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byDetector.get(f.detector);
    if (list) list.push(f);
    else byDetector.set(f.detector, [f]);
  }
  const blockersOf = new Map<string, { list: Finding[]; index: OverlapIndex }>();
  return findings.map((f) => {
    const others = yieldsTo.get(f.detector);
    if (!others) return f;
    let blockers = blockersOf.get(f.detector);
    if (!blockers) {
      const list = others.flatMap((d) => byDetector.get(d) ?? []);
      const index = new OverlapIndex();
      for (const g of list) index.add(g.span);
      blockers = { list, index };
      blockersOf.set(f.detector, blockers);
    }
    if (blockers.list.length === 0) return f;
    // Only the blockers overlapping the finding can touch it (giveWay only shrinks it), in their order: all of
    // them for every finding was quadratic in a text of thousands of labels and technique findings.
    const { list } = blockers;
    return giveWay(f, blockers.index.all(f.span).map((k) => list[k] as Finding));
  });
}

/**
 * Merges exact duplicates (same detector, message and span: keep the more confident, join evidence),
 * drops findings under the confidence floor, gives way to the findings of the detectors a detector yields to
 * (drops its findings inside theirs, cuts back those that start or end on theirs), sorts by
 * position then detector, and numbers them f1, f2 ...
 */
export function postProcess(findings: readonly Finding[], options: PostProcessOptions = {}): Finding[] {
  const floor = options.minConfidence ?? 0;
  const byKey = new Map<string, Finding>();
  for (const f of givenWay(findings, options.yieldsTo ?? new Map())) {
    if (!f || f.confidence < floor) continue;
    const key = `${f.detector}\u0000${f.messageId}\u0000${f.span.start}\u0000${f.span.end}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, f);
      continue;
    }
    const [keep, other] = seen.confidence >= f.confidence ? [seen, f] : [f, seen];
    const labels = new Set(keep.evidence.map((e) => e.label));
    byKey.set(key, { ...keep, evidence: [...keep.evidence, ...other.evidence.filter((e) => !labels.has(e.label))] });
  }
  const sorted = [...byKey.values()].sort(
    (a, b) => compareSpans(a.span, b.span) || a.detector.localeCompare(b.detector) || a.messageId.localeCompare(b.messageId),
  );
  return sorted.map((f, i) => ({ ...f, id: `f${i + 1}` }));
}
