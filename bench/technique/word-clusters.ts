/**
 * The word-cluster table of the technique model: spherical k-means over the unit vectors of the most
 * frequent words of the word-vector table (its first rows; the table is in frequency order). Label-free, so
 * it is built once per training run and shared by every fold. Deterministic: centroid c starts at row
 * floor(c × rows / k), each row joins the centroid of largest dot product (first on ties), centroids are the
 * normalised sums of their rows (an empty cluster keeps a zero centroid).
 */
import type { WordVectors } from '../../src/models/vectors/word-vectors.js';

export const CLUSTER_ROWS = 30000;
export const CLUSTER_K = 800;
export const CLUSTER_ITERATIONS = 12;

export function buildWordClusters(vectors: WordVectors, rows = CLUSTER_ROWS, k = CLUSTER_K, iterations = CLUSTER_ITERATIONS): Uint16Array {
  const N = Math.min(rows, vectors.size);
  const D = vectors.dims;
  if (k > 65536) throw new Error('word clusters: at most 65536 clusters fit the Uint16 table');
  const units = new Float32Array(N * D);
  for (let r = 0; r < N; r++) units.set(vectors.unitRow(r), r * D);
  const cent = new Float32Array(k * D);
  for (let c = 0; c < k; c++) cent.set(units.subarray(Math.floor((c * N) / k) * D, Math.floor((c * N) / k) * D + D), c * D);
  const cluster = new Uint16Array(N);
  for (let it = 0; it < iterations; it++) {
    const sum = new Float32Array(k * D);
    for (let r = 0; r < N; r++) {
      const o = r * D;
      let best = 0;
      let bs = -Infinity;
      for (let c = 0; c < k; c++) {
        const q = c * D;
        let d = 0;
        for (let j = 0; j < D; j++) d += (units[o + j] as number) * (cent[q + j] as number);
        if (d > bs) {
          bs = d;
          best = c;
        }
      }
      cluster[r] = best;
      const q = best * D;
      for (let j = 0; j < D; j++) sum[q + j] = (sum[q + j] as number) + (units[o + j] as number);
    }
    for (let c = 0; c < k; c++) {
      const q = c * D;
      let n = 0;
      for (let j = 0; j < D; j++) n += (sum[q + j] as number) ** 2;
      n = Math.sqrt(n) || 1;
      for (let j = 0; j < D; j++) cent[q + j] = (sum[q + j] as number) / n;
    }
  }
  return cluster;
}
