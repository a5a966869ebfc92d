/**
 * Near-duplicate clustering at 100,000 documents of the synthetic corpus (synthetic.ts): time for
 * signatures and for LSH + union-find, recall of planted pairs with Jaccard ≥ 0.8, false merges below 0.5,
 * and memory (signatures are 512 bytes per document; the text is never kept).
 */
import { lshCluster } from '../../src/corpus/lsh.js';
import { MinHasher } from '../../src/corpus/minhash.js';
import type { Section, SectionContext } from '../harness.js';
import { evaluateClusters } from './evaluate.js';
import { SyntheticCorpus } from './synthetic.js';

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function runOnce(n: number, log: (s: string) => void): Promise<{ n: number; peakRss: number; genMs: number; sigMs: number; lshMs: number; clusters: number; candidates: number; q: ReturnType<typeof evaluateClusters>; heapDelta: number }> {
  const corpus = new SyntheticCorpus({ documents: n, seed: 2024 });
  const hasher = new MinHasher();
  const k = hasher.numHashes;
  const heap0 = process.memoryUsage().heapUsed;
  const sigs = new Uint32Array(n * k);
  let genMs = 0;
  let sigMs = 0;
  let peakRss = process.memoryUsage().rss;
  for (let i = 0; i < n; i++) {
    if (i % 5000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const t0 = performance.now();
    const text = corpus.text(i);
    const t1 = performance.now();
    hasher.signature(text, sigs.subarray(i * k, (i + 1) * k));
    genMs += t1 - t0;
    sigMs += performance.now() - t1;
  }
  const t = performance.now();
  const r = lshCluster(sigs, n, k);
  const lshMs = performance.now() - t;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const heapDelta = process.memoryUsage().heapUsed - heap0;
  const q = evaluateClusters(corpus, r.clusters);
  log(`${n} docs: generating text ${(genMs / 1000).toFixed(1)} s (not counted), signatures ${(sigMs / 1000).toFixed(1)} s, LSH ${(lshMs / 1000).toFixed(2)} s, ${r.clusters.length} clusters, recall ${q.recall.toFixed(4)} (${q.recalled}/${q.positivePairs}), false merges ${q.falseMerges}`);
  return { n, peakRss, genMs, sigMs, lshMs, clusters: r.clusters.length, candidates: r.candidatePairs, q, heapDelta };
}

export const clustersBenchSection: Section = {
  id: 'corpus-clusters',
  title: 'Near-duplicate clustering (MinHash + LSH), synthetic corpus with planted near-duplicates',
  async run(ctx: SectionContext): Promise<string> {
    const sizes = ctx.quick ? [5_000] : [20_000, 100_000];
    const rows = ['| documents | signatures (s) | LSH + union-find (s) | total (s) | clusters | candidate pairs | pairs J ≥ 0.8 | recall | false merges (J < 0.5) | min J in a cluster | signature memory | process RSS |', '|---|---|---|---|---|---|---|---|---|---|---|---|'];
    const runs = [];
    for (const n of sizes) {
      const r = await runOnce(n, ctx.log);
      runs.push(r);
      rows.push(`| ${n.toLocaleString('en')} | ${(r.sigMs / 1000).toFixed(1)} | ${(r.lshMs / 1000).toFixed(2)} | **${((r.sigMs + r.lshMs) / 1000).toFixed(1)}** | ${r.clusters} | ${r.candidates} | ${r.q.positivePairs} | **${r.q.recall.toFixed(4)}** | **${r.q.falseMerges}** | ${r.q.minJaccardInCluster.toFixed(3)} | ${mb(r.n * 512)} | ${mb(r.peakRss)} |`);
    }
    const ratio = runs.length === 2 ? `\n\nScaling: ${(runs[1]!.n / runs[0]!.n).toFixed(0)}× the documents took ${((runs[1]!.sigMs + runs[1]!.lshMs) / (runs[0]!.sigMs + runs[0]!.lshMs)).toFixed(1)}× the time.` : '';
    return `${rows.join('\n')}${ratio}\n\nSettings: 128 hash functions, word 3-shingles, 32 bands × 4 rows, candidate pairs kept at estimated Jaccard ≥ 0.7, leader linkage at 0.75 (src/corpus/lsh.ts). Generating the synthetic texts is timed apart and not counted; the signature time includes tokenising and shingling. Memory: 512 bytes of signature per document plus one 8-byte key per document per band pass; texts are not kept. Process RSS is that of the whole benchmark process: run it alone (\`npm run bench corpus-clusters\`), or it includes the heap of the sections before it.`;
  },
};
