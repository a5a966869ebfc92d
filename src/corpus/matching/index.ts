/** Fact-check matching: find earlier fact-checks for a claim (see docs/matching.md). */
import { loadWordVectors } from '../../models/vectors/word-vectors.js';
import { FactCheckMatcher, type MatchableFactCheck, type MatcherOptions } from './matcher.js';
import { loadRerankerModel } from './reranker.js';

export { Bm25Index, type Bm25Options, type ScoredDoc } from './bm25.js';
export {
  FactCheckMatcher,
  type MatchableFactCheck,
  type MatcherOptions,
  type MatchHit,
  type MatchOptions,
} from './matcher.js';
export { highlightMatches, markHighlights, type Highlight } from './highlight.js';
export { tokenizeForMatching, matchTerms, type MatchToken } from './tokenize.js';
export { porterStem } from './porter-stemmer.js';
export { FEATURE_NAMES, type FeatureName } from './features.js';
export {
  trainReranker,
  rerankScore,
  loadRerankerModel,
  validateRerankerModel,
  type RerankerModel,
  type TrainingGroup,
} from './reranker.js';
export {
  parseIdTsv,
  parseQrels,
  formatRun,
  evaluateRun,
  averagePrecisionAt,
  type RetrievalScores,
  type RunLine,
  type TsvRecord,
  type TsvTable,
} from './trec.js';

/** Default candidate pool of the re-ranker: BM25's top 20 hold the right fact-check for ~96% of train queries. */
export const DEFAULT_CANDIDATES = 20;

/**
 * A matcher with the committed word vectors and re-ranker (the default method), or plain BM25 when
 * `method` is 'bm25' or no trained model is present.
 */
export function createFactCheckMatcher<T extends MatchableFactCheck>(
  entries: readonly T[],
  method: 'rerank' | 'bm25' = 'rerank',
  options: MatcherOptions = {},
): FactCheckMatcher<T> {
  if (method === 'bm25') return new FactCheckMatcher(entries, { ...options, model: null, vectors: null });
  const model = options.model !== undefined ? options.model : loadRerankerModel();
  const vectors = options.vectors !== undefined ? options.vectors : model ? loadWordVectors() : null;
  return new FactCheckMatcher(entries, { candidates: DEFAULT_CANDIDATES, ...options, model, vectors });
}
