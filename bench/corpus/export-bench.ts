/**
 * `narrascope export --corpus` at two corpus sizes: documents per second and the exporting process's peak
 * memory, which must not grow with the number of documents (the export reads and writes in batches).
 * The store holds news-sized documents: the PTC training articles (../shared/data), analysed once, stored
 * in numbered copies (each copy its own document and hash, with the same analysis) — what is measured is
 * reading stored analyses and writing them out, not analysis. Each export runs the built CLI (dist/) in a
 * child process, so its peak RSS is its own.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzer } from '../../src/analyzer.js';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { createDocument } from '../../src/core/text/document.js';
import { openStore, saveAnalysedDocuments } from '../../src/store/index.js';
import type { Section, SectionContext } from '../harness.js';

interface ExportRun {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
  readonly bytes: number;
  readonly summary: string;
}

/** Prints the process's peak RSS (KB) and CPU time (µs) on exit; loaded with --import before the CLI. */
const EXIT_HOOK = `data:text/javascript,${encodeURIComponent("process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\n@bench maxrss='+u.maxRSS+' cpu='+(u.userCPUTime+u.systemCPUTime)+'\\n')})")}`;

function runExport(db: string, out: string, args: readonly string[]): Promise<ExportRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', EXIT_HOOK, join(process.cwd(), 'dist', 'cli', 'bin.js'), 'export', ...args, '--corpus', '--db', db, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NARRASCOPE_DB: '' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const m = /@bench maxrss=(\d+) cpu=(\d+)/u.exec(stderr);
      if (code !== 0 || !m) return reject(new Error(`export ${args.join(' ')} failed (exit ${code}): ${stderr}`));
      resolve({ seconds, cpuSeconds: Number(m[2]) / 1e6, maxRssMb: Number(m[1]) / 1024, bytes: statSync(out).size, summary: stderr.split('\n').find((l) => l.startsWith('narrascope export:')) ?? '' });
    }),
  );
}

export const exportBenchSection: Section = {
  id: 'corpus-export',
  title: 'Corpus export: documents per second and memory at two corpus sizes',
  async run(ctx: SectionContext): Promise<string> {
    if (!ctx.dataDir) return '_Skipped: ../shared/data not found._';
    if (!existsSync(join(process.cwd(), 'dist', 'cli', 'bin.js'))) return '_Skipped: dist/ is not built (`npm run build`)._';
    const tmp = mkdtempSync(join(tmpdir(), 'narrascope-bench-export-'));
    try {
      const dir = join(ctx.dataDir, 'ptc-train', 'articles');
      const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().slice(0, ctx.quick ? 20 : 10_000).map((f) => readFileSync(join(dir, f), 'utf8'));
      const analyzer = createAnalyzer({});
      const analysed: AnalysisResult[] = [];
      for (const text of texts) analysed.push(await analyzer.analyze(createDocument({ text, source: { kind: 'jsonl' } })));
      const sizes = ctx.quick ? [60, 240] : [1_000, 4_000];
      const rows: string[] = ['| documents | export | seconds | docs/s | CPU ms/doc | peak RSS of the exporting process | output |', '|---|---|---|---|---|---|---|'];
      const peaks = new Map<string, number[]>();
      for (const size of sizes) {
        const db = join(tmp, `export-${size}.db`);
        const store = await openStore(db);
        const items = [];
        for (let i = 0; i < size; i++) {
          const base = analysed[i % analysed.length] as AnalysisResult;
          const copy = Math.floor(i / analysed.length);
          // Text appended at the end leaves every span of the analysis where it was.
          const doc = createDocument({ text: `${base.document.text}\n\n(Copy ${copy}.)`, title: `Article ${i}`, source: { kind: 'jsonl', outlet: `Outlet ${i % 7}`, publishedAt: `2020-0${1 + (i % 9)}-15` } });
          items.push({ doc, result: { ...base, document: { ...base.document, hash: doc.hash, text: doc.text, length: doc.text.length, title: doc.title ?? null, source: { ...doc.source } as AnalysisResult['document']['source'] } } });
          if (items.length === 32 || i === size - 1) {
            await saveAnalysedDocuments(store, items.splice(0));
          }
        }
        await store.close();
        for (const args of [['stix'], ['csv', '--table', 'findings'], ['csv', '--table', 'claims']]) {
          const name = args.join(' ').replace(' --table ', ' ');
          const r = await runExport(db, join(tmp, `out-${size}-${name.replace(' ', '-')}`), args);
          ctx.log(`${size} docs, export ${name}: ${r.seconds.toFixed(1)} s, ${(size / r.seconds).toFixed(0)} docs/s, peak RSS ${r.maxRssMb.toFixed(0)} MB — ${r.summary}`);
          rows.push(`| ${size.toLocaleString('en')} | ${name} | ${r.seconds.toFixed(1)} | **${(size / r.seconds).toFixed(0)}** | ${((r.cpuSeconds * 1000) / size).toFixed(2)} | **${r.maxRssMb.toFixed(0)} MB** | ${(r.bytes / 1024 / 1024).toFixed(1)} MB |`);
          peaks.set(name, [...(peaks.get(name) ?? []), r.maxRssMb]);
        }
      }
      const growth = [...peaks].map(([name, [small, large]]) => `${name} ${((large ?? 0) / (small ?? 1)).toFixed(2)}×`).join(', ');
      return `${rows.join('\n')}\n\nPeak RSS at ${sizes[1]?.toLocaleString('en')} documents against ${sizes[0]?.toLocaleString('en')} (${(sizes[1] ?? 0) / (sizes[0] ?? 1)}× the documents and the output): ${growth}. Documents: the ${analysed.length} PTC training articles (news-sized), analysed once and stored in numbered copies; each export is the built CLI in its own process (\`narrascope export <format> --corpus --out FILE\`), start-up included. 1-minute load average ${(loadavg()[0] ?? 0).toFixed(1)} at the end.`;
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
