import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CANDIDATES } from '../../src/corpus/matching/index.js';
import { FactCheckMatcher } from '../../src/corpus/matching/matcher.js';
import type { RerankerModel } from '../../src/corpus/matching/reranker.js';
import { loadWordVectors } from '../../src/models/vectors/word-vectors.js';
import { ROOT, type Section } from '../harness.js';
import { loadClaimRetrieval } from './claim-retrieval-data.js';
import { crossValidate, type LabelledQuery } from './cross-validation.js';
import { fitReranker, labelledQueries } from './reranker-training.js';
import { chooseStrengthThresholds, STRENGTH_TARGETS } from './strength.js';

/**
 * `npm run train matching`: learns the re-ranker on the CheckThat! 2020 train split (dev is never seen)
 * and writes src/corpus/matching/reranker-model.json. Deterministic (full-batch gradient descent). Also
 * reports 5-fold cross-validated MAP@5 on train (folds by query), the figure that chose the features.
 */
export const matchingTrainSection: Section = {
  id: 'matching',
  title: 'Fact-check matching re-ranker',
  async run(ctx) {
    const data = loadClaimRetrieval(ctx.dataDir);
    if (!data) return '_Skipped: ../shared/data/claim-retrieval not found._';
    const matcher = new FactCheckMatcher(data.factChecks, {
      vectors: loadWordVectors(),
      candidates: DEFAULT_CANDIDATES,
    });
    const groups = labelledQueries(matcher, data, data.train);
    const covered = groups.filter((g) => g.relevant.some(Boolean)).length;
    ctx.log(
      `train queries: ${groups.length}; relevant fact-check among the top ${DEFAULT_CANDIDATES} BM25 candidates: ${covered}`,
    );
    const iterations = ctx.quick ? 100 : 800;
    const fit = (queries: readonly LabelledQuery[]): RerankerModel => fitReranker(queries, iterations);
    const cv = crossValidate(groups, fit);
    ctx.log(`5-fold CV MAP@5 on train: BM25 ${cv.bm25.toFixed(4)}, re-ranked ${cv.rerank.toFixed(4)}`);
    const thresholds = chooseStrengthThresholds(cv.best);
    const pct = (x: number): string => `${Math.round(x * 100)} %`;
    const model: RerankerModel = {
      ...fit(groups),
      strength: {
        ...thresholds,
        measured: `best result of each CheckThat! 2020 train query, out-of-fold scores of 5-fold cross-validation (${cv.best.length} queries): right at least ${pct(STRENGTH_TARGETS.strong)} of the time at or above strong, ${pct(STRENGTH_TARGETS.possible)} at or above possible`,
      },
    };
    ctx.log(`match strength: strong >= ${thresholds.strong}, possible >= ${thresholds.possible}`);
    const file = join(ROOT, 'src', 'corpus', 'matching', 'reranker-model.json');
    if (!ctx.quick) writeFileSync(file, JSON.stringify(model, null, 2) + '\n');
    const rows = model.features.map((f, i) => `| ${f} | ${model.weights[i]!.toFixed(3)} |`);
    return [
      `Trained on ${groups.length} train queries (${covered} with the relevant fact-check among the candidates); ${ctx.quick ? 'quick run, model not written' : 'wrote `src/corpus/matching/reranker-model.json`'}.`,
      '',
      `5-fold cross-validation on train (folds by query): MAP@5 BM25 ${cv.bm25.toFixed(4)}, re-ranked ${cv.rerank.toFixed(4)}.`,
      '',
      `Match strength (the best result's score, out of fold): strong at ${thresholds.strong} or more, possible at ${thresholds.possible} or more.`,
      '',
      '| feature | weight (standardised) |',
      '|---|---|',
      ...rows,
    ].join('\n');
  },
};
