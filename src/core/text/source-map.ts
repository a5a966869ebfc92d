/**
 * Maps offsets in a normalised text back to offsets in the original input (a raw file with CRLF, a BOM,
 * or HTML markup). Stored as anchors: from each anchor on, original = anchor.original + (n - anchor.normalised)
 * until the next anchor. Deletions in the original simply make the next anchor jump ahead.
 */
export interface SourceAnchor {
  readonly normalised: number;
  readonly original: number;
}

export class SourceMap {
  readonly anchors: readonly SourceAnchor[];

  constructor(anchors: readonly SourceAnchor[]) {
    const sorted = [...anchors].sort((a, b) => a.normalised - b.normalised);
    this.anchors = sorted.length > 0 && sorted[0]?.normalised === 0 ? sorted : [{ normalised: 0, original: 0 }, ...sorted];
  }

  static identity(): SourceMap {
    return new SourceMap([{ normalised: 0, original: 0 }]);
  }

  toOriginal(offset: number): number {
    let lo = 0;
    let hi = this.anchors.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.anchors[mid] as SourceAnchor).normalised <= offset) lo = mid;
      else hi = mid - 1;
    }
    const a = this.anchors[lo] as SourceAnchor;
    return a.original + (offset - a.normalised);
  }

  /** Maps through this map and then through `outer` (e.g. normalised → decoded → raw bytes view). */
  compose(outer: SourceMap): SourceMap {
    // Breakpoints of the composition are this map's anchors plus every anchor of `outer` that lands on a
    // kept (not deleted) offset of this map; mapping only this map's anchors would lose outer's jumps.
    const points = new Set<number>(this.anchors.map((a) => a.normalised));
    for (const o of outer.anchors) {
      const n = this.fromOriginal(o.normalised);
      if (n !== undefined) points.add(n);
    }
    const sorted = [...points].sort((a, b) => a - b);
    return new SourceMap(sorted.map((n) => ({ normalised: n, original: outer.toOriginal(this.toOriginal(n)) })));
  }

  /** The normalised offset that maps exactly to `original`, or undefined when that offset was deleted. */
  private fromOriginal(original: number): number | undefined {
    let lo = 0;
    let hi = this.anchors.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.anchors[mid] as SourceAnchor).original <= original) lo = mid;
      else hi = mid - 1;
    }
    // Several anchors may share an original offset; take the last, which is the one lookups use.
    const a = this.anchors[lo] as SourceAnchor;
    if (a.original > original) return undefined;
    const n = a.normalised + (original - a.original);
    const next = this.anchors[lo + 1];
    if (next && n >= next.normalised) return undefined;
    return this.toOriginal(n) === original ? n : undefined;
  }

  toJSON(): SourceAnchor[] {
    return [...this.anchors];
  }
}
