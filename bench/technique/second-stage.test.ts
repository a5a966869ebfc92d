import { describe, expect, it } from 'vitest';
import { logisticScore } from '../../src/models/technique/second-stage.js';
import { trainLogistic } from './second-stage.js';

describe('second-stage logistic training', () => {
  // y = 1 when x0 > x1 (with one noisy point), x2 irrelevant.
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < 200; i++) {
    const x = [Math.sin(i * 1.7) * 3, Math.cos(i * 2.3) * 3, (i % 7) - 3];
    X.push(x);
    y.push(i === 5 ? 1 - Number(x[0]! > x[1]!) : Number(x[0]! > x[1]!));
  }

  it('learns a separating direction and is deterministic', () => {
    const m = trainLogistic(X, y, 1);
    const acc = X.filter((x, i) => (logisticScore(m, x) >= 0.5 ? 1 : 0) === y[i]).length / X.length;
    expect(acc).toBeGreaterThan(0.95);
    expect(m.weights[1]).toBeGreaterThan(0);
    expect(m.weights[2]).toBeLessThan(0);
    expect(Math.abs(m.weights[3] as number)).toBeLessThan(Math.abs(m.weights[1] as number) / 4);
    expect(JSON.stringify(trainLogistic(X, y, 1))).toBe(JSON.stringify(m));
  });

  it('fits soft targets: a constant target gives its probability', () => {
    const m = trainLogistic(X, X.map(() => 0.25), 1);
    expect(logisticScore(m, X[3] as number[])).toBeCloseTo(0.25, 3);
  });
});
