import { describe, expect, it } from 'vitest';
import { createFactCheckMatcher, evaluateRun } from '../../src/corpus/matching/index.js';
import { loadClaimRetrieval, queryText } from '../../bench/matching/claim-retrieval-data.js';
import { sharedDataDir, sharedDataOrSkip } from '../support/shared-data.js';

// A quality floor on the first 60 dev queries (full figures: `npm run eval claim-retrieval`).
const present = sharedDataOrSkip('claim-retrieval', 'verified_claims.docs.tsv');

describe.skipIf(!present)('CheckThat! 2020 claim retrieval (dev sample)', () => {
  it('re-ranked MAP@5 stays above plain BM25 minus noise and above 0.75', () => {
    const data = loadClaimRetrieval(sharedDataDir())!;
    const matcher = createFactCheckMatcher(data.factChecks);
    const sample = data.dev.queries.slice(0, 60);
    const qrels = new Map(sample.map((q) => [q.id, data.dev.qrels.get(q.id)!]));
    const run = (bm25Only: boolean): Map<string, string[]> =>
      new Map(
        sample.map((q) => [
          q.id,
          matcher.match(queryText(q), { k: 10, highlights: false, bm25Only }).map((h) => h.factCheck.id),
        ]),
      );
    const rerank = evaluateRun(run(false), qrels);
    const bm25 = evaluateRun(run(true), qrels);
    expect(rerank.map5).toBeGreaterThan(0.75);
    expect(rerank.map5).toBeGreaterThan(bm25.map5 - 0.03);
  });
});
