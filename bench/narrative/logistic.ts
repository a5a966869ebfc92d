/**
 * L2-regularised logistic regression on sparse, L2-normalised vectors, fitted by full-batch gradient
 * descent with Nesterov momentum and a fixed number of steps: deterministic, no randomness, no library.
 */
import type { SparseVector } from '../../src/models/narrative/model.js';
import { sigmoid } from '../../src/models/narrative/model.js';

export interface LogisticOptions {
  readonly l2: number;
  readonly iterations: number;
  /** Weight of positive examples relative to negatives ('balanced' = n_neg / n_pos, capped). */
  readonly positiveWeight: number | 'balanced';
}

export function fitLogistic(
  xs: readonly SparseVector[],
  ys: readonly number[],
  dims: number,
  o: LogisticOptions,
): { bias: number; w: Float64Array } {
  const n = xs.length;
  const pos = ys.filter((y) => y > 0).length;
  const wPos =
    o.positiveWeight === 'balanced'
      ? Math.min(10, Math.max(1, (n - pos) / Math.max(1, pos)))
      : o.positiveWeight;
  const sw = ys.map((y) => (y > 0 ? wPos : 1));
  const total = sw.reduce((a, b) => a + b, 0);
  const w = new Float64Array(dims);
  const v = new Float64Array(dims);
  let b = 0;
  let vb = 0;
  const step = 1.5;
  const mu = 0.9;
  // Packed copies of the sparse vectors: iterating typed arrays is far faster than Map entries.
  const idx = xs.map((x) => Int32Array.from(x.keys()));
  const val = xs.map((x) => Float64Array.from(x.values()));
  const look = new Float64Array(dims);
  const grad = new Float64Array(dims);
  for (let it = 0; it < o.iterations; it++) {
    for (let j = 0; j < dims; j++) look[j] = w[j]! + mu * v[j]!;
    const lb = b + mu * vb;
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const ii = idx[i]!;
      const vv = val[i]!;
      let z = lb;
      for (let k = 0; k < ii.length; k++) z += look[ii[k]!]! * vv[k]!;
      const r = ((sigmoid(z) - (ys[i]! > 0 ? 1 : 0)) * sw[i]!) / total;
      for (let k = 0; k < ii.length; k++) grad[ii[k]!]! += r * vv[k]!;
      gb += r;
    }
    for (let j = 0; j < dims; j++) {
      const g = grad[j]! + o.l2 * look[j]!;
      v[j] = mu * v[j]! - step * g;
      w[j] = w[j]! + v[j]!;
    }
    vb = mu * vb - step * gb;
    b += vb;
  }
  return { bias: b, w };
}
