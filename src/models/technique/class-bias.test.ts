import { describe, expect, it } from 'vitest';
import { classBiasOf, rankTechniques } from './class-bias.js';

describe('rankTechniques', () => {
  it('ranks by probability without biases, ties to the lower index', () => {
    expect(rankTechniques([0.2, 0.5, 0.2, 0.1], null)).toEqual([1, 0, 2, 3]);
  });

  it('adds each technique its bias to the log-probability', () => {
    // log 0.5 - log 0.3 ≈ 0.51: a bias of 0.6 on the second technique puts it first, 0.4 does not.
    expect(rankTechniques([0.5, 0.3, 0.2], [0, 0.6, 0])[0]).toBe(1);
    expect(rankTechniques([0.5, 0.3, 0.2], [0, 0.4, 0])[0]).toBe(0);
    expect(rankTechniques([0.5, 0.3, 0.2], [-1, 0, 0])).toEqual([1, 2, 0]);
  });

  it('copes with a zero probability', () => {
    expect(rankTechniques([0, 1], [5, 0])).toEqual([1, 0]);
  });
});

describe('classBiasOf', () => {
  it('aligns the stored biases with the classifier outputs (missing: 0)', () => {
    expect(Array.from(classBiasOf(['Doubt', 'Slogans', 'Repetition'], { Repetition: 0.5, Doubt: -0.25 }) as Float64Array)).toEqual([-0.25, 0, 0.5]);
    expect(classBiasOf(['Doubt'], undefined)).toBeNull();
  });

  it('refuses biases for techniques the classifier does not have', () => {
    expect(() => classBiasOf(['Doubt'], { Smears: 1 })).toThrow(/Smears/u);
  });
});
