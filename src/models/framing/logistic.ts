/**
 * A small multinomial logistic regression over sparse named features: trained by full-batch gradient
 * descent with L2 regularisation, no randomness (same data → same weights, bit for bit), and stored as
 * `{ feature: [weight per class] }` so the artefact stays readable and a prediction explainable.
 */

export type Features = ReadonlyMap<string, number>;

export interface Example {
  readonly features: Features;
  readonly label: string;
  readonly weight?: number;
}

export interface LinearModel {
  readonly classes: readonly string[];
  /** feature → one weight per class (same order as `classes`); `bias` is an ordinary feature. */
  readonly weights: Readonly<Record<string, readonly number[]>>;
}

export interface TrainOptions {
  readonly iterations?: number;
  readonly learningRate?: number;
  /** L2 strength. */
  readonly l2?: number;
  /** Features seen in fewer examples than this are dropped. */
  readonly minCount?: number;
}

export function trainLogistic(examples: readonly Example[], classes: readonly string[], opts: TrainOptions = {}): LinearModel {
  const iterations = opts.iterations ?? 300;
  const lr = opts.learningRate ?? 0.5;
  const l2 = opts.l2 ?? 0.01;
  const minCount = opts.minCount ?? 2;
  const counts = new Map<string, number>();
  for (const e of examples) for (const k of e.features.keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
  const names = [...counts.keys()].filter((k) => (counts.get(k) ?? 0) >= minCount || k === 'bias').sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const K = classes.length;
  // Flat typed arrays (weight row i at i * K): the same sums in the same order as per-row arrays, fewer
  // indirections. Rows whose label is not a class are left out (they add nothing to the gradient).
  const rows: { idx: Int32Array; val: Float64Array; y: number; w: number }[] = [];
  let totalWeight = 0;
  for (const e of examples) {
    const idx: number[] = [];
    const val: number[] = [];
    for (const [k, v] of e.features) {
      const i = index.get(k);
      if (i !== undefined && v !== 0) {
        idx.push(i * K);
        val.push(v);
      }
    }
    const w = e.weight ?? 1;
    totalWeight += w;
    const y = classes.indexOf(e.label);
    if (y >= 0) rows.push({ idx: Int32Array.from(idx), val: Float64Array.from(val), y, w });
  }
  totalWeight ||= 1;
  const size = names.length * K;
  const W = new Float64Array(size);
  // Adagrad-style per-weight step sizes keep rare features from oscillating without a tuned schedule.
  const G = new Float64Array(size).fill(1e-8);
  const grad = new Float64Array(size);
  const scores = new Float64Array(K);
  const biasAt = index.get('bias');
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    for (const r of rows) {
      const { idx, val } = r;
      scores.fill(0);
      for (let j = 0; j < idx.length; j++) {
        const o = idx[j] as number;
        const v = val[j] as number;
        for (let k = 0; k < K; k++) scores[k] = (scores[k] as number) + (W[o + k] as number) * v;
      }
      softmaxInPlace(scores);
      scores[r.y] = (scores[r.y] as number) - 1;
      const scale = r.w / totalWeight;
      for (let j = 0; j < idx.length; j++) {
        const o = idx[j] as number;
        const v = (val[j] as number) * scale;
        for (let k = 0; k < K; k++) grad[o + k] = (grad[o + k] as number) + (scores[k] as number) * v;
      }
    }
    for (let i = 0; i < names.length; i++) {
      const reg = i === biasAt ? 0 : l2;
      for (let k = i * K, end = k + K; k < end; k++) {
        const gk = (grad[k] as number) + reg * (W[k] as number);
        G[k] = (G[k] as number) + gk * gk;
        W[k] = (W[k] as number) - (lr * gk) / Math.sqrt(G[k] as number);
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (let i = 0; i < names.length; i++) {
    const w = Array.from(W.subarray(i * K, (i + 1) * K), (x) => Math.round(x * 1e3) / 1e3);
    if (w.some((x) => Math.abs(x) >= 5e-3)) weights[names[i] as string] = w;
  }
  return { classes: [...classes], weights };
}

/** Class probabilities for one feature vector. */
export function predictProba(model: LinearModel, features: Features): number[] {
  return predictProbaParts(model, [features]);
}

/**
 * Class probabilities for a feature vector given as consecutive parts with no key in common: the sums of the
 * one merged vector, the parts after the first added as one sum (see `predictProbaBatch`). Weights are looked
 * up in a Map built once per model, and a part many vectors share can be compiled once (`compileFeatures`,
 * `CompiledKeys`).
 */
export function predictProbaParts(model: LinearModel, parts: readonly (Features | CompiledPart)[]): number[] {
  const [first, ...rest] = parts;
  if (first === undefined || isCompiled(first)) return predictProbaBatch(model, [new Map<string, number>()], parts)[0] as number[];
  return predictProbaBatch(model, [first], rest)[0] as number[];
}

/**
 * `predictProbaParts(model, [firsts[j], ...shared])` for every j at once: vectors that share all parts but
 * the first (the mentions of one entity). The shared parts are summed once, then added to each vector's
 * own sum (a part with one value for all its names as value × the sum of their weights). That is the merged
 * vector's sum in another order, so a probability may differ from
 * `predictProba` of the merged vector in its last bits (≈1e-16); the shared part of a mention is hundreds of
 * weight rows (the document's whole vocabulary in the camp × wording features), so adding it once per entity
 * instead of once per mention is most of the framing stage's saving.
 */
export function predictProbaBatch(model: LinearModel, firsts: readonly Features[], shared: readonly (Features | CompiledPart)[]): number[][] {
  const table = weightTable(model);
  const K = model.classes.length;
  const n = firsts.length;
  const common = new Float64Array(K);
  for (const part of shared) {
    if (isCompiled(part)) addCompiled(model, K, common, part);
    else addFeatures(common, 0, K, table, part);
  }
  const out: number[][] = [];
  const one = new Float64Array(K);
  for (let j = 0; j < n; j++) {
    one.fill(0);
    addFeatures(one, 0, K, table, firsts[j] as Features);
    out.push(finish(one, common));
  }
  return out;
}

/**
 * `[predictProbaBatch(a, firsts, shared), predictProbaBatch(b, firsts, shared)]`, the same numbers: each
 * model's sums take the same terms in the same order, but a feature name is looked up once for both models
 * (in a table name → both rows), not once per model.
 */
export function predictProbaBatchPair(
  a: LinearModel,
  b: LinearModel,
  firsts: readonly Features[],
  shared: readonly (Features | CompiledPart)[],
): [number[][], number[][]] {
  const joint = jointTable(a, b);
  const lean = leanTable(joint);
  const Ka = a.classes.length;
  const Kb = b.classes.length;
  const commonA = new Float64Array(Ka);
  const commonB = new Float64Array(Kb);
  for (const part of shared) {
    if (isCompiled(part)) {
      part.names.prepare(a, b);
      addCompiled(a, Ka, commonA, part);
      addCompiled(b, Kb, commonB, part);
      continue;
    }
    addFeaturesPair(commonA, Ka, commonB, Kb, joint, lean, part);
  }
  const outA: number[][] = [];
  const outB: number[][] = [];
  const oneA = new Float64Array(Ka);
  const oneB = new Float64Array(Kb);
  for (let j = 0; j < firsts.length; j++) {
    oneA.fill(0);
    oneB.fill(0);
    addFeaturesPair(oneA, Ka, oneB, Kb, joint, lean, firsts[j] as Features);
    outA.push(finish(oneA, commonA));
    outB.push(finish(oneB, commonB));
  }
  return [outA, outB];
}

/** A compiled shared part added to `common`: a part with one value for all its names as value × their sum. */
function addCompiled(model: LinearModel, K: number, common: Float64Array, part: CompiledPart): void {
  const values = part.values;
  if (typeof values === 'number') {
    const sum = part.names.sumFor(model);
    for (let c = 0; c < K; c++) common[c] = (common[c] as number) + (sum[c] as number) * values;
    return;
  }
  const { rows, index } = (part.names as CompiledKeys).rowsFor(model);
  for (let r = 0; r < rows.length; r++) {
    const w = rows[r] as Float64Array;
    const v = values[index[r] as number] as number;
    for (let c = 0; c < K; c++) common[c] = (common[c] as number) + (w[c] as number) * v;
  }
}

/** One vector's probabilities from its own sum plus the shared sum. */
function finish(one: Float64Array, common: Float64Array): number[] {
  const K = one.length;
  for (let c = 0; c < K; c++) one[c] = (one[c] as number) + (common[c] as number);
  softmaxInPlace(one);
  const p = new Array<number>(K);
  for (let c = 0; c < K; c++) p[c] = one[c] as number;
  return p;
}

type JointRows = readonly [Float64Array | undefined, Float64Array | undefined];

const JOINT = new WeakMap<LinearModel, WeakMap<LinearModel, ReadonlyMap<string, JointRows>>>();

/** name → [row of a, row of b] for the names either model knows; built once per pair of models. */
function jointTable(a: LinearModel, b: LinearModel): ReadonlyMap<string, JointRows> {
  let byB = JOINT.get(a);
  if (!byB) JOINT.set(a, (byB = new WeakMap()));
  let joint = byB.get(b);
  if (!joint) {
    const ta = weightTable(a);
    const tb = weightTable(b);
    const m = new Map<string, JointRows>();
    for (const [k, row] of ta) m.set(k, [row, tb.get(k)]);
    for (const [k, row] of tb) if (!ta.has(k)) m.set(k, [undefined, row]);
    byB.set(b, (joint = m));
  }
  return joint;
}

/** `addFeatures` for two models at once: the same additions to each, one look-up per name. */
function addFeaturesPair(
  sa: Float64Array,
  Ka: number,
  sb: Float64Array,
  Kb: number,
  joint: ReadonlyMap<string, JointRows>,
  lean: ReadonlyMap<string, JointRows>,
  features: Features,
): void {
  // forEach, not keys() and get(): each name's value comes with it, no second look-up.
  features.forEach((v, k) => {
    // Most names are looked up in the table without the `|` names (the wording features, most of the
    // models' names, which come as compiled parts): a table a fifth of the size, kinder to the caches.
    const rows = lean.get(k) ?? (k.includes('|') ? joint.get(k) : undefined);
    if (!rows) return;
    const wa = rows[0];
    const wb = rows[1];
    if (wa) for (let c = 0; c < Ka; c++) sa[c] = (sa[c] as number) + (wa[c] as number) * v;
    if (wb) for (let c = 0; c < Kb; c++) sb[c] = (sb[c] as number) + (wb[c] as number) * v;
  });
}

const LEAN = new WeakMap<ReadonlyMap<string, JointRows>, ReadonlyMap<string, JointRows>>();

/** The joint table less the names holding `|` (see `addFeaturesPair`), made once per joint table. */
function leanTable(joint: ReadonlyMap<string, JointRows>): ReadonlyMap<string, JointRows> {
  let lean = LEAN.get(joint);
  if (!lean) {
    const m = new Map<string, JointRows>();
    for (const [k, rows] of joint) if (!k.includes('|')) m.set(k, rows);
    LEAN.set(joint, (lean = m));
  }
  return lean;
}

function addFeatures(scores: Float64Array, o: number, K: number, table: ReadonlyMap<string, Float64Array>, features: Features): void {
  for (const k of features.keys()) {
    const w = table.get(k);
    if (!w) continue;
    const v = features.get(k) as number;
    for (let c = 0; c < K; c++) scores[o + c] = (scores[o + c] as number) + (w[c] as number) * v;
  }
}

const TABLES = new WeakMap<LinearModel, Map<string, Float64Array>>();

/** feature → weights as a Map of typed rows (missing classes 0, as `w[c] ?? 0` reads them). */
function weightTable(model: LinearModel): Map<string, Float64Array> {
  let table = TABLES.get(model);
  if (!table) {
    table = new Map();
    const K = model.classes.length;
    for (const [k, w] of Object.entries(model.weights)) {
      const row = new Float64Array(K);
      for (let c = 0; c < K; c++) row[c] = w[c] ?? 0;
      table.set(k, row);
    }
    TABLES.set(model, table);
  }
  return table;
}

/** Weight rows of the names a model knows, in order, and their positions among the names. */
export interface Rows {
  readonly rows: readonly Float64Array[];
  readonly index: readonly number[];
}

/** Names whose weight rows are looked up once per model, for the parts many vectors share. */
export abstract class KeyRows {
  private readonly sums = new WeakMap<LinearModel, Float64Array>();
  private readonly compiled = new WeakMap<LinearModel, Rows>();

  /** The strings looked up, in order: `Rows.index` gives positions in this list. */
  protected abstract lookups(): readonly string[];
  /** A model's weight row for each string it knows. */
  protected abstract tableOf(model: LinearModel): ReadonlyMap<string, Float64Array>;
  /** Both models' rows for each string either knows, in one table. */
  protected abstract jointTableOf(a: LinearModel, b: LinearModel): ReadonlyMap<string, JointRows>;

  /** The names the model knows, in order: their weight rows, and their positions in the names. */
  rowsFor(model: LinearModel): Rows {
    let out = this.compiled.get(model);
    if (!out) {
      const table = this.tableOf(model);
      const rows: Float64Array[] = [];
      const index: number[] = [];
      const names = this.lookups();
      for (let i = 0; i < names.length; i++) {
        const w = table.get(names[i] as string);
        if (!w) continue;
        rows.push(w);
        index.push(i);
      }
      out = { rows, index };
      this.compiled.set(model, out);
    }
    return out;
  }

  /** `rowsFor` of both models made ahead, looking each name up once (see `predictProbaBatchPair`). */
  prepare(a: LinearModel, b: LinearModel): void {
    if (this.compiled.has(a) && this.compiled.has(b)) return;
    fillPair(this.compiled, a, b, this.jointTableOf(a, b), this.lookups());
  }

  /**
   * The model's weight rows of these names summed per class: a part with one value for every name (the
   * camp × wording features of all an entity's mentions, of every entity of one camp) scores value × sum.
   */
  sumFor(model: LinearModel): Float64Array {
    let sum = this.sums.get(model);
    if (!sum) {
      const K = model.classes.length;
      sum = new Float64Array(K);
      for (const w of this.rowsFor(model).rows) for (let c = 0; c < K; c++) sum[c] = (sum[c] as number) + (w[c] as number);
      this.sums.set(model, sum);
    }
    return sum;
  }
}

/** Feature names whose weight rows are looked up once per model. */
export class CompiledKeys extends KeyRows {
  constructor(readonly keys: readonly string[]) {
    super();
  }

  protected lookups(): readonly string[] {
    return this.keys;
  }

  protected tableOf(model: LinearModel): ReadonlyMap<string, Float64Array> {
    return weightTable(model);
  }

  protected jointTableOf(a: LinearModel, b: LinearModel): ReadonlyMap<string, JointRows> {
    return jointTable(a, b);
  }
}

/**
 * The names `prefix + word` for a list of words: the rows of `new CompiledKeys(words.map((w) => prefix + w))`,
 * in the same order, found without building the names (one look-up per word in a per-model table of the
 * words the model has a `prefix` feature for). Only for a part with one value for every name (`sumFor`);
 * `index` gives positions in `words`.
 */
export class PrefixedKeys extends KeyRows {
  constructor(
    readonly prefix: string,
    readonly words: readonly string[],
  ) {
    super();
  }

  protected lookups(): readonly string[] {
    return this.words;
  }

  protected tableOf(model: LinearModel): ReadonlyMap<string, Float64Array> {
    return prefixTable(model, this.prefix);
  }

  protected jointTableOf(a: LinearModel, b: LinearModel): ReadonlyMap<string, JointRows> {
    return jointPrefixTable(a, b, this.prefix);
  }
}

/**
 * `PrefixedKeys` of a set of words in sorted order (`[...words].sort()`), without sorting them: only for a
 * part with one value for every name (`sumFor`). The sum takes the rows of the words the model knows in
 * sorted order, which is the order of their positions in the model's own sorted list of `prefix` words; the
 * words are marked at those positions and the marked rows added in position order.
 */
export class PrefixedWordSet extends KeyRows {
  private sorted: readonly string[] | undefined;
  private readonly wordSums = new WeakMap<LinearModel, Float64Array>();

  constructor(
    readonly prefix: string,
    readonly words: ReadonlySet<string>,
  ) {
    super();
  }

  protected lookups(): readonly string[] {
    return (this.sorted ??= [...this.words].sort());
  }

  protected tableOf(model: LinearModel): ReadonlyMap<string, Float64Array> {
    return prefixTable(model, this.prefix);
  }

  protected jointTableOf(a: LinearModel, b: LinearModel): ReadonlyMap<string, JointRows> {
    return jointPrefixTable(a, b, this.prefix);
  }

  /** Both models' sums made ahead, looking each word up once (in a table word → both positions). */
  override prepare(a: LinearModel, b: LinearModel): void {
    if (this.wordSums.has(a) && this.wordSums.has(b)) return;
    const ra = rankedPrefixTable(a, this.prefix);
    const rb = rankedPrefixTable(b, this.prefix);
    const joint = jointRankTable(a, b, this.prefix);
    const at = positionScratch(0, this.words.size);
    const bt = positionScratch(1, this.words.size);
    let na = 0;
    let nb = 0;
    for (const w of this.words) {
      const pos = joint.get(w);
      if (pos === undefined) continue;
      if (pos[0] >= 0) at[na++] = pos[0];
      if (pos[1] >= 0) bt[nb++] = pos[1];
    }
    if (!this.wordSums.has(a)) this.wordSums.set(a, sumRanked(a.classes.length, ra.flat, at.subarray(0, na)));
    if (!this.wordSums.has(b)) this.wordSums.set(b, sumRanked(b.classes.length, rb.flat, bt.subarray(0, nb)));
  }

  override sumFor(model: LinearModel): Float64Array {
    let sum = this.wordSums.get(model);
    if (!sum) {
      const { rank, flat } = rankedPrefixTable(model, this.prefix);
      const at = positionScratch(0, this.words.size);
      let n = 0;
      for (const w of this.words) {
        const r = rank.get(w);
        if (r !== undefined) at[n++] = r;
      }
      this.wordSums.set(model, (sum = sumRanked(model.classes.length, flat, at.subarray(0, n))));
    }
    return sum;
  }
}

/** Two reusable position lists (a typed array per call is an off-heap allocation, slower than the sums). */
const SCRATCH: Int32Array[] = [new Int32Array(1024), new Int32Array(1024)];

/** Scratch list `i` with room for `n` positions (its contents are the caller's until the next call). */
function positionScratch(i: number, n: number): Int32Array {
  let s = SCRATCH[i] as Int32Array;
  if (s.length < n) SCRATCH[i] = s = new Int32Array(Math.max(n, 2 * s.length));
  return s;
}

/**
 * The rows at the given positions (distinct) summed per class in position order: the sum of the rows of the
 * words in sorted order. The positions are sorted in place (a few hundred) rather than marked in a table of
 * every row, and the rows read from one flat array.
 */
function sumRanked(K: number, flat: Float64Array, positions: Int32Array): Float64Array {
  positions.sort();
  const sum = new Float64Array(K);
  for (let i = 0; i < positions.length; i++) {
    const o = (positions[i] as number) * K;
    for (let c = 0; c < K; c++) sum[c] = (sum[c] as number) + (flat[o + c] as number);
  }
  return sum;
}

const JOINT_RANKS = new WeakMap<LinearModel, WeakMap<LinearModel, Map<string, ReadonlyMap<string, readonly [number, number]>>>>();

/** word → its positions in both models' ranked `prefix` tables (-1 where a model lacks it). */
function jointRankTable(a: LinearModel, b: LinearModel, prefix: string): ReadonlyMap<string, readonly [number, number]> {
  let byB = JOINT_RANKS.get(a);
  if (!byB) JOINT_RANKS.set(a, (byB = new WeakMap()));
  let byPrefix = byB.get(b);
  if (!byPrefix) byB.set(b, (byPrefix = new Map()));
  let table = byPrefix.get(prefix);
  if (!table) {
    const ra = rankedPrefixTable(a, prefix).rank;
    const rb = rankedPrefixTable(b, prefix).rank;
    const t = new Map<string, readonly [number, number]>();
    for (const [w, i] of ra) t.set(w, [i, rb.get(w) ?? -1]);
    for (const [w, i] of rb) if (!ra.has(w)) t.set(w, [-1, i]);
    byPrefix.set(prefix, (table = t));
  }
  return table;
}

interface RankedRows {
  /** word → its position in the sorted words. */
  readonly rank: ReadonlyMap<string, number>;
  /** The weight rows in that order, one after another (row i at i × classes). */
  readonly flat: Float64Array;
}

const RANKED = new WeakMap<LinearModel, Map<string, RankedRows>>();

/** The words the model has a `prefix + word` feature for, sorted as `sort()` sorts strings: positions and rows. */
function rankedPrefixTable(model: LinearModel, prefix: string): RankedRows {
  let byPrefix = RANKED.get(model);
  if (!byPrefix) RANKED.set(model, (byPrefix = new Map()));
  let ranked = byPrefix.get(prefix);
  if (!ranked) {
    const table = prefixTable(model, prefix);
    const words = [...table.keys()].sort();
    const K = model.classes.length;
    const flat = new Float64Array(words.length * K);
    words.forEach((w, i) => flat.set(table.get(w) as Float64Array, i * K));
    ranked = { rank: new Map(words.map((w, i) => [w, i])), flat };
    byPrefix.set(prefix, ranked);
  }
  return ranked;
}

/** Both models' `rowsFor` of `names` (looked up in `joint`, in order), into `compiled` where missing. */
function fillPair(
  compiled: WeakMap<LinearModel, Rows>,
  a: LinearModel,
  b: LinearModel,
  joint: ReadonlyMap<string, JointRows>,
  names: readonly string[],
): void {
  const rowsA: Float64Array[] = [];
  const indexA: number[] = [];
  const rowsB: Float64Array[] = [];
  const indexB: number[] = [];
  for (let i = 0; i < names.length; i++) {
    const rows = joint.get(names[i] as string);
    if (!rows) continue;
    if (rows[0]) {
      rowsA.push(rows[0]);
      indexA.push(i);
    }
    if (rows[1]) {
      rowsB.push(rows[1]);
      indexB.push(i);
    }
  }
  if (!compiled.has(a)) compiled.set(a, { rows: rowsA, index: indexA });
  if (!compiled.has(b)) compiled.set(b, { rows: rowsB, index: indexB });
}

type PrefixTables = Map<string, ReadonlyMap<string, JointRows>>;
const JOINT_PREFIX = new WeakMap<ReadonlyMap<string, JointRows>, PrefixTables>();

/** word → both models' rows of `prefix + word`, built once per pair of models and prefix. */
function jointPrefixTable(a: LinearModel, b: LinearModel, prefix: string): ReadonlyMap<string, JointRows> {
  const joint = jointTable(a, b);
  let byPrefix = JOINT_PREFIX.get(joint);
  if (!byPrefix) JOINT_PREFIX.set(joint, (byPrefix = new Map()));
  let table = byPrefix.get(prefix);
  if (!table) {
    const t = new Map<string, JointRows>();
    for (const [name, rows] of joint) if (name.startsWith(prefix)) t.set(name.slice(prefix.length), rows);
    byPrefix.set(prefix, (table = t));
  }
  return table;
}

const PREFIX_TABLES = new WeakMap<LinearModel, Map<string, ReadonlyMap<string, Float64Array>>>();

/** word → weight row of the model's features `prefix + word`, built once per model and prefix. */
function prefixTable(model: LinearModel, prefix: string): ReadonlyMap<string, Float64Array> {
  let byPrefix = PREFIX_TABLES.get(model);
  if (!byPrefix) PREFIX_TABLES.set(model, (byPrefix = new Map()));
  let table = byPrefix.get(prefix);
  if (!table) {
    const t = new Map<string, Float64Array>();
    for (const [name, row] of weightTable(model)) {
      if (name.startsWith(prefix)) t.set(name.slice(prefix.length), row);
    }
    byPrefix.set(prefix, (table = t));
  }
  return table;
}

/** A part of a feature vector as compiled names and their values: one per name, or one value for all. */
export type CompiledPart =
  | { readonly names: CompiledKeys; readonly values: Float64Array | number }
  | { readonly names: PrefixedKeys | PrefixedWordSet; readonly values: number };

export function compileFeatures(features: Features): CompiledPart {
  return { names: new CompiledKeys([...features.keys()]), values: Float64Array.from(features.values()) };
}

function isCompiled(part: Features | CompiledPart): part is CompiledPart {
  return (part as CompiledPart).names instanceof KeyRows;
}

/** The features that pushed most towards a class, for explanations. */
export function topContributions(model: LinearModel, features: Features, cls: string, n = 5): { feature: string; weight: number }[] {
  const c = model.classes.indexOf(cls);
  if (c < 0) return [];
  const out: { feature: string; weight: number }[] = [];
  for (const [k, v] of features) {
    const w = model.weights[k]?.[c];
    if (w !== undefined && k !== 'bias') out.push({ feature: k, weight: Math.round(w * v * 1000) / 1000 });
  }
  return out.sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature)).slice(0, n);
}

function softmaxInPlace(s: Float64Array): void {
  let max = -Infinity;
  for (const x of s) if (x > max) max = x;
  let sum = 0;
  for (let k = 0; k < s.length; k++) {
    s[k] = Math.exp((s[k] as number) - max);
    sum += s[k] as number;
  }
  for (let k = 0; k < s.length; k++) s[k] = (s[k] as number) / sum;
}
