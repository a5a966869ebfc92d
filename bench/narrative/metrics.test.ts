import { describe, expect, it } from 'vitest';
import { assignFolds } from './cv.js';
import type { GoldDocument } from './data.js';
import { fitLogistic } from './logistic.js';
import { samplesF1, setF1 } from './metrics.js';

describe('samples-F1', () => {
  const s = (...x: string[]): Set<string> => new Set(x);
  it.each([
    [s(), s(), 1],
    [s('A'), s(), 0],
    [s(), s('A'), 0],
    [s('A', 'B'), s('A'), 2 / 3],
    [s('A'), s('A', 'B', 'C'), 0.5],
  ])('%j vs %j → %d', (pred, gold, f1) => {
    expect(setF1(pred, gold)).toBeCloseTo(f1, 9);
  });
  it('averages per document', () => {
    expect(
      samplesF1([
        { pred: s('A'), gold: s('A') },
        { pred: s('B'), gold: s() },
      ]),
    ).toBe(0.5);
  });
});

describe('training helpers', () => {
  it('logistic regression separates a toy problem deterministically', () => {
    const xs = [
      new Map([[0, 1]]),
      new Map([
        [0, 0.8],
        [2, 0.6],
      ]),
      new Map([[1, 1]]),
      new Map([
        [1, 0.6],
        [2, 0.8],
      ]),
    ];
    const ys = [1, 1, 0, 0];
    const a = fitLogistic(xs, ys, 3, { l2: 0.001, iterations: 100, positiveWeight: 1 });
    const b = fitLogistic(xs, ys, 3, { l2: 0.001, iterations: 100, positiveWeight: 1 });
    expect(a.w[0]).toBeGreaterThan(0);
    expect(a.w[1]).toBeLessThan(0);
    expect([...a.w, a.bias]).toEqual([...b.w, b.bias]);
  });
  it('folds are stratified and fixed by the seed', () => {
    const docs = Array.from(
      { length: 20 },
      (_, i) =>
        ({
          id: `${i}`,
          text: '',
          coarse: new Set(i % 2 ? ['X'] : []),
          fine: new Set<string>(),
          domain: i < 10 ? 'URW' : 'CC',
        }) as GoldDocument,
    );
    const folds = assignFolds(docs, 5, 7);
    expect(assignFolds(docs, 5, 7)).toEqual(folds);
    for (let f = 0; f < 5; f++) expect(folds.filter((x) => x === f)).toHaveLength(4);
  });
});
