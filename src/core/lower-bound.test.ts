import { describe, expect, it } from 'vitest';
import { firstAtLeast } from './lower-bound.js';

describe('firstAtLeast', () => {
  it('is the index findIndex(v => v >= x) gives, or the length', () => {
    const values = [1, 3, 3, 3, 7, 10];
    for (const array of [values, Int32Array.from(values), Float64Array.from(values)]) {
      for (let x = -1; x <= 12; x += 0.5) {
        const expected = values.findIndex((v) => v >= x);
        expect(firstAtLeast(array, x), `${x}`).toBe(expected < 0 ? values.length : expected);
      }
    }
    expect(firstAtLeast([], 5)).toBe(0);
  });
});
