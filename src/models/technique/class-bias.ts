/**
 * Technique classification on given spans (`narrascope predict techniques`): the techniques of a span
 * ranked by the classifier's log-probability plus a per-technique bias. The biases are a decision rule
 * learned after the model, by cross-validation on out-of-fold predictions (bench/technique/class-bias.ts),
 * as the detectors' thresholds are: the softmax spreads its mass over the labels it saw most in training,
 * and an additive bias per label moves the argmax where the held-out spans say it should be. They change
 * no probability, so findings, their confidences and the paragraph labels are untouched.
 */

/** Indices of the techniques, best first: log p + bias (no bias: by p), ties to the lower index. */
export function rankTechniques(probs: ArrayLike<number>, bias: ArrayLike<number> | null): number[] {
  const n = probs.length;
  const score = new Array<number>(n);
  for (let k = 0; k < n; k++) score[k] = bias ? Math.log(Math.max(probs[k] as number, 1e-12)) + (bias[k] as number) : (probs[k] as number);
  return Array.from({ length: n }, (_, k) => k).sort((x, y) => (score[y] as number) - (score[x] as number) || x - y);
}

/** The artefact's biases (technique → bias) aligned with the classifier's outputs; null when it has none. */
export function classBiasOf(outputs: readonly string[], bias: Readonly<Record<string, number>> | undefined): Float64Array | null {
  if (!bias) return null;
  const unknown = Object.keys(bias).filter((l) => !outputs.includes(l));
  if (unknown.length) throw new Error(`technique model: class biases for techniques the classifier does not have: ${unknown.join(', ')}`);
  return Float64Array.from(outputs, (l) => bias[l] ?? 0);
}
