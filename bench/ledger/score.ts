/**
 * Scores ledger items against gold items written as text (test/fixtures/ledger/*.json). A predicted item
 * matches a gold item when their claims overlap by at least half of the longer one and their rebuttals do
 * too (or both have none); matching is one-to-one, in document order. Exact-span rates are reported for
 * matched claims, rebuttals and motives.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerItem } from '../../src/core/result/types.js';

export interface GoldItem {
  readonly claim: string;
  readonly rebuttal: string | null;
  readonly motive?: string;
  readonly index?: string;
  readonly partial?: boolean;
}

export interface Fixture {
  readonly name: string;
  readonly layout: string;
  readonly language: string;
  readonly text: string;
  readonly items: readonly GoldItem[];
}

export function loadFixtures(dir: string): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.json$/u, '');
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        layout: string;
        language: string;
        items: GoldItem[];
      };
      return {
        name,
        layout: gold.layout,
        language: gold.language,
        text: readFileSync(join(dir, `${name}.txt`), 'utf8'),
        items: gold.items,
      };
    });
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Finds gold strings in the text, each after the previous one. */
export function locate(
  text: string,
  items: readonly GoldItem[],
): { claim: Span; rebuttal: Span | null; motive: Span | null }[] {
  let from = 0;
  return items.map((g) => {
    const find = (s: string): Span => {
      // Split lists give all claims before all rebuttals: fall back to a search from the start.
      let i = text.indexOf(s, from);
      if (i < 0) i = text.indexOf(s);
      if (i < 0) throw new Error(`gold text not found: ${s.slice(0, 60)}`);
      return { start: i, end: i + s.length };
    };
    const claim = find(g.claim);
    from = claim.end;
    const motive = g.motive ? find(g.motive) : null;
    if (motive) from = motive.end;
    const rebuttal = g.rebuttal ? find(g.rebuttal) : null;
    if (rebuttal && rebuttal.start > from) from = rebuttal.end;
    return { claim, rebuttal, motive };
  });
}

function overlapRatio(a: Span | null, b: Span | null): number {
  if (!a || !b) return a === b ? 1 : 0;
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / Math.max(a.end - a.start, b.end - b.start, 1);
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  exactClaim: number;
  exactRebuttal: number;
  exactMotive: number;
  motives: number;
}

export function emptyScore(): Score {
  return { tp: 0, fp: 0, fn: 0, exactClaim: 0, exactRebuttal: 0, exactMotive: 0, motives: 0 };
}

export function scoreDocument(
  text: string,
  gold: readonly GoldItem[],
  predicted: readonly LedgerItem[],
): Score {
  const spans = locate(text, gold);
  const s = emptyScore();
  const used = new Set<number>();
  spans.forEach((g, gi) => {
    const k = predicted.findIndex(
      (p, i) =>
        !used.has(i) && overlapRatio(p.claim, g.claim) >= 0.5 && overlapRatio(p.rebuttal, g.rebuttal) >= 0.5,
    );
    if (k < 0) {
      s.fn++;
      return;
    }
    used.add(k);
    s.tp++;
    const p = predicted[k] as LedgerItem;
    if (p.claim && p.claim.start === g.claim.start && p.claim.end === g.claim.end) s.exactClaim++;
    if (
      (p.rebuttal === null && g.rebuttal === null) ||
      (p.rebuttal && g.rebuttal && p.rebuttal.start === g.rebuttal.start && p.rebuttal.end === g.rebuttal.end)
    )
      s.exactRebuttal++;
    if (g.motive) {
      s.motives++;
      if (p.motive && g.motive && p.motive.text === (gold[gi] as GoldItem).motive) s.exactMotive++;
    }
  });
  s.fp = predicted.length - used.size;
  return s;
}

export function add(a: Score, b: Score): Score {
  return {
    tp: a.tp + b.tp,
    fp: a.fp + b.fp,
    fn: a.fn + b.fn,
    exactClaim: a.exactClaim + b.exactClaim,
    exactRebuttal: a.exactRebuttal + b.exactRebuttal,
    exactMotive: a.exactMotive + b.exactMotive,
    motives: a.motives + b.motives,
  };
}

export function prf(s: Score): { p: number; r: number; f1: number } {
  const p = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const r = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
