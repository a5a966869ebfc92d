import { overlaps, type Span } from './span.js';

/** Characters per bucket: a span is listed in every bucket it covers. */
const BUCKET = 256;

/**
 * Spans (numbered 0, 1, ... in the order they are added) by the stretches of text they cover, for asking
 * which of them overlap a span (`overlaps`: they share a character, or an empty one lies strictly inside)
 * without testing every one: `find`/`filter` over a list, asked once per item of another list, took time
 * proportional to the product of the two lengths (thousands of "Myth:/Fact:" items). A span is listed in
 * each bucket of BUCKET characters it covers, so adding costs its length / BUCKET and a question visits
 * the spans listed where the asked span lies. A span given as a getter may shrink after it was added (a
 * shrunk span is still listed where it was, and every answer tests the current span).
 */
export class OverlapIndex {
  private readonly buckets = new Map<number, number[]>();
  private readonly spans: (() => Span)[] = [];
  /** Generation stamp per span, so that one visited in several buckets is taken once per question. */
  private seen = new Uint32Array(64);
  private generation = 0;

  /** Adds a span (or a getter of a span that may shrink) and returns its number. */
  add(span: Span | (() => Span)): number {
    const id = this.spans.length;
    const get = typeof span === 'function' ? span : (): Span => span;
    this.spans.push(get);
    const { start, end } = get();
    const last = Math.max(start, end - 1);
    for (let b = Math.floor(start / BUCKET); b <= Math.floor(last / BUCKET); b++) {
      const list = this.buckets.get(b);
      if (list) list.push(id);
      else this.buckets.set(b, [id]);
    }
    return id;
  }

  get size(): number {
    return this.spans.length;
  }

  /** The lowest number of a span overlapping `span` (what `find` over the spans in order returns), or -1. */
  first(span: Span): number {
    let best = -1;
    this.visit(span, (id) => {
      if (best < 0 || id < best) best = id;
    });
    return best;
  }

  /** The numbers of the spans overlapping `span`, ascending (what `filter` over the spans in order keeps). */
  all(span: Span): number[] {
    const out: number[] = [];
    this.visit(span, (id) => out.push(id));
    return out.sort((a, b) => a - b);
  }

  private visit(span: Span, take: (id: number) => void): void {
    if (++this.generation === 0xffffffff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    if (this.seen.length < this.spans.length) {
      const grown = new Uint32Array(Math.max(this.spans.length, 2 * this.seen.length));
      grown.set(this.seen);
      this.seen = grown;
    }
    const last = Math.max(span.start, span.end - 1);
    for (let b = Math.floor(span.start / BUCKET); b <= Math.floor(last / BUCKET); b++) {
      const list = this.buckets.get(b);
      if (!list) continue;
      for (const id of list) {
        if (this.seen[id] === this.generation) continue;
        this.seen[id] = this.generation;
        if (overlaps((this.spans[id] as () => Span)(), span)) take(id);
      }
    }
  }
}
