import { describe, expect, it } from 'vitest';
import { classBiasRecord, tcHits, tuneClassBias, type TcGroup } from './class-bias.js';

const group = (probs: number[], gold: number[]): TcGroup => ({ logp: Float64Array.from(probs, (p) => Math.log(p)), gold });

describe('class biases for classification on given spans', () => {
  // The classifier always leans to technique 0; technique 1 is right whenever its probability is ≥ 0.3.
  const groups: TcGroup[] = [
    ...Array.from({ length: 6 }, () => group([0.6, 0.35, 0.05], [1])),
    ...Array.from({ length: 4 }, () => group([0.8, 0.15, 0.05], [0])),
    group([0.5, 0.4, 0.1], [1, 2]),
  ];

  it('counts gold labels matched by the top-m techniques', () => {
    // Without biases: the 4 spans of technique 0, and technique 1 of the two-label span (top 2: 0 and 1).
    expect(tcHits(groups, new Float64Array(3))).toBe(5);
    // Technique 1 raised by 1: its 6 spans as well; the 4 of technique 0 stay.
    expect(tcHits(groups, Float64Array.from([0, 1, 0]))).toBe(11);
  });

  it('finds biases that raise the matches, and keeps the zero vector when nothing helps', () => {
    const bias = tuneClassBias(groups, 3);
    expect(tcHits(groups, bias)).toBeGreaterThanOrEqual(11);
    expect((bias[1] as number) - (bias[0] as number)).toBeGreaterThan(Math.log(0.6 / 0.35));
    const balanced = [group([0.7, 0.2, 0.1], [0]), group([0.2, 0.7, 0.1], [1])];
    expect(Array.from(tuneClassBias(balanced, 3))).toEqual([0, 0, 0]);
  });

  it('stores non-zero biases by technique name', () => {
    expect(classBiasRecord(['A', 'B', 'C'], Float64Array.from([0, 0.12345, -1]))).toEqual({ B: 0.123, C: -1 });
  });
});
