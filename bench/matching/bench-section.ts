import { createFactCheckMatcher } from '../../src/corpus/matching/index.js';
import type { FactCheckMatcher } from '../../src/corpus/matching/matcher.js';
import type { Section } from '../harness.js';
import { loadClaimRetrieval, queryText } from './claim-retrieval-data.js';

function rate(matcher: FactCheckMatcher, queries: readonly string[], bm25Only: boolean, rounds: number): number {
  // One warm-up pass for the JIT, then the measured passes.
  for (const q of queries) matcher.match(q, { k: 20, highlights: false, bm25Only });
  const t = performance.now();
  for (let r = 0; r < rounds; r++) for (const q of queries) matcher.match(q, { k: 20, highlights: false, bm25Only });
  return (queries.length * rounds) / ((performance.now() - t) / 1000);
}

/** `npm run bench matching`: queries per second against 10,000 fact-checks, one thread (Node is single-threaded here). */
export const matchingBenchSection: Section = {
  id: 'matching',
  title: 'Fact-check matching throughput',
  async run(ctx) {
    const data = loadClaimRetrieval(ctx.dataDir);
    if (!data) return '_Skipped: ../shared/data/claim-retrieval not found._';
    const library = data.factChecks.slice(0, 10_000);
    let t = performance.now();
    const matcher = createFactCheckMatcher(library);
    const buildMs = performance.now() - t;
    const queries = [...data.train.queries, ...data.dev.queries].map(queryText);
    const rounds = ctx.quick ? 1 : 3;
    t = performance.now();
    const bm25 = rate(matcher, queries, true, rounds);
    const full = rate(matcher, queries, false, rounds);
    ctx.log(`bm25 ${bm25.toFixed(0)} q/s, re-ranked ${full.toFixed(0)} q/s (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    return [
      `${library.length} fact-checks indexed in ${buildMs.toFixed(0)} ms (BM25 ×3 fields, word vectors, features); ${queries.length} tweet queries × ${rounds} rounds after one warm-up round, top 20, no highlights, one thread.`,
      '',
      '| method | queries/s |',
      '|---|---|',
      `| BM25 only | ${bm25.toFixed(0)} |`,
      `| BM25 + re-ranker${matcher.model ? '' : ' (no model: BM25)'} | ${full.toFixed(0)} |`,
      '',
      `Re-ranking costs ${(bm25 / full).toFixed(1)}× the time of BM25 alone on the same run. Target of issue 7: ≥ 1,000 queries/s. Load average when measured: ${(await import('node:os')).loadavg()[0]!.toFixed(1)}.`,
    ].join('\n');
  },
};
