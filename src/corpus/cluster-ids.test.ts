import { describe, expect, it } from 'vitest';
import { carryClusterIds } from './cluster-ids.js';

const old = (entries: Record<number, string[]>): Map<number, Set<string>> =>
  new Map(Object.entries(entries).map(([id, m]) => [Number(id), new Set(m)]));

describe('carryClusterIds', () => {
  it('keeps the id of a cluster that grew or lost a member, and gives new groups none', () => {
    const previous = old({ 7: ['a', 'b'], 9: ['c', 'd', 'e'] });
    expect(
      carryClusterIds(previous, [
        ['x', 'y'],
        ['a', 'b', 'f', 'g'],
        ['c', 'd'],
      ]),
    ).toEqual([null, 7, 9]);
  });

  it('gives a split cluster its id once, to the part with most of its members', () => {
    const previous = old({ 3: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(
      carryClusterIds(previous, [
        ['a', 'b'],
        ['c', 'd', 'e', 'f'],
      ]),
    ).toEqual([null, 3]);
  });

  it('gives merged clusters the id of the larger share', () => {
    const previous = old({ 1: ['a', 'b'], 2: ['c', 'd', 'e'] });
    expect(carryClusterIds(previous, [['a', 'b', 'c', 'd', 'e']])).toEqual([2]);
  });

  it('does not carry an id over one shared member or a small share of a large group', () => {
    const previous = old({ 4: ['a', 'b'], 5: ['c', 'd', 'e', 'f', 'g', 'h'] });
    expect(
      carryClusterIds(previous, [
        ['a', 'z'],
        ['c', 'd', 'p', 'q', 'r', 's', 't'],
      ]),
    ).toEqual([null, null]);
  });

  it('breaks ties by the earlier new cluster and the lower old id', () => {
    const previous = old({ 8: ['a', 'b'], 6: ['c', 'd'] });
    expect(
      carryClusterIds(previous, [
        ['a', 'b', 'c', 'd'],
        ['a', 'b'],
      ]),
    ).toEqual([6, 8]);
  });
});
