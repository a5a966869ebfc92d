import { describe, expect, it } from 'vitest';
import { contains, difference, intersectAll, parseIdList, toIdSet } from './id-set.js';

const naive = (sets: number[][]): number[] => [...new Set(sets[0])].filter((x) => sets.every((s) => s.includes(x))).sort((a, b) => a - b);

describe('id sets', () => {
  it('sorts and removes duplicates', () => {
    expect(Array.from(toIdSet([5, 1, 5, 3, 1]))).toEqual([1, 3, 5]);
    expect(Array.from(parseIdList('9,2,2,40,7'))).toEqual([2, 7, 9, 40]);
    expect(Array.from(parseIdList(null))).toEqual([]);
  });

  it('intersects and subtracts like the naive definitions, on random sets', () => {
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 50; round++) {
      const sets = Array.from({ length: 1 + rand(3) }, () => Array.from({ length: rand(200) }, () => rand(300)));
      expect(Array.from(intersectAll(sets.map((s) => toIdSet(s))))).toEqual(naive(sets));
      const [a = [], b = []] = sets;
      expect(Array.from(difference(toIdSet(a), toIdSet(b)))).toEqual([...new Set(a)].filter((x) => !b.includes(x)).sort((x, y) => x - y));
      const probe = rand(300);
      expect(contains(toIdSet(a), probe)).toBe(a.includes(probe));
    }
    expect(Array.from(intersectAll([]))).toEqual([]);
  });
});
