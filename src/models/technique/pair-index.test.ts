import { describe, expect, it } from 'vitest';
import { PairIndex } from './pair-index.js';

describe('PairIndex', () => {
  it('finds every stored pair and nothing else, like a Map keyed by the pair', () => {
    const entries: [number, number, number][] = [];
    const reference = new Map<string, number>();
    // Deterministic pseudo-random pairs, with repeats (a later entry replaces an earlier one).
    let x = 12345;
    const next = (n: number): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n);
    for (let i = 0; i < 3000; i++) {
      const e: [number, number, number] = [next(200), next(200), i];
      entries.push(e);
      reference.set(`${e[0]},${e[1]}`, e[2]);
    }
    const index = new PairIndex(entries);
    expect(index.size).toBe(reference.size);
    for (let a = 0; a < 200; a++) for (let b = 0; b < 200; b++) expect(index.get(a, b)).toBe(reference.get(`${a},${b}`) ?? -1);
  });

  it('handles an empty table and rejects negative entries', () => {
    expect(new PairIndex([]).get(0, 0)).toBe(-1);
    expect(() => new PairIndex([[-1, 0, 0]])).toThrow(RangeError);
  });
});
