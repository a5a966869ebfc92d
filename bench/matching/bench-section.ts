import { createFactCheckMatcher } from '../../src/corpus/matching/index.js';
import type { FactCheckMatcher } from '../../src/corpus/matching/matcher.js';
import { cpus, loadavg } from 'node:os';
import type { Section } from '../harness.js';
import { loadClaimRetrieval, queryText } from './claim-retrieval-data.js';

/**
 * Queries per second of wall time and per second of this process's CPU time. On a shared machine the
 * wall figure drops with the load; CPU time is what one core spends, the figure the target is about.
 */
function rate(
  matcher: FactCheckMatcher,
  queries: readonly string[],
  bm25Only: boolean,
  rounds: number,
): { wall: number; cpu: number } {
  // One warm-up pass for the JIT, then the measured passes.
  for (const q of queries) matcher.match(q, { k: 20, highlights: false, bm25Only });
  const t = performance.now();
  const c = process.cpuUsage();
  for (let r = 0; r < rounds; r++)
    for (const q of queries) matcher.match(q, { k: 20, highlights: false, bm25Only });
  const cpu = process.cpuUsage(c);
  const n = queries.length * rounds;
  return { wall: n / ((performance.now() - t) / 1000), cpu: n / ((cpu.user + cpu.system) / 1e6) };
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
    ctx.log(
      `bm25 ${bm25.wall.toFixed(0)} q/s (${bm25.cpu.toFixed(0)} per CPU-s), re-ranked ${full.wall.toFixed(0)} q/s (${full.cpu.toFixed(0)} per CPU-s) (${((performance.now() - t) / 1000).toFixed(1)} s)`,
    );
    return [
      `${library.length} fact-checks indexed in ${buildMs.toFixed(0)} ms (BM25 ×3 fields, word vectors, features); ${queries.length} tweet queries × ${rounds} rounds after one warm-up round, top 20, no highlights, one thread.`,
      '',
      '| method | queries per wall-clock second | queries per CPU second (one core) |',
      '|---|---|---|',
      `| BM25 only | ${bm25.wall.toFixed(0)} | ${bm25.cpu.toFixed(0)} |`,
      `| BM25 + re-ranker${matcher.model ? '' : ' (no model: BM25)'} | ${full.wall.toFixed(0)} | ${full.cpu.toFixed(0)} |`,
      '',
      `Re-ranking costs ${(bm25.cpu / full.cpu).toFixed(1)}× the CPU time of BM25 alone on the same run. Target of issue 7: ≥ 1,000 queries/s on one core. Load average when measured: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (wall-clock figures fall with the load; CPU-time figures much less).`,
    ].join('\n');
  },
};
