/**
 * Samples-F1 as in the SemEval-2025 Task 10 scorer: per document, F1 between the predicted and the gold
 * label sets (an `Other` document has the set {Other}), averaged over documents.
 */
export function setF1(pred: ReadonlySet<string>, gold: ReadonlySet<string>): number {
  const p = pred.size ? pred : new Set(['Other']);
  const g = gold.size ? gold : new Set(['Other']);
  let tp = 0;
  for (const x of p) if (g.has(x)) tp++;
  return tp === 0 ? 0 : (2 * tp) / (p.size + g.size);
}

export function samplesF1(
  pairs: readonly { pred: ReadonlySet<string>; gold: ReadonlySet<string> }[],
): number {
  return pairs.length ? pairs.reduce((s, x) => s + setF1(x.pred, x.gold), 0) / pairs.length : 0;
}
