/**
 * Pure layout of highlighted text: the text is cut into paragraphs, and each paragraph into pieces on
 * every finding boundary, so overlapping findings need no nested markup. Rendering only ever puts these
 * pieces in text nodes: document text is never parsed as HTML.
 */
import type { Finding } from '../../src/core/finding/types.js';
import type { Span } from '../../src/core/text/span.js';

type Spanned = { readonly span: Span };

export interface Piece {
  readonly start: number;
  readonly end: number;
  /** Indices into the findings array of findings covering this piece (enabled ones only). */
  readonly findings: readonly number[];
}

export interface Paragraph {
  readonly start: number;
  readonly end: number;
  readonly pieces: readonly Piece[];
  /** A block of a long paragraph that the next block continues (blockRanges). */
  readonly more?: boolean;
}

/** The legend key of a finding: its SemEval-2023 technique when it has one, else its detector id. */
export function legendKey(f: Pick<Finding, 'taxonomy' | 'detector'>): string {
  const t = f.taxonomy.find((x) => x.startsWith('semeval2023:'));
  return t ? t.slice('semeval2023:'.length).replace(/_/gu, ' ') : f.detector;
}

export interface LegendEntry {
  readonly key: string;
  readonly count: number;
  readonly color: number;
}

export const COLORS = 12;

export function buildLegend(findings: readonly Pick<Finding, 'taxonomy' | 'detector'>[]): LegendEntry[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(legendKey(f), (counts.get(legendKey(f)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key, count], i) => ({ key, count, color: i % COLORS }));
}

/** Paragraph ranges: runs of text separated by blank lines (a single newline stays inside). */
export function paragraphRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\n[ \t]*\n\s*/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/**
 * Longest block laid out as one: a longer paragraph is drawn as several blocks, cut after a space (or,
 * in a run without one, between two code points). One block is laid out whole by the browser on each
 * change, and skipped (CSS content-visibility) only when it is all off screen, so a 1 MB line was laid out
 * in full on opening and after every legend toggle.
 */
export const MAX_BLOCK = 20_000;

/** `paragraphRanges`, with paragraphs longer than `max` cut into blocks; `more` marks a block continued by the next. */
export function blockRanges(text: string, max = MAX_BLOCK): { start: number; end: number; more: boolean }[] {
  const out: { start: number; end: number; more: boolean }[] = [];
  for (const p of paragraphRanges(text)) {
    let start = p.start;
    while (p.end - start > max) {
      let cut = text.lastIndexOf(' ', start + max);
      if (cut <= start + max / 2) cut = start + max;
      else cut += 1;
      // Never between the halves of a surrogate pair.
      if (/[\uDC00-\uDFFF]/u.test(text[cut] ?? '')) cut -= 1;
      out.push({ start, end: cut, more: true });
      start = cut;
    }
    out.push({ start, end: p.end, more: false });
  }
  return out;
}

export function layout(text: string, findings: readonly Spanned[], enabled: (i: number) => boolean): Paragraph[] {
  const order = findings.map((_, i) => i).filter(enabled).sort((a, b) => (findings[a]?.span.start ?? 0) - (findings[b]?.span.start ?? 0));
  const paragraphs: Paragraph[] = [];
  let first = 0;
  for (const p of blockRanges(text)) {
    while (first < order.length && (findings[order[first] as number]?.span.end ?? 0) <= p.start) first++;
    const here: number[] = [];
    // Findings are sorted by start; a long finding may still overlap later paragraphs, so scan from `first`.
    for (let k = first; k < order.length; k++) {
      const f = findings[order[k] as number] as Spanned;
      if (f.span.start >= p.end) break;
      if (f.span.end > p.start && f.span.end > f.span.start) here.push(order[k] as number);
    }
    // One sweep over the cuts, keeping the findings that cover the current piece: each piece used to filter
    // every finding of its paragraph, quadratic in a paragraph's findings (a 1 MB line with 30,000 findings
    // froze the tab for 40 s on opening and 15 s on each legend toggle).
    const cuts = new Set<number>([p.start, p.end]);
    const startsAt = new Map<number, number[]>();
    const endsAt = new Map<number, number[]>();
    const at = (m: Map<number, number[]>, k: number, i: number): void => {
      const list = m.get(k);
      if (list) list.push(i);
      else m.set(k, [i]);
    };
    for (const i of here) {
      const s = (findings[i] as Spanned).span;
      const a = Math.max(p.start, s.start);
      const b = Math.min(p.end, s.end);
      cuts.add(a);
      cuts.add(b);
      at(startsAt, a, i);
      at(endsAt, b, i);
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const pieces: Piece[] = [];
    // Insertion order is `here`'s (by start): the order the pieces listed their findings in before.
    const covering = new Set<number>();
    for (let j = 0; j + 1 < sorted.length; j++) {
      const start = sorted[j] as number;
      const end = sorted[j + 1] as number;
      for (const i of endsAt.get(start) ?? []) covering.delete(i);
      for (const i of startsAt.get(start) ?? []) covering.add(i);
      if (end <= start) continue;
      pieces.push({ start, end, findings: [...covering] });
    }
    paragraphs.push({ start: p.start, end: p.end, pieces, ...(p.more ? { more: true } : {}) });
  }
  return paragraphs;
}
