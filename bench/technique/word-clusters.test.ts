import { describe, expect, it } from 'vitest';
import { parseWordVectors, serializeWordVectors } from '../../src/models/vectors/word-vectors.js';
import { buildWordClusters } from './word-clusters.js';

describe('buildWordClusters', () => {
  it('groups words by direction, deterministically', () => {
    // Two directions, each with small variations; the initial centroids are rows 0 and 2.
    const rows: [string, number[]][] = [
      ['a1', [1, 0.1, 0]],
      ['a2', [1, -0.1, 0.05]],
      ['b1', [0, 1, 0.1]],
      ['b2', [0.05, 1, -0.1]],
      ['a3', [2, 0, 0.1]],
      ['b3', [0, 3, 0]],
    ];
    const bytes = serializeWordVectors(
      rows.map(([w]) => w),
      rows.map(([, v]) => Float32Array.from(v)),
      3,
      { source: 'test', licence: 'test' },
    );
    const vectors = parseWordVectors(bytes);
    const c = buildWordClusters(vectors, 6, 2, 3);
    expect(Array.from(c)).toEqual([0, 0, 1, 1, 0, 1]);
    expect(Array.from(buildWordClusters(vectors, 6, 2, 3))).toEqual(Array.from(c));
    // Only the first rows are clustered.
    expect(buildWordClusters(vectors, 4, 2, 3).length).toBe(4);
  });
});
