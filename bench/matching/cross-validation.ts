import { averagePrecisionAt } from '../../src/corpus/matching/trec.js';
import { rerankScore, type RerankerModel, type TrainingGroup } from '../../src/corpus/matching/reranker.js';

/** A training query: its candidates' features and labels, the candidates' ids and all its relevant ids. */
export interface LabelledQuery extends TrainingGroup {
  readonly ids: readonly string[];
  readonly relevantIds: ReadonlySet<string>;
}

/** MAP@5 of ranking each query's candidates by `score` (relevant fact-checks outside the candidates count as missed). */
export function candidateMap5(
  queries: readonly LabelledQuery[],
  score: (f: Float64Array, i: number) => number,
): number {
  let sum = 0;
  for (const q of queries) {
    const scores = q.features.map((f, i) => score(f, i));
    const order = q.ids.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
    sum += averagePrecisionAt(
      order.map((i) => q.ids[i]!),
      q.relevantIds,
      5,
    );
  }
  return queries.length ? sum / queries.length : 0;
}

/** The best candidate of a held-out query: its score under the fold's model and whether it is relevant. */
export interface BestResult {
  readonly score: number;
  readonly right: boolean;
  /**
   * The best score of a candidate that is not relevant: what the best result would score if the library
   * held no fact-check of the claim (-Infinity when every candidate is relevant).
   */
  readonly bestWrong: number;
}

/**
 * k-fold cross-validation by query (fold = position mod k, deterministic): train on k−1 folds, measure
 * MAP@5 on the held-out fold, weight folds by size. The number that chooses features and settings. Also
 * gives each query's best result out of fold, from which the match-strength thresholds are chosen.
 */
export function crossValidate(
  queries: readonly LabelledQuery[],
  train: (fit: readonly LabelledQuery[]) => RerankerModel,
  k = 5,
): { rerank: number; bm25: number; best: BestResult[] } {
  let rerank = 0;
  const best: BestResult[] = [];
  for (let fold = 0; fold < k; fold++) {
    const fit = queries.filter((_, i) => i % k !== fold);
    const test = queries.filter((_, i) => i % k === fold);
    const model = train(fit);
    rerank += candidateMap5(test, (f) => rerankScore(model, f)) * test.length;
    for (const q of test) {
      let at = -1;
      let top = -Infinity;
      let bestWrong = -Infinity;
      q.features.forEach((f, i) => {
        const s = rerankScore(model, f);
        if (s > top) [at, top] = [i, s];
        if (!q.relevantIds.has(q.ids[i]!)) bestWrong = Math.max(bestWrong, s);
      });
      if (at >= 0) best.push({ score: top, right: q.relevantIds.has(q.ids[at]!), bestWrong });
    }
  }
  // Candidates arrive in BM25 order: ranking by position is the baseline.
  const bm25 = candidateMap5(queries, (_, i) => -i);
  return { rerank: rerank / Math.max(queries.length, 1), bm25, best };
}
