/**
 * The shared-task metrics: span identification F1 with partial-overlap credit (SemEval-2020 Task 11 SI),
 * the same restricted to matching techniques, micro-F1 of technique classification on given spans, and
 * paragraph-level micro/macro F1 over paragraph × technique pairs (SemEval-2023 Task 3).
 */

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(precision: number, recall: number): Prf {
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Merges overlapping ranges (the SI scorer merges overlapping spans of a document first). */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** Accumulates partial-overlap credit over documents: Σ|s∩t|/|s| for precision and Σ|s∩t|/|t| for recall. */
export class OverlapScore {
  private pSum = 0;
  private rSum = 0;
  private nPred = 0;
  private nGold = 0;

  add(pred: readonly Range[], gold: readonly Range[]): void {
    const P = mergeRanges(pred);
    const G = mergeRanges(gold);
    this.nPred += P.length;
    this.nGold += G.length;
    for (const s of P) for (const t of G) {
      const inter = Math.min(s.end, t.end) - Math.max(s.start, t.start);
      if (inter <= 0) continue;
      this.pSum += inter / (s.end - s.start);
      this.rSum += inter / (t.end - t.start);
    }
  }

  result(): Prf {
    return prf(this.nPred ? this.pSum / this.nPred : 0, this.nGold ? this.rSum / this.nGold : 0);
  }
}

/** Counts for micro/macro F1 over labels. */
export class LabelCounts {
  readonly tp = new Map<string, number>();
  readonly fp = new Map<string, number>();
  readonly fn = new Map<string, number>();

  add(pred: Iterable<string>, gold: Iterable<string>): void {
    const p = new Set(pred);
    const g = new Set(gold);
    for (const l of p) (g.has(l) ? this.tp : this.fp).set(l, ((g.has(l) ? this.tp : this.fp).get(l) ?? 0) + 1);
    for (const l of g) if (!p.has(l)) this.fn.set(l, (this.fn.get(l) ?? 0) + 1);
  }

  /** Adds multiset counts (technique classification: a span listed twice with two labels). */
  addMulti(pred: readonly string[], gold: readonly string[]): void {
    const left = [...gold];
    for (const l of pred) {
      const i = left.indexOf(l);
      if (i >= 0) {
        left.splice(i, 1);
        this.tp.set(l, (this.tp.get(l) ?? 0) + 1);
      } else this.fp.set(l, (this.fp.get(l) ?? 0) + 1);
    }
    for (const l of left) this.fn.set(l, (this.fn.get(l) ?? 0) + 1);
  }

  labels(): string[] {
    return [...new Set([...this.tp.keys(), ...this.fp.keys(), ...this.fn.keys()])].sort();
  }

  of(label: string): Prf & { support: number } {
    const tp = this.tp.get(label) ?? 0;
    const fp = this.fp.get(label) ?? 0;
    const fn = this.fn.get(label) ?? 0;
    return { ...prf(tp + fp ? tp / (tp + fp) : 0, tp + fn ? tp / (tp + fn) : 0), support: tp + fn };
  }

  micro(): Prf {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const v of this.tp.values()) tp += v;
    for (const v of this.fp.values()) fp += v;
    for (const v of this.fn.values()) fn += v;
    return prf(tp + fp ? tp / (tp + fp) : 0, tp + fn ? tp / (tp + fn) : 0);
  }

  /** Mean F1 over the labels that occur in the gold data. */
  macro(): number {
    const ls = this.labels().filter((l) => (this.tp.get(l) ?? 0) + (this.fn.get(l) ?? 0) > 0);
    return ls.length ? ls.reduce((s, l) => s + this.of(l).f1, 0) / ls.length : 0;
  }
}

/**
 * Per-label thresholds from label counts taken at each threshold of a grid: the micro-F1-best threshold for
 * every label, replaced by the label's own F1-best one where it has at least `minSupport` gold examples.
 */
export function perLabelThresholds(counts: readonly LabelCounts[], grid: readonly number[], labels: readonly string[], minSupport = 15): Record<string, number> {
  let global = grid[0] as number;
  let globalF = -1;
  counts.forEach((c, i) => {
    const f = c.micro().f1;
    if (f > globalF) {
      globalF = f;
      global = grid[i] as number;
    }
  });
  const out: Record<string, number> = {};
  for (const label of labels) {
    let best = global;
    if ((counts[0]?.of(label).support ?? 0) >= minSupport) {
      let bestF = -1;
      counts.forEach((c, i) => {
        const f = c.of(label).f1;
        if (f > bestF + 1e-9) {
          bestF = f;
          best = grid[i] as number;
        }
      });
    }
    out[label] = best;
  }
  return out;
}
