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
    return new SourceMap(this.anchors.map((a) => ({ normalised: a.normalised, original: outer.toOriginal(a.original) })));
  }

  toJSON(): SourceAnchor[] {
    return [...this.anchors];
  }
}
