/**
 * Per-technique biases for classification on given spans (src/models/technique/class-bias.ts), chosen on
 * out-of-fold predictions: coordinate ascent on the share of gold labels a span's top-m techniques get
 * right (the task's micro-F1, since each span gets as many labels as it has), over a coarse-to-fine grid of
 * steps. Deterministic: techniques in order, a step kept only when it raises the score.
 */
import type { DocPrediction } from './pipeline.js';

/** One gold span (or several gold labels on the same span) with the model's distribution for it. */
export interface TcGroup {
  /** log P of each technique. */
  readonly logp: Float64Array;
  /** Indices of the gold techniques (a span annotated m times has m). */
  readonly gold: readonly number[];
}

export const BIAS_STEPS = [1, 0.5, 0.25, 0.1];
export const BIAS_ROUNDS = 3;

/** The spans of some documents, grouped as the task scores them (a span listed m times gets m labels). */
export function tcGroups(preds: readonly DocPrediction[]): TcGroup[] {
  const out: TcGroup[] = [];
  for (const p of preds) {
    const byKey = new Map<string, number[]>();
    p.doc.gold.forEach((g, i) => {
      const key = `${g.start}:${g.end}`;
      byKey.set(key, [...(byKey.get(key) ?? []), i]);
    });
    for (const idx of byKey.values()) {
      const probs = p.goldProbs[idx[0] as number] as Float64Array;
      out.push({ logp: probs.map((x) => Math.log(Math.max(x, 1e-12))), gold: idx.map((i) => p.labels.indexOf(p.doc.gold[i]?.label as string)) });
    }
  }
  return out;
}

/** Gold labels matched by each group's top-m techniques under the biases. */
export function tcHits(groups: readonly TcGroup[], bias: Float64Array): number {
  let hits = 0;
  const k = bias.length;
  for (const g of groups) {
    if (g.gold.length === 1) {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = (g.logp[c] as number) + (bias[c] as number);
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (best === g.gold[0]) hits++;
      continue;
    }
    const order = Array.from({ length: k }, (_, c) => c).sort((x, y) => (g.logp[y] as number) + (bias[y] as number) - ((g.logp[x] as number) + (bias[x] as number)) || x - y);
    const left = [...g.gold];
    for (const c of order.slice(0, g.gold.length)) {
      const i = left.indexOf(c);
      if (i >= 0) {
        left.splice(i, 1);
        hits++;
      }
    }
  }
  return hits;
}

/** Biases (one per technique) that raise the number of gold labels matched on these groups. */
export function tuneClassBias(groups: readonly TcGroup[], techniques: number): Float64Array {
  const bias = new Float64Array(techniques);
  let best = tcHits(groups, bias);
  for (let round = 0; round < BIAS_ROUNDS; round++) {
    for (const step of BIAS_STEPS) {
      for (let c = 0; c < techniques; c++) {
        for (const d of [step, -step]) {
          bias[c] = (bias[c] as number) + d;
          const hits = tcHits(groups, bias);
          if (hits > best) best = hits;
          else bias[c] = (bias[c] as number) - d;
        }
      }
    }
  }
  return bias;
}

/** The biases as the artefact stores them: technique → bias, zeros left out, rounded. */
export function classBiasRecord(labels: readonly string[], bias: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  labels.forEach((l, i) => {
    const b = Math.round((bias[i] as number) * 1000) / 1000;
    if (b !== 0) out[l] = b;
  });
  return out;
}
