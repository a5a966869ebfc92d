import { describe, expect, it } from 'vitest';
import {
  cosine,
  loadWordVectors,
  parseWordVectors,
  serializeWordVectors,
} from '../../src/models/vectors/word-vectors.js';

describe('word-vector file format', () => {
  it('round-trips words and int8-quantised vectors (per-vector scale)', () => {
    const bytes = serializeWordVectors(
      ['alpha', 'beta', 'zero'],
      [
        [1, -2, 0.5],
        [0.1, 0.1, -0.3],
        [0, 0, 0],
      ],
      3,
      { source: 'test', licence: 'test' },
    );
    const v = parseWordVectors(bytes);
    expect([v.size, v.dims, v.indexOf('beta'), v.indexOf('gamma')]).toEqual([3, 3, 1, -1]);
    const a = v.vector('alpha')!;
    [1, -2, 0.5].forEach((x, i) => expect(Math.abs(a[i]! - x)).toBeLessThan(2 / 127));
    expect(cosine(v.vector('beta')!, [0.1, 0.1, -0.3])).toBeGreaterThan(0.999);
    expect(v.similarity('alpha', 'gamma')).toBeNull();
    expect(v.mean(['alpha', 'nope'])).toEqual(v.vector('alpha'));
  });

  it('refuses bytes that are not a vectors file, and truncated files', () => {
    expect(() => parseWordVectors(new Uint8Array([1, 2, 3]))).toThrow(/bad magic/u);
    const bytes = serializeWordVectors(
      ['a', 'b'],
      [
        [1, 2],
        [3, 4],
      ],
      2,
      { source: 't', licence: 't' },
    );
    expect(() => parseWordVectors(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/u);
  });
});

describe('committed vectors (src/models/vectors/words.bin)', () => {
  const v = loadWordVectors();
  it('covers common English with 100 dimensions', () => {
    expect(v.dims).toBe(100);
    expect(v.size).toBeGreaterThan(30_000);
    for (const w of ['the', 'vaccine', 'election', 'ukraine', 'hurricane']) expect(v.has(w), w).toBe(true);
  });

  it('puts related words closer than unrelated ones', () => {
    expect(v.similarity('vaccine', 'vaccination')!).toBeGreaterThan(v.similarity('vaccine', 'bridge')! + 0.3);
    expect(v.similarity('president', 'minister')!).toBeGreaterThan(v.similarity('president', 'banana')!);
  });
});
