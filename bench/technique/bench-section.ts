/**
 * `npm run bench technique`: speed of the whole technique stage (the 23 technique detectors sharing one model
 * run, then the technique aggregator) against reading and tokenising the same articles in the same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AggregateContext } from '../../src/core/aggregate/types.js';
import { resolveOptions } from '../../src/core/config/options.js';
import { createSharedCache } from '../../src/core/detect/shared-cache.js';
import type { DetectContext } from '../../src/core/detect/types.js';
import { signalToFinding } from '../../src/core/detect/validate-signal.js';
import type { Finding } from '../../src/core/finding/types.js';
import { segmentText } from '../../src/core/segment/segment.js';
import { createDocument } from '../../src/core/text/document.js';
import { techniqueProfile } from '../../src/aggregators/technique/technique-profile.js';
import { readArticles } from '../../src/cli/predict/ptc-articles.js';
import { techniqueDetectors } from '../../src/detectors/technique/index.js';
import { loadTechniqueModel } from '../../src/models/technique/load.js';
import type { Section } from '../harness.js';

/** Runs the technique stage on one segmented document; returns the number of findings. */
export async function techniqueStage(text: string, segments: ReturnType<typeof segmentText>): Promise<number> {
  const document = createDocument({ text, language: 'en' });
  const shared = createSharedCache();
  const findings: Finding[] = [];
  for (const d of techniqueDetectors) {
    const ctx: DetectContext = { document, text: document.text, language: 'en', segments, options: resolveOptions(d.meta.id, d.meta.options), shared, earlierFindings: findings };
    for (const s of await d.detect(ctx)) findings.push(signalToFinding(d.meta, s, document.text));
  }
  const actx: AggregateContext = {
    document,
    text: document.text,
    language: 'en',
    segments,
    findings,
    options: resolveOptions(techniqueProfile.meta.id, techniqueProfile.meta.options),
    shared,
    partial: { rebuttals: [], claims: [], narratives: [], entities: [], techniques: null, warnings: [] },
  };
  await techniqueProfile.aggregate(actx);
  return findings.length;
}

export const techniqueBenchSection: Section = {
  id: 'technique',
  title: 'Persuasion techniques: speed of the technique stage',
  async run(ctx) {
    if (!ctx.dataDir) return '_Skipped: ../shared/data not found._';
    const paths = readArticles(join(ctx.dataDir, 'ptc-train', 'articles-2023')).map((a) => a.path);
    const n = ctx.quick ? 40 : paths.length;
    const t0 = performance.now();
    loadTechniqueModel();
    const loadMs = performance.now() - t0;
    // Reading + tokenising: the baseline every analysis pays.
    const cpu = (): number => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const t1 = performance.now();
    const c1 = cpu();
    const docs: { text: string; segments: ReturnType<typeof segmentText> }[] = [];
    let words = 0;
    for (const p of paths.slice(0, n)) {
      const text = createDocument({ text: readFileSync(p, 'utf8') }).text;
      const segments = segmentText(text, 'en');
      words += segments.tokens.filter((t) => t.kind === 'word').length;
      docs.push({ text, segments });
    }
    const readMs = performance.now() - t1;
    const readCpu = cpu() - c1;
    // Warm-up on a few documents, then the timed pass over all.
    for (const d of docs.slice(0, 5)) await techniqueStage(d.text, d.segments);
    const t2 = performance.now();
    const c2 = cpu();
    let findings = 0;
    for (const d of docs) findings += await techniqueStage(d.text, d.segments);
    const stageMs = performance.now() - t2;
    const stageCpu = cpu() - c2;
    const rate = (ms: number): string => ((docs.length / ms) * 1000).toFixed(0);
    ctx.log(`read+tokenise ${rate(readCpu)} articles per CPU-second; technique stage ${rate(stageCpu)} articles per CPU-second`);
    return [
      `${docs.length} PTC articles (${words} words, ${(words / docs.length).toFixed(0)} words per article), one process. Rates per CPU-second of this process (one core), which the shared machine's load disturbs less than wall-clock time; wall-clock time is shown too.`,
      '',
      '| stage | CPU ms | articles per CPU-second | wall ms | ratio to read + tokenise (CPU) |',
      '|---|---|---|---|---|',
      `| read + normalise + tokenise (wink-nlp) | ${readCpu.toFixed(0)} | ${rate(readCpu)} | ${readMs.toFixed(0)} | 1.00 |`,
      `| technique stage (23 detectors, one shared model run, aggregator) | ${stageCpu.toFixed(0)} | ${rate(stageCpu)} | ${stageMs.toFixed(0)} | ${(stageCpu / readCpu).toFixed(2)} |`,
      '',
      `Model load (once per process): ${loadMs.toFixed(0)} ms. Findings produced: ${findings}. Target: technique stage ≥ 200 articles/s per core.`,
    ].join('\n');
  },
};
