import { DEFAULT_CANDIDATES } from '../../src/corpus/matching/index.js';
import type { FactCheckMatcher } from '../../src/corpus/matching/matcher.js';
import { trainReranker, type RerankerModel } from '../../src/corpus/matching/reranker.js';
import { queryText, type ClaimRetrievalData, type ClaimRetrievalSplit } from './claim-retrieval-data.js';
import type { LabelledQuery } from './cross-validation.js';

/** Each judged query of a split with its BM25 candidates' features and labels. */
export function labelledQueries(
  matcher: FactCheckMatcher,
  data: ClaimRetrievalData,
  split: ClaimRetrievalSplit,
): LabelledQuery[] {
  const out: LabelledQuery[] = [];
  for (const q of split.queries) {
    const relevant = split.qrels.get(q.id);
    if (!relevant) continue;
    const cands = matcher.candidateFeatures(queryText(q));
    const ids = cands.map((c) => data.factChecks[c.doc]!.id);
    out.push({
      features: cands.map((c) => c.features),
      relevant: ids.map((id) => relevant.has(id)),
      ids,
      relevantIds: relevant,
    });
  }
  return out;
}

/** The re-ranker's training recipe: the same for the committed model and for every cross-validation fold. */
export function fitReranker(queries: readonly LabelledQuery[], iterations = 800): RerankerModel {
  return trainReranker(queries, {
    iterations,
    learningRate: 1,
    l2: 1e-3,
    trainedOn: `CheckThat! 2020 task 2 English train split (${queries.length} queries), ${DEFAULT_CANDIDATES} BM25 candidates each, pairwise logistic loss, ${iterations} full-batch iterations, l2 1e-3`,
  });
}
