/**
 * Ingest + analyse throughput on news-sized documents (the PTC training articles, ≈5.7 KB each, read from
 * ../shared/data), split into analysis-only and store-only time, and peak memory over a long real corpus
 * (EUvsDisinfo cases.csv, 10,892 rows) sampled as it goes to show it does not grow with the corpus.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAnalyzer } from '../../src/analyzer.js';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { MinHasher, encodeSignature } from '../../src/corpus/minhash.js';
import { segmentText } from '../../src/core/segment/segment.js';
import { createDocument } from '../../src/core/text/document.js';
import { openStore, saveAnalysedDocument, saveAnalysedDocuments } from '../../src/store/index.js';
import { prepareAnalysis } from '../../src/store/repositories/prepared-analysis.js';
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
      // End to end through the compiled code when it is built (`npm ci` builds it): that is what the CLI
      // runs, and worker threads then load plain JavaScript instead of compiling TypeScript on start.
      // The analysis-only and store-only parts below use the same code, so that the ceiling they give
      // describes the code the end-to-end run used.
      const dist = (...path: string[]): string => pathToFileURL(join(process.cwd(), 'dist', ...path)).href;
      const compiled = existsSync(join(process.cwd(), 'dist', 'corpus', 'ingest', 'ingest.js'));
      const e2e = compiled
        ? {
            ingest: (await import(dist('corpus', 'ingest', 'ingest.js'))) as { ingest: typeof ingest },
            open: (await import(dist('store', 'index.js'))) as { openStore: typeof openStore; saveAnalysedDocument: typeof saveAnalysedDocument; saveAnalysedDocuments: typeof saveAnalysedDocuments },
            analysis: (await import(dist('analyzer.js'))) as { createAnalyzer: typeof createAnalyzer },
            hashing: (await import(dist('corpus', 'minhash.js'))) as { MinHasher: typeof MinHasher; encodeSignature: typeof encodeSignature },
            documents: (await import(dist('core', 'text', 'document.js'))) as { createDocument: typeof createDocument },
            prepare: (await import(dist('store', 'repositories', 'prepared-analysis.js'))) as { prepareAnalysis: typeof prepareAnalysis },
            code: 'compiled (dist/)',
          }
        : { ingest: { ingest }, open: { openStore, saveAnalysedDocument, saveAnalysedDocuments }, analysis: { createAnalyzer }, hashing: { MinHasher, encodeSignature }, documents: { createDocument }, prepare: { prepareAnalysis }, code: 'TypeScript sources through tsx (dist/ not built)' };
      const all = newsDocs(ctx.dataDir, 2, ctx.quick ? 30 : 10_000);
      const input = join(tmp, 'news.jsonl');
      writeFileSync(input, `${all.join('\n')}\n`);
      const cores = availableParallelism();
      const cpuMs = (): number => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      };
      const loadBefore = loadavg()[0] ?? 0;
      type EndToEnd = { workers: number; documents: number; rate: number; seconds: number; cpuPerDoc: number; peak: number; steadyRate: number; steadyCpu: number };
      const runEndToEnd = async (file: string, workers: number, total: number, name: string): Promise<EndToEnd> => {
        const store = await e2e.open.openStore(join(tmp, `${name}.db`));
        let peak = process.memoryUsage().rss;
        const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
        const c0 = cpuMs();
        // The second half of the run, once every worker has started and warmed up (the first ~100
        // documents of a fresh thread cost ~3× the later ones: lazily built tables and JIT), is the rate of
        // a long ingest; the whole run includes that start-up.
        const half = Math.floor(total / 2);
        let mid: { processed: number; ms: number; cpu: number } | null = null;
        const s = await e2e.ingest.ingest(store, [file], {
          workers,
          track: true,
          onProgress: (p) => {
            if (!mid && p.processed >= half) mid = { processed: p.processed, ms: p.elapsedMs, cpu: cpuMs() };
          },
        });
        const cpuEnd = cpuMs();
        const cpu = cpuEnd - c0;
        clearInterval(timer);
        await store.close();
        const m = mid as { processed: number; ms: number; cpu: number } | null;
        const rest = m ? s.inserted - m.processed : 0;
        const steadyRate = m && rest > 0 ? rest / ((s.elapsedMs - m.ms) / 1000) : Number.NaN;
        const steadyCpu = m && rest > 0 ? (cpuEnd - m.cpu) / rest : Number.NaN;
        ctx.log(`end-to-end, ${workers} worker(s), ${s.inserted} docs: ${(s.elapsedMs / 1000).toFixed(1)} s = ${(s.inserted / (s.elapsedMs / 1000)).toFixed(1)} docs/s, ${(cpu / s.inserted).toFixed(1)} ms CPU/doc (all threads); second half ${steadyRate.toFixed(1)} docs/s, ${steadyCpu.toFixed(1)} ms CPU/doc`);
        return { workers, documents: s.inserted, rate: s.inserted / (s.elapsedMs / 1000), seconds: s.elapsedMs / 1000, cpuPerDoc: cpu / Math.max(1, s.inserted), peak, steadyRate, steadyCpu };
      };
      const endToEnd: EndToEnd[] = [];
      for (const workers of [1, cores]) endToEnd.push(await runEndToEnd(input, workers, all.length, `e2e-${workers}`));
      // 2. analysis only (one thread) and 3. store only (precomputed results), on the first 150 documents
      const lines = all.slice(0, ctx.quick ? 30 : 150);
      const n = lines.length;
      const avgBytes = Math.round(all.reduce((sum, l) => sum + (JSON.parse(l) as { text: string }).text.length, 0) / all.length);
      const analyzer = e2e.analysis.createAnalyzer({ includeText: false });
      const hasher = new e2e.hashing.MinHasher();
      const docs = lines.map((l) => {
        const r = JSON.parse(l) as { text: string; outlet: string; date: string };
        return e2e.documents.createDocument({ text: r.text, source: { kind: 'jsonl', outlet: r.outlet, publishedAt: r.date } });
      });
      // A warm-up pass over the same documents first (JIT, lazily built tables), as in a long ingest.
      for (const d of docs) await analyzer.analyze(d);
      // The machine's speed of the moment, for comparing runs: the shared machine's CPU speed drifts by up
      // to 2–3× between hours, so the analysis is also given as a multiple of reading + tokenising.
      // Reading and analysis alternate over three rounds and the means are compared: CPU time is the whole
      // process's, and garbage collection of the end-to-end runs' heaps can still be running in the
      // background, so one short pass of each was sometimes off by half.
      let c = 0;
      let readMs = 0;
      let analysisMs = 0;
      // A worker's whole share: analysis, MinHash signature and the result's stored form (compressed JSON
      // and rows, prepared-analysis.ts), which the writing thread then only has to write.
      let results: { d: (typeof docs)[number]; r: ReturnType<typeof prepareAnalysis>; m: string }[] = [];
      const ROUNDS = ctx.quick ? 1 : 3;
      for (let round = 0; round < ROUNDS; round++) {
        c = cpuMs();
        for (const d of docs) segmentText(d.text, 'en');
        readMs += (cpuMs() - c) / ROUNDS;
        c = cpuMs();
        results = [];
        for (const d of docs) {
          const r = await analyzer.analyze(d);
          results.push({ d, r: e2e.prepare.prepareAnalysis(r, { resultJson: JSON.stringify(r) }), m: e2e.hashing.encodeSignature(hasher.signature(d.text)) });
        }
        analysisMs += (cpuMs() - c) / ROUNDS;
      }
      const store2 = await e2e.open.openStore(join(tmp, 'store-only.db'));
      c = cpuMs();
      for (const x of results) await e2e.open.saveAnalysedDocument(store2, x.d, x.r, { minhash: x.m });
      const storeMs = cpuMs() - c;
      await store2.close();
      const store3 = await e2e.open.openStore(join(tmp, 'store-batched.db'));
      c = cpuMs();
      for (let i = 0; i < results.length; i += 32) await e2e.open.saveAnalysedDocuments(store3, results.slice(i, i + 32).map((x) => ({ doc: x.d, result: x.r, options: { minhash: x.m } })));
      const batchedMs = cpuMs() - c;
      await store3.close();
      const perDoc = (ms: number): string => (ms / n).toFixed(2);
      ctx.log(`analysis only: ${perDoc(analysisMs)} ms CPU/doc; store only: ${perDoc(storeMs)} ms CPU/doc (one transaction each), ${perDoc(batchedMs)} (batches of 32)`);
      const best = endToEnd[endToEnd.length - 1] as (typeof endToEnd)[number];
      const rows = [
        '| measure | value |',
        '|---|---|',
        `| documents | ${all.length} news-sized: the ${all.length / 2} PTC training articles, each twice (the copy with one added line, so analysed again), mean ${avgBytes} characters |`,
        ...endToEnd.map((e) => `| end-to-end ingest + analyse, SQLite, ${e.workers} worker thread(s), ${e2e.code} | **${e.rate.toFixed(1)} docs/s** (${e.seconds.toFixed(1)} s; ${e.cpuPerDoc.toFixed(1)} ms CPU per document, all threads; peak RSS ${mb(e.peak)}) |`),
        ...endToEnd.map((e) => `| the same, second half of the run only (workers started and warm), ${e.workers} worker thread(s) | **${e.steadyRate.toFixed(1)} docs/s** (${e.steadyCpu.toFixed(1)} ms CPU per document, all threads) |`),
        `| analysis + MinHash + stored form (as a worker does), one thread, warm (first ${n} documents; mean of ${ROUNDS} passes alternating with reading), ${e2e.code} | ${perDoc(analysisMs)} ms CPU/doc (${(analysisMs / readMs).toFixed(1)} × reading + tokenising the same documents, ${perDoc(readMs)} ms: the machine's speed at the time) |`,
        `| store only, one transaction per document | ${perDoc(storeMs)} ms CPU/doc |`,
        `| store only, group commit (32 per transaction, as ingest does under load) | ${perDoc(batchedMs)} ms CPU/doc |`,
        `| CPU-bound ceiling on ${cores} cores: cores ÷ (analysis + batched store) | ${((cores * 1000) / ((analysisMs + batchedMs) / n)).toFixed(0)} docs/s |`,
        `| end-to-end ${best.workers} workers / ceiling (the rest: worker start-up, reading and hashing the input, passing results between threads, watch and counter-link matching) | ${(best.rate / ((cores * 1000) / ((analysisMs + batchedMs) / n))).toFixed(2)} |`,
      ];
      const storeShare = batchedMs / (analysisMs + batchedMs);
      // 4. memory over a long real corpus: RSS sampled at each quarter of the input
      if (!ctx.quick) {
        const cases = join(ctx.dataDir, 'euvsdisinfo', 'cases.csv');
        const store3 = await e2e.open.openStore(join(tmp, 'cases.db'));
        const marks: string[] = [];
        let next = 0.25;
        let peak3 = 0;
        const s3 = await e2e.ingest.ingest(store3, [cases], {
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
      // 5. A longer run, last so that its large heap disturbs none of the measurements above: the same
      // articles in 8 copies. Each worker's start (~1.8 s CPU) and warm-up (~2–3 s of optimising compilation,
      // docs/corpus.md) weigh less, as in an ingest of an outlet's months of articles.
      if (!ctx.quick) {
        const longInput = join(tmp, 'news-long.jsonl');
        const longDocs = newsDocs(ctx.dataDir, 8, 10_000);
        writeFileSync(longInput, `${longDocs.join('\n')}\n`);
        const long = await runEndToEnd(longInput, cores, longDocs.length, 'e2e-long');
        const at = rows.findIndex((r) => r.startsWith('| analysis + MinHash only'));
        rows.splice(at < 0 ? rows.length : at, 0, `| a longer ingest: the same articles in 8 copies (${long.documents} documents), ${long.workers} worker thread(s), run last | **${long.rate.toFixed(1)} docs/s** (${long.seconds.toFixed(1)} s; ${long.cpuPerDoc.toFixed(1)} ms CPU per document, all threads; second half ${long.steadyRate.toFixed(1)} docs/s; peak RSS ${mb(long.peak)}) |`);
      }
      return `${rows.join('\n')}\n\nMachine: ${cores} cores; 1-minute load average ${loadBefore.toFixed(1)} before the run (other work on the machine lowers the wall-clock rates directly; CPU times much less). Analysis dominates: the batched store is ${(100 * storeShare).toFixed(0)}% of the CPU per document. Ingest writes analysed documents by group commit (src/corpus/ingest/batch-writer.ts).`;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
