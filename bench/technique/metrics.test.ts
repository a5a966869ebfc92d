import { describe, expect, it } from 'vitest';
import { LabelCounts, mergeRanges, OverlapScore } from './metrics.js';

describe('technique metrics', () => {
  it.each([
    { name: 'disjoint stay', input: [{ start: 0, end: 2 }, { start: 3, end: 5 }], want: [{ start: 0, end: 2 }, { start: 3, end: 5 }] },
    { name: 'overlapping merge', input: [{ start: 3, end: 8 }, { start: 0, end: 4 }], want: [{ start: 0, end: 8 }] },
    { name: 'touching stay apart', input: [{ start: 0, end: 2 }, { start: 2, end: 4 }], want: [{ start: 0, end: 2 }, { start: 2, end: 4 }] },
    { name: 'empty dropped', input: [{ start: 5, end: 5 }], want: [] },
  ])('mergeRanges: $name', ({ input, want }) => {
    expect(mergeRanges(input)).toEqual(want);
  });

  it.each([
    // pred [0,10) vs gold [5,15): overlap 5 → precision 5/10, recall 5/10.
    { pred: [{ start: 0, end: 10 }], gold: [{ start: 5, end: 15 }], p: 0.5, r: 0.5 },
    // pred inside gold: full precision, recall 4/20.
    { pred: [{ start: 2, end: 6 }], gold: [{ start: 0, end: 20 }], p: 1, r: 0.2 },
    // one of two predictions hits: precision (1 + 0)/2, recall 1.
    { pred: [{ start: 0, end: 4 }, { start: 10, end: 12 }], gold: [{ start: 0, end: 4 }], p: 0.5, r: 1 },
    { pred: [], gold: [{ start: 0, end: 4 }], p: 0, r: 0 },
  ])('partial-overlap credit %#', ({ pred, gold, p, r }) => {
    const s = new OverlapScore();
    s.add(pred, gold);
    const got = s.result();
    expect(got.precision).toBeCloseTo(p, 6);
    expect(got.recall).toBeCloseTo(r, 6);
  });

  it('micro and macro F1 over label sets, and multiset credit for repeated spans', () => {
    const c = new LabelCounts();
    c.add(['A', 'B'], ['A']);
    c.add([], ['B']);
    expect(c.of('A').f1).toBe(1);
    expect(c.of('B').f1).toBe(0);
    expect(c.micro().precision).toBeCloseTo(0.5, 6);
    expect(c.micro().recall).toBeCloseTo(0.5, 6);
    expect(c.macro()).toBeCloseTo(0.5, 6);
    const m = new LabelCounts();
    m.addMulti(['A', 'B'], ['B', 'A']);
    m.addMulti(['A', 'A'], ['A', 'C']);
    expect(m.micro().f1).toBeCloseTo(3 / 4, 6);
  });
});
