/**
 * A sparse linear model over named features: K outputs (K = 1 for a binary logistic model, K labels for a
 * softmax classifier). Weights are stored quantised (int16, one scale) in base64 so that the artefact stays
 * small and loads in milliseconds; names are kept so that the features that fire can be shown as evidence.
 */

export interface LinearArtefact {
  readonly outputs: readonly string[];
  readonly features: readonly string[];
  /** Weight of feature f for output k is int[f * K + k] * scale. */
  readonly scale: number;
  /** Integer width of the stored weights: 16 (default) or 8 (multi-output models, to halve the size). */
  readonly bits?: 8 | 16;
  readonly weights: string;
}

export interface LinearModel {
  readonly outputs: readonly string[];
  readonly features: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly weights: Float32Array;
  /**
   * The same weights as stored (8-bit models): `weights[i] === lut[ints[i] + 128]`. A row of 19 outputs is
   * 19 bytes here against 76 in `weights`, so scoring, which reads one row per feature at random places in a
   * table of megabytes, misses the cache far less often; the values, and so every sum, are the same.
   */
  readonly quantised?: { readonly ints: Int8Array; readonly lut: Float64Array };
}

export function loadLinear(a: LinearArtefact): LinearModel {
  const bytes = Buffer.from(a.weights, 'base64');
  const copy = new Uint8Array(bytes); // aligned copy for the typed-array view
  const ints = a.bits === 8 ? new Int8Array(copy.buffer) : new Int16Array(copy.buffer, 0, copy.byteLength / 2);
  const k = a.outputs.length;
  if (ints.length !== a.features.length * k) throw new Error(`technique model: ${ints.length} weights for ${a.features.length} features × ${k} outputs`);
  const weights = new Float32Array(ints.length);
  for (let i = 0; i < ints.length; i++) weights[i] = (ints[i] as number) * a.scale;
  // The name → id index is built on first use: the tagger is scored through its own integer tables
  // (fast-tagger.ts) and never reads it, and building it for its ~77,000 names costs tens of milliseconds at
  // every process start.
  let index: Map<string, number> | undefined;
  let quantised: LinearModel['quantised'];
  if (ints instanceof Int8Array) {
    // Math.fround: the value a Float32Array store of the same product keeps.
    const lut = new Float64Array(256);
    for (let i = -128; i < 128; i++) lut[i + 128] = Math.fround(i * a.scale);
    quantised = { ints, lut };
  }
  return {
    outputs: a.outputs,
    features: a.features,
    get index(): ReadonlyMap<string, number> {
      if (!index) {
        index = new Map<string, number>();
        const names = a.features;
        for (let i = 0; i < names.length; i++) index.set(names[i] as string, i);
      }
      return index;
    },
    weights,
    ...(quantised ? { quantised } : {}),
  };
}

/** Quantises dense weights (features × outputs) for the artefact. */
export function saveLinear(outputs: readonly string[], features: readonly string[], weights: ArrayLike<number>, bits: 8 | 16 = 16): LinearArtefact {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i] as number));
  const top = bits === 8 ? 127 : 32767;
  const scale = max > 0 ? max / top : 1;
  const ints = bits === 8 ? new Int8Array(weights.length) : new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) ints[i] = Math.round((weights[i] as number) / scale);
  return { outputs, features, scale, bits, weights: Buffer.from(ints.buffer, ints.byteOffset, ints.byteLength).toString('base64') };
}

/** Indices of the known features among `names` (unknown ones are dropped). */
export function featureIds(model: LinearModel, names: readonly string[]): number[] {
  const ids: number[] = [];
  for (const n of names) {
    const id = model.index.get(n);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** Sum of the weights of `ids` for output `k`. */
export function scoreOne(model: LinearModel, ids: readonly number[], k = 0): number {
  const K = model.outputs.length;
  let s = 0;
  for (const id of ids) s += model.weights[id * K + k] as number;
  return s;
}

let slab = new Float64Array(0);
let slabUsed = 0;

/**
 * `new Float64Array(n)` (zeros) for a small n, cut from a shared block: V8 allocates a typed array of more
 * than 64 bytes outside its heap, ~0.8 µs each against ~0.2 µs for a view of a block (measured for 19
 * values), and every candidate span and paragraph gets one. A block lives as long as any row cut from it.
 */
export function zeroRow(n: number): Float64Array {
  if (n > 256) return new Float64Array(n);
  if (slabUsed + n > slab.length) {
    slab = new Float64Array(4096);
    slabUsed = 0;
  }
  const row = slab.subarray(slabUsed, slabUsed + n);
  slabUsed += n;
  return row;
}

/** Scores for all outputs. */
export function scoreAll(model: LinearModel, ids: readonly number[]): Float64Array {
  const K = model.outputs.length;
  const out = zeroRow(K);
  const q = model.quantised;
  if (q) {
    const { ints, lut } = q;
    for (let j = 0; j < ids.length; j++) {
      const base = (ids[j] as number) * K;
      for (let k = 0; k < K; k++) {
        out[k] = (out[k] as number) + (lut[(ints[base + k] as number) + 128] as number);
      }
    }
    return out;
  }
  for (const id of ids) {
    const base = id * K;
    for (let k = 0; k < K; k++) out[k] = (out[k] as number) + (model.weights[base + k] as number);
  }
  return out;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function softmaxInPlace(v: Float64Array): Float64Array {
  let max = -Infinity;
  for (const x of v) max = Math.max(max, x);
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    v[i] = Math.exp((v[i] as number) - max);
    sum += v[i] as number;
  }
  for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / sum;
  return v;
}

// The n best so far of `topFeatures`, reused by every call (it runs for every finding).
const TOP_ID: number[] = [];
const TOP_NAME: string[] = [];
const TOP_W: number[] = [];

/**
 * The features that push output `k` hardest, as readable evidence: `[name, weight]`, strongest first;
 * features with `skip[id]` set are left out.
 */
export function topFeatures(model: LinearModel, ids: readonly number[], k = 0, n = 3, skip?: Uint8Array): [string, number][] {
  if (!(n >= 1 && n <= 64 && Number.isInteger(n))) return topFeaturesSorted(model, ids, k, n, skip);
  const K = model.outputs.length;
  // The n best so far, in order (this runs for every finding: no pair per feature, no set, no sort). A
  // repeated id needs no set: if it is among the n it is skipped, and if not, it lost to them once already and
  // they have only got stronger since.
  // Scratch arrays with a count of their own (`length = 0` would drop their storage and every call re-grow it).
  const topId = TOP_ID;
  const topName = TOP_NAME;
  const topW = TOP_W;
  let m = 0;
  const q = model.quantised;
  for (const id of ids) {
    if (skip && skip[id]) continue;
    const at = id * K + k;
    const w = q ? (q.lut[(q.ints[at] as number) + 128] as number) : (model.weights[at] as number);
    if (!(w > 0)) continue;
    const name = model.features[id] as string;
    if (name === 'bias' || keptAlready(topId, m, id)) continue;
    // After every kept feature that sorts first (the order of `topFeaturesSorted`'s sort, which is stable).
    let pos = m;
    while (pos > 0 && (w > (topW[pos - 1] as number) || (w === topW[pos - 1] && name < (topName[pos - 1] as string)))) pos--;
    if (pos >= n) continue;
    // Shift the weaker ones down by one, the n-th falling off (splice would allocate the removed elements).
    for (let j = Math.min(m, n - 1); j > pos; j--) {
      topId[j] = topId[j - 1] as number;
      topName[j] = topName[j - 1] as string;
      topW[j] = topW[j - 1] as number;
    }
    topId[pos] = id;
    topName[pos] = name;
    topW[pos] = w;
    if (m < n) m++;
  }
  const out: [string, number][] = [];
  for (let j = 0; j < m; j++) out.push([topName[j] as string, topW[j] as number]);
  return out;
}

/** Whether `id` is among the first m entries of `kept`. */
function keptAlready(kept: readonly number[], m: number, id: number): boolean {
  for (let j = 0; j < m; j++) if (kept[j] === id) return true;
  return false;
}

/** `topFeatures` by sorting every candidate (the reference, and any `n` the insertion above does not take). */
export function topFeaturesSorted(model: LinearModel, ids: readonly number[], k = 0, n = 3, skip?: Uint8Array): [string, number][] {
  const K = model.outputs.length;
  const seen = new Set<number>();
  const scored: [string, number][] = [];
  // The stored int8 weights where there are (the same values; see `quantised`).
  const q = model.quantised;
  for (const id of ids) {
    if (seen.has(id) || (skip && skip[id])) continue;
    seen.add(id);
    const at = id * K + k;
    const w = q ? (q.lut[(q.ints[at] as number) + 128] as number) : (model.weights[at] as number);
    const name = model.features[id] as string;
    if (w > 0 && name !== 'bias') scored.push([name, w]);
  }
  scored.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  return scored.slice(0, n);
}
