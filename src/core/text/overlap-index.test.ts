import { describe, expect, it } from 'vitest';
import { OverlapIndex } from './overlap-index.js';
import { overlaps, type Span } from './span.js';

/** Seeded linear congruential generator: the same spans on every run, so a failure can be replayed. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
}

/** A span in [0, 3000): mostly short, some empty, some long enough to cover many buckets. */
function randomSpan(draw: (n: number) => number): Span {
  const start = draw(3000);
  const kind = draw(10);
  const length = kind === 0 ? 0 : kind === 1 ? draw(2000) : draw(40);
  return { start, end: Math.min(3000, start + length) };
}

describe('OverlapIndex', () => {
  it.each([1, 2, 3, 4, 5])('answers as find and filter over the spans in order do (seed %i)', (seed) => {
    const draw = generator(seed);
    const spans = Array.from({ length: 400 }, () => randomSpan(draw));
    const index = new OverlapIndex();
    for (const s of spans) index.add(s);
    expect(index.size).toBe(spans.length);
    for (let q = 0; q < 400; q++) {
      const query = randomSpan(draw);
      expect(index.first(query)).toBe(spans.findIndex((s) => overlaps(s, query)));
      expect(index.all(query)).toEqual(spans.flatMap((s, i) => (overlaps(s, query) ? [i] : [])));
    }
  });

  it('reads spans given as getters when asked, so a span may shrink after it was added', () => {
    const draw = generator(7);
    const spans = Array.from({ length: 300 }, () => ({ span: randomSpan(draw) }));
    const index = new OverlapIndex();
    for (const s of spans) index.add(() => s.span);
    for (let q = 0; q < 300; q++) {
      const shrunk = spans[draw(spans.length)] as { span: Span };
      const start = shrunk.span.start + draw(shrunk.span.end - shrunk.span.start + 1);
      shrunk.span = { start, end: start + draw(shrunk.span.end - start + 1) };
      const query = randomSpan(draw);
      expect(index.first(query)).toBe(spans.findIndex((s) => overlaps(s.span, query)));
      expect(index.all(query)).toEqual(spans.flatMap((s, i) => (overlaps(s.span, query) ? [i] : [])));
    }
  });

  it('finds an empty span inside another and a span around an empty question, as overlaps does', () => {
    const index = new OverlapIndex();
    index.add({ start: 600, end: 600 });
    index.add({ start: 0, end: 1000 });
    expect(index.all({ start: 599, end: 601 })).toEqual([0, 1]);
    expect(index.all({ start: 600, end: 600 })).toEqual([1]);
    expect(index.first({ start: 600, end: 700 })).toBe(1);
    expect(index.first({ start: 2000, end: 2100 })).toBe(-1);
  });
});
