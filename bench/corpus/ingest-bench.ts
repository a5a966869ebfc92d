/**
 * Ingest + analyse throughput on news-sized documents (the PTC training articles, ≈5.7 KB each, read from
 * ../shared/data), split into analysis-only and store-only time, and peak memory over a long real corpus
 * (EUvsDisinfo cases.csv, 10,892 rows) sampled as it goes to show it does not grow with the corpus.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analyzer.js';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { MinHasher, encodeSignature } from '../../src/corpus/minhash.js';
import { createDocument } from '../../src/core/text/document.js';
import { openStore, saveAnalysedDocument } from '../../src/store/index.js';
import type { Section, SectionContext } from '../harness.js';

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

function newsDocs(dataDir: string, copies: number, limit: number): string[] {
  const dir = join(dataDir, 'ptc-train', 'articles');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, limit);
  const out: string[] = [];
  for (let c = 0; c < copies; c++) for (const f of files) out.push(JSON.stringify({ text: `${readFileSync(join(dir, f), 'utf8')}${c ? `\n\n(Republished, copy ${c}.)` : ''}`, outlet: `Outlet ${out.length % 7}`, date: `2020-0${1 + (out.length % 9)}-15` }));
  return out;
}

export const ingestBenchSection: Section = {
  id: 'corpus-ingest',
  title: 'Corpus ingest: throughput, analysis vs store time, memory',
  async run(ctx: SectionContext): Promise<string> {
    if (!ctx.dataDir) return '_Skipped: ../shared/data not found._';
    const tmp = mkdtempSync(join(tmpdir(), 'narrascope-bench-ingest-'));
    try {
      const lines = newsDocs(ctx.dataDir, 1, ctx.quick ? 30 : 150);
      const input = join(tmp, 'news.jsonl');
      writeFileSync(input, `${lines.join('\n')}\n`);
      const n = lines.length;
      const avgBytes = Math.round(lines.reduce((s, l) => s + (JSON.parse(l) as { text: string }).text.length, 0) / n);
      const cores = availableParallelism();

      // 1. end to end, worker pool of one thread per core
      const store = await openStore(join(tmp, 'e2e.db'));
      let peak = process.memoryUsage().rss;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
      const s = await ingest(store, [input], { workers: cores, track: true });
      clearInterval(timer);
      await store.close();
      const e2eRate = s.inserted / (s.elapsedMs / 1000);
      ctx.log(`end-to-end: ${s.inserted} docs in ${(s.elapsedMs / 1000).toFixed(1)} s = ${e2eRate.toFixed(1)} docs/s (${cores} workers), peak RSS ${mb(peak)}`);

      // 2. analysis only (one thread) and 3. store only (precomputed results), same documents
      const analyzer = createAnalyzer({ includeText: false });
      const hasher = new MinHasher();
      const docs = lines.map((l) => {
        const r = JSON.parse(l) as { text: string; outlet: string; date: string };
        return createDocument({ text: r.text, source: { kind: 'jsonl', outlet: r.outlet, publishedAt: r.date } });
      });
      await analyzer.analyze(docs[0] as (typeof docs)[number]);
      let t = performance.now();
      const results = [];
      for (const d of docs) results.push({ d, r: await analyzer.analyze(d), m: encodeSignature(hasher.signature(d.text)) });
      const analysisMs = performance.now() - t;
      const store2 = await openStore(join(tmp, 'store-only.db'));
      t = performance.now();
      for (const x of results) await saveAnalysedDocument(store2, x.d, x.r, { minhash: x.m });
      const storeMs = performance.now() - t;
      await store2.close();
      const aRate = n / (analysisMs / 1000);
      const sRate = n / (storeMs / 1000);
      ctx.log(`analysis only: ${aRate.toFixed(1)} docs/s on one thread; store only: ${sRate.toFixed(1)} docs/s; analysis/store time ratio ${(analysisMs / storeMs).toFixed(1)}`);

      const rows = [
        '| measure | value |',
        '|---|---|',
        `| documents | ${n} news-sized (the first PTC training articles), mean ${avgBytes} characters |`,
        `| end-to-end ingest + analyse, SQLite, ${cores} worker threads | **${e2eRate.toFixed(1)} docs/s** (${(s.elapsedMs / 1000).toFixed(1)} s) |`,
        `| analysis only, one thread | ${aRate.toFixed(1)} docs/s (${(analysisMs / n).toFixed(1)} ms/doc) |`,
        `| store only (one transaction per document: document, analysis, derived rows, FTS) | ${sRate.toFixed(1)} docs/s (${(storeMs / n).toFixed(2)} ms/doc) |`,
        `| analysis time / store time | **${(analysisMs / storeMs).toFixed(1)} : 1** |`,
        `| end-to-end / single-thread analysis | ${(e2eRate / aRate).toFixed(2)}× |`,
        `| peak RSS during ingest (main + workers) | ${mb(peak)} |`,
      ];

      // 4. memory over a long real corpus: RSS sampled at each quarter of the input
      if (!ctx.quick) {
        const cases = join(ctx.dataDir, 'euvsdisinfo', 'cases.csv');
        const store3 = await openStore(join(tmp, 'cases.db'));
        const marks: string[] = [];
        let next = 0.25;
        let peak3 = 0;
        const s3 = await ingest(store3, [cases], {
          workers: cores,
          read: { map: { text: 'title', outlet: 'outlets', url: 'id', language: 'languages' } },
          onProgress: (p) => {
            const rss = process.memoryUsage().rss;
            peak3 = Math.max(peak3, rss);
            if (p.bytesTotal && p.bytesDone / p.bytesTotal >= next) {
              marks.push(`${Math.round(next * 100)}%: ${mb(rss)}`);
              next += 0.25;
            }
          },
        });
        await store3.close();
        ctx.log(`cases.csv: ${s3.inserted} stored, ${s3.unchanged} repeated texts, ${(s3.elapsedMs / 1000).toFixed(1)} s; RSS ${marks.join(', ')}`);
        rows.push(
          `| EUvsDisinfo cases.csv (10,892 rows; short claims) | ${s3.inserted} stored + ${s3.unchanged} repeated texts in ${(s3.elapsedMs / 1000).toFixed(1)} s = ${(s3.inserted / (s3.elapsedMs / 1000)).toFixed(1)} docs/s |`,
          `| RSS at 25/50/75/100% of cases.csv | ${marks.join(' · ')} (peak ${mb(peak3)}) |`,
        );
      }
      return `${rows.join('\n')}\n\nMachine: ${cores} cores shared with other jobs; figures vary by ±20% between runs. Analysis dominates: the store adds ${(100 * storeMs / (analysisMs + storeMs)).toFixed(0)}% to single-thread time.`;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
