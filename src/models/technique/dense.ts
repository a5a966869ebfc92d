/**
 * The dense span model: a softmax layer over the span vector (`spanVector` in `word-clusters.ts`), whose
 * logits, times λ, are added to the sparse classifier's before the softmax. It carries what the sparse
 * features miss: the meaning of words the training data saw rarely or never.
 */
import type { WordVectors } from '../vectors/word-vectors.js';
import type { FeatureDoc } from './features.js';
import { tokenRow, tokenRows } from './word-clusters.js';
export interface DenseArtefact {
  /** Tokens of context on each side of the span. */
  readonly context: number;
  /** Weight λ of the dense logits in the sum. */
  readonly lambda: number;
  /** Input size (2 × vector dims + 1). */
  readonly inputs: number;
  /** Weights, input-major (w[j * K + k]), float32 little-endian in base64; K = the classifier's outputs. */
  readonly weights: string;
}

export interface DenseModel {
  readonly context: number;
  readonly lambda: number;
  readonly inputs: number;
  readonly outputs: number;
  readonly weights: Float32Array;
}

export function saveDense(weights: ArrayLike<number>, inputs: number, context: number, lambda: number): DenseArtefact {
  const w = Float32Array.from(weights as ArrayLike<number>);
  const bytes = Buffer.alloc(w.length * 4);
  for (let i = 0; i < w.length; i++) bytes.writeFloatLE(w[i] as number, i * 4);
  return { context, lambda, inputs, weights: bytes.toString('base64') };
}

export function loadDense(a: DenseArtefact, outputs: number, dims: number): DenseModel {
  if (a.inputs !== 2 * dims + 1) throw new Error(`technique model: dense span model expects ${a.inputs} inputs, the word vectors give ${2 * dims + 1}; rebuild it with \`npm run train technique\``);
  const bytes = Buffer.from(a.weights, 'base64');
  if (bytes.byteLength !== a.inputs * outputs * 4) throw new Error(`technique model: dense span model has ${bytes.byteLength / 4} weights for ${a.inputs} inputs × ${outputs} outputs`);
  const weights = new Float32Array(a.inputs * outputs);
  for (let i = 0; i < weights.length; i++) weights[i] = bytes.readFloatLE(i * 4);
  return { context: a.context, lambda: a.lambda, inputs: a.inputs, outputs, weights };
}

/** Adds λ × the dense logits of span vector `x` to `z` (in place). */
export function addDenseLogits(m: DenseModel, x: Float64Array, z: Float64Array): Float64Array {
  const K = m.outputs;
  const w = m.weights;
  const d = new Float64Array(K);
  for (let j = 0; j < m.inputs; j++) {
    const v = x[j] as number;
    if (v === 0) continue;
    const base = j * K;
    for (let k = 0; k < K; k++) d[k] = (d[k] as number) + (w[base + k] as number) * v;
  }
  for (let k = 0; k < K; k++) z[k] = (z[k] as number) + m.lambda * (d[k] as number);
  return z;
}

/**
 * Per model, the dense logits of each word-vector row seen so far, as a span token (K values, `inside`) and
 * as a context token (K values, `around`): the layer is linear, so a span's logits are the mean of its
 * tokens' plus the mean of its context's plus the bias row, and each word's 2 × dims × K products are paid
 * once per process. Float32 and one table per role keep the rows a span reads few and close together.
 */
interface RowLogits {
  /** Slot of row r (its values at slot × K), or -1 when not computed yet. */
  readonly slot: Int32Array;
  inside: Float32Array;
  around: Float32Array;
  used: number;
}

const rowLogits = new WeakMap<DenseModel, RowLogits>();

function rowLogitsOf(m: DenseModel, vectors: WordVectors): RowLogits {
  let t = rowLogits.get(m);
  if (!t) {
    t = { slot: new Int32Array(vectors.size).fill(-1), inside: new Float32Array(m.outputs * 1024), around: new Float32Array(m.outputs * 1024), used: 0 };
    rowLogits.set(m, t);
  }
  return t;
}

function slotOf(m: DenseModel, vectors: WordVectors, t: RowLogits, row: number): number {
  const K = m.outputs;
  const D = vectors.dims;
  if ((t.used + 1) * K > t.inside.length) {
    const inside = new Float32Array(t.inside.length * 2);
    inside.set(t.inside);
    t.inside = inside;
    const around = new Float32Array(t.around.length * 2);
    around.set(t.around);
    t.around = around;
  }
  const s = t.used++;
  t.slot[row] = s;
  const u = vectors.unitRow(row);
  const w = m.weights;
  const di = new Float64Array(K);
  const da = new Float64Array(K);
  for (let j = 0; j < D; j++) {
    const v = u[j] as number;
    if (v === 0) continue;
    const wi = j * K;
    const wa = (D + j) * K;
    for (let k = 0; k < K; k++) {
      di[k] = (di[k] as number) + (w[wi + k] as number) * v;
      da[k] = (da[k] as number) + (w[wa + k] as number) * v;
    }
  }
  t.inside.set(di, s * K);
  t.around.set(da, s * K);
  return s;
}

let spanSums = new Float64Array(0);

/**
 * Adds λ × the dense logits of the span of tokens [a, b) to `z` (in place): the same value as
 * `addDenseLogits(m, spanVector(vectors, fd, a, b, m.context), z)` up to rounding, without the span vector.
 */
export function addDenseSpanLogits(m: DenseModel, vectors: WordVectors, fd: FeatureDoc, a: number, b: number, z: Float64Array): Float64Array {
  const K = m.outputs;
  const t = rowLogitsOf(m, vectors);
  const rows = tokenRows(vectors, fd);
  // The inside sums at [0, K) and the around sums at [K, 2K) of one buffer reused across calls (this runs
  // for every candidate span): a fresh Float64Array of more than 8 values is allocated outside V8's heap,
  // which costs more here than the sums themselves.
  if (spanSums.length < 2 * K) spanSums = new Float64Array(2 * K);
  const sums = spanSums;
  sums.fill(0, 0, 2 * K);
  let nIn = 0;
  let nAround = 0;
  for (let k = a; k < b; k++) {
    const r = tokenRow(rows, fd, k);
    if (r < 0) continue;
    let s = t.slot[r] as number;
    if (s < 0) s = slotOf(m, vectors, t, r);
    const o = s * K;
    const pool = t.inside;
    for (let q = 0; q < K; q++) sums[q] = (sums[q] as number) + (pool[o + q] as number);
    nIn++;
  }
  const lo = Math.max(0, a - m.context);
  const hi = Math.min(fd.tokens.length, b + m.context);
  for (let k = lo; k < hi; k++) {
    if (k === a && b > a) k = b;
    if (k >= hi) break;
    const r = tokenRow(rows, fd, k);
    if (r < 0) continue;
    let s = t.slot[r] as number;
    if (s < 0) s = slotOf(m, vectors, t, r);
    const o = s * K;
    const pool = t.around;
    for (let q = 0; q < K; q++) sums[K + q] = (sums[K + q] as number) + (pool[o + q] as number);
    nAround++;
  }
  const bias = (m.inputs - 1) * K;
  const w = m.weights;
  for (let q = 0; q < K; q++) {
    let d = w[bias + q] as number;
    if (nIn) d += (sums[q] as number) / nIn;
    if (nAround) d += (sums[K + q] as number) / nAround;
    z[q] = (z[q] as number) + m.lambda * d;
  }
  return z;
}
