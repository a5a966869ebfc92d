/**
 * Training of the sparse linear models (logistic regression for the token tagger, softmax regression for
 * the span classifier) with AdaGrad and L2, over interned feature ids. Deterministic: a seeded shuffle and
 * no other randomness, so `npm run train` rebuilds the same weights bit for bit.
 */

/** Interns feature strings to dense ids for training. */
export class Interner {
  readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
  all(names: readonly string[]): Int32Array {
    const out = new Int32Array(names.length);
    for (let i = 0; i < names.length; i++) out[i] = this.id(names[i] as string);
    return out;
  }
}

/** Gradients smaller than this are not applied (saves most of the work of multi-output training). */
const SKIP = 1e-3;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const rand = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** One training example: one or two feature groups (a token's own and its sentence's) and a target. */
export interface Example {
  readonly a: Int32Array;
  readonly b?: Int32Array;
  /** 0/1 for binary; class index for softmax. */
  readonly y: number;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly rate: number;
  readonly l2: number;
  readonly seed: number;
  /** Features seen in fewer training examples are ignored (their weights stay 0). */
  readonly minCount: number;
  /** Extra weight of positive examples (binary only). */
  readonly positiveWeight?: number;
  /** Return the mean of the weights at the end of each epoch of the second half (softmax only); steadier. */
  readonly average?: boolean;
}

function allowedFeatures(examples: readonly Example[], nFeat: number, minCount: number): Uint8Array {
  const count = new Uint16Array(nFeat);
  for (const e of examples) {
    for (const f of e.a) if ((count[f] as number) < 65535) count[f] = (count[f] as number) + 1;
    if (e.b) for (const f of e.b) if ((count[f] as number) < 65535) count[f] = (count[f] as number) + 1;
  }
  const ok = new Uint8Array(nFeat);
  for (let f = 0; f < nFeat; f++) ok[f] = (count[f] as number) >= minCount ? 1 : 0;
  return ok;
}

/** Binary logistic regression; returns one weight per feature id. */
export function trainLogistic(examples: readonly Example[], nFeat: number, o: TrainOptions): Float64Array {
  const w = new Float64Array(nFeat);
  const g2 = new Float64Array(nFeat).fill(1e-6);
  const ok = allowedFeatures(examples, nFeat, o.minCount);
  const order = examples.map((_, i) => i);
  const posW = o.positiveWeight ?? 1;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const seq = shuffled(order, o.seed + epoch);
    for (const i of seq) {
      const e = examples[i] as Example;
      let z = 0;
      for (const f of e.a) z += w[f] as number;
      if (e.b) for (const f of e.b) z += w[f] as number;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - e.y) * (e.y === 1 ? posW : 1);
      const step = (f: number): void => {
        if (!ok[f]) return;
        const grad = g + o.l2 * (w[f] as number);
        g2[f] = (g2[f] as number) + grad * grad;
        w[f] = (w[f] as number) - ((o.rate * grad) / Math.sqrt(g2[f] as number));
      };
      for (const f of e.a) step(f);
      if (e.b) for (const f of e.b) step(f);
    }
  }
  return w;
}

/** The tokens of one sentence for the tagger: each token's own features and targets, and the sentence's. */
export interface SentenceGroup {
  readonly b: Int32Array;
  readonly tokens: readonly Int32Array[];
  readonly y: Uint8Array;
}

/**
 * Binary logistic regression for the token tagger, where every token's score also includes its sentence's
 * features. The sentence features get one update per sentence with the summed gradient of its tokens (a
 * mini-batch), which halves the work compared with updating them for every token.
 */
export function trainTagger(groups: readonly SentenceGroup[], nFeat: number, o: TrainOptions): Float64Array {
  const w = new Float64Array(nFeat);
  const g2 = new Float64Array(nFeat).fill(1e-6);
  const count = new Uint16Array(nFeat);
  for (const g of groups) {
    for (const f of g.b) count[f] = Math.min(65535, (count[f] as number) + g.tokens.length);
    for (const t of g.tokens) for (const f of t) count[f] = Math.min(65535, (count[f] as number) + 1);
  }
  const ok = new Uint8Array(nFeat);
  for (let f = 0; f < nFeat; f++) ok[f] = (count[f] as number) >= o.minCount ? 1 : 0;
  const order = groups.map((_, i) => i);
  const step = (f: number, g: number): void => {
    if (!ok[f]) return;
    const grad = g + o.l2 * (w[f] as number);
    g2[f] = (g2[f] as number) + grad * grad;
    w[f] = (w[f] as number) - (o.rate * grad) / Math.sqrt(g2[f] as number);
  };
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const gi of shuffled(order, o.seed + epoch)) {
      const g = groups[gi] as SentenceGroup;
      let base = 0;
      for (const f of g.b) base += w[f] as number;
      let sum = 0;
      g.tokens.forEach((t, i) => {
        let z = base;
        for (const f of t) z += w[f] as number;
        const y = g.y[i] as number;
        const grad = (1 / (1 + Math.exp(-z)) - y) * (y === 1 ? (o.positiveWeight ?? 1) : 1);
        sum += grad;
        for (const f of t) step(f, grad);
      });
      for (const f of g.b) step(f, sum);
    }
  }
  return w;
}

/** Softmax regression over K classes; returns weights laid out feature-major (f * K + k). */
export function trainSoftmax(examples: readonly Example[], nFeat: number, K: number, o: TrainOptions): Float64Array {
  const w = new Float64Array(nFeat * K);
  const g2 = new Float64Array(nFeat * K).fill(1e-6);
  const ok = allowedFeatures(examples, nFeat, o.minCount);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(K);
  const avg = o.average ? new Float64Array(nFeat * K) : null;
  let averaged = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    if (avg && epoch > 0 && epoch >= Math.floor(o.epochs / 2)) {
      for (let i = 0; i < w.length; i++) avg[i] = (avg[i] as number) + (w[i] as number);
      averaged++;
    }
    const seq = shuffled(order, o.seed + epoch);
    for (const i of seq) {
      const e = examples[i] as Example;
      z.fill(0);
      for (const f of e.a) {
        const base = f * K;
        for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (w[base + k] as number);
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) max = Math.max(max, z[k] as number);
      let sum = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp((z[k] as number) - max);
        sum += z[k] as number;
      }
      for (let k = 0; k < K; k++) z[k] = (z[k] as number) / sum - (k === e.y ? 1 : 0);
      for (const f of e.a) {
        if (!ok[f]) continue;
        const base = f * K;
        for (let k = 0; k < K; k++) {
          // Classes the example barely moves are skipped: most of them after the first epochs (a large saving).
          if (Math.abs(z[k] as number) < SKIP) continue;
          const grad = (z[k] as number) + o.l2 * (w[base + k] as number);
          g2[base + k] = (g2[base + k] as number) + grad * grad;
          w[base + k] = (w[base + k] as number) - ((o.rate * grad) / Math.sqrt(g2[base + k] as number));
        }
      }
    }
  }
  if (avg) {
    for (let i = 0; i < w.length; i++) avg[i] = ((avg[i] as number) + (w[i] as number)) / (averaged + 1);
    return avg;
  }
  return w;
}

/** Independent logistic outputs sharing features (multi-label); `y` of each example is a bit mask. */
export function trainMultiLabel(examples: readonly { a: Int32Array; labels: readonly number[] }[], nFeat: number, K: number, o: TrainOptions): Float64Array {
  const w = new Float64Array(nFeat * K);
  const g2 = new Float64Array(nFeat * K).fill(1e-6);
  const ok = allowedFeatures(examples.map((e) => ({ a: e.a, y: 0 })), nFeat, o.minCount);
  const order = examples.map((_, i) => i);
  const z = new Float64Array(K);
  const posW = o.positiveWeight ?? 1;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const seq = shuffled(order, o.seed + epoch);
    for (const i of seq) {
      const e = examples[i] as { a: Int32Array; labels: readonly number[] };
      z.fill(0);
      for (const f of e.a) {
        const base = f * K;
        for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (w[base + k] as number);
      }
      for (let k = 0; k < K; k++) {
        const y = e.labels.includes(k) ? 1 : 0;
        z[k] = (1 / (1 + Math.exp(-(z[k] as number))) - y) * (y ? posW : 1);
      }
      for (const f of e.a) {
        if (!ok[f]) continue;
        const base = f * K;
        for (let k = 0; k < K; k++) {
          if (Math.abs(z[k] as number) < SKIP) continue;
          const grad = (z[k] as number) + o.l2 * (w[base + k] as number);
          g2[base + k] = (g2[base + k] as number) + grad * grad;
          w[base + k] = (w[base + k] as number) - ((o.rate * grad) / Math.sqrt(g2[base + k] as number));
        }
      }
    }
  }
  return w;
}

/**
 * Keeps the features whose largest absolute weight reaches `minWeight` and returns their names and the
 * compacted weights (feature-major), ready for `saveLinear`.
 */
export function prune(names: readonly string[], w: Float64Array, K: number, minWeight: number): { features: string[]; weights: Float64Array } {
  const keep: number[] = [];
  for (let f = 0; f < names.length; f++) {
    let m = 0;
    for (let k = 0; k < K; k++) m = Math.max(m, Math.abs(w[f * K + k] as number));
    if (m >= minWeight || names[f] === 'bias') keep.push(f);
  }
  const weights = new Float64Array(keep.length * K);
  keep.forEach((f, i) => {
    for (let k = 0; k < K; k++) weights[i * K + k] = w[f * K + k] as number;
  });
  return { features: keep.map((f) => names[f] as string), weights };
}

/** One example of the dense span model: its span vector and target class. */
export interface DenseExample {
  readonly x: Float64Array;
  readonly y: number;
}

export interface DenseOptions {
  readonly epochs: number;
  readonly rate: number;
  readonly l2: number;
}

/**
 * Softmax regression over dense inputs with AdaGrad and L2: weights w[j * K + k]. Deterministic: example
 * t of epoch e is examples[(t · 7919 + e · 104729) mod n], no other randomness.
 */
export function trainDense(examples: readonly DenseExample[], K: number, o: DenseOptions): Float64Array {
  const M = examples[0]?.x.length ?? 0;
  const w = new Float64Array(M * K);
  const g2 = new Float64Array(M * K).fill(1e-6);
  const z = new Float64Array(K);
  const n = examples.length;
  for (let ep = 0; ep < o.epochs; ep++) {
    for (let t = 0; t < n; t++) {
      const e = examples[(t * 7919 + ep * 104729) % n] as DenseExample;
      z.fill(0);
      for (let j = 0; j < M; j++) {
        const x = e.x[j] as number;
        if (!x) continue;
        for (let k = 0; k < K; k++) z[k] = (z[k] as number) + (w[j * K + k] as number) * x;
      }
      let mx = -Infinity;
      for (let k = 0; k < K; k++) mx = Math.max(mx, z[k] as number);
      let sm = 0;
      for (let k = 0; k < K; k++) {
        z[k] = Math.exp((z[k] as number) - mx);
        sm += z[k] as number;
      }
      for (let k = 0; k < K; k++) z[k] = (z[k] as number) / sm - (k === e.y ? 1 : 0);
      for (let j = 0; j < M; j++) {
        const x = e.x[j] as number;
        if (!x) continue;
        for (let k = 0; k < K; k++) {
          const i = j * K + k;
          const g = (z[k] as number) * x + o.l2 * (w[i] as number);
          g2[i] = (g2[i] as number) + g * g;
          w[i] = (w[i] as number) - (o.rate * g) / Math.sqrt(g2[i] as number);
        }
      }
    }
  }
  return w;
}
