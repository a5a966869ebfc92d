/**
 * `npm run bench technique`: speed of the whole technique stage (the 23 technique detectors sharing one model
 * run, then the technique aggregator) against reading and tokenising the same articles in the same run.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
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
    const texts = paths.slice(0, n).map((p) => readFileSync(p, 'utf8'));
    // The first pass of each is cold (JIT compilation, lazily built tables and caches); the later ones are
    // the steady state of a long-running ingest or server process.
    const readPass = (): { docs: { text: string; segments: ReturnType<typeof segmentText> }[]; words: number; ms: number; cpuMs: number } => {
      const t = performance.now();
      const c = cpu();
      const docs: { text: string; segments: ReturnType<typeof segmentText> }[] = [];
      let words = 0;
      for (const raw of texts) {
        const text = createDocument({ text: raw }).text;
        const segments = segmentText(text, 'en');
        words += segments.tokens.filter((tok) => tok.kind === 'word').length;
        docs.push({ text, segments });
      }
      return { docs, words, ms: performance.now() - t, cpuMs: cpu() - c };
    };
    const stagePass = async (docs: { text: string; segments: ReturnType<typeof segmentText> }[]): Promise<{ findings: number; ms: number; cpuMs: number }> => {
      const t = performance.now();
      const c = cpu();
      let findings = 0;
      for (const d of docs) findings += await techniqueStage(d.text, d.segments);
      return { findings, ms: performance.now() - t, cpuMs: cpu() - c };
    };
    const readCold = readPass();
    const { docs, words } = readCold;
    const stageCold = await stagePass(docs);
    // Steady state: reading and the stage alternate over ROUNDS passes, so that a change in the shared
    // machine's speed during the run touches both sides of the ratio alike; the figures are the totals.
    const ROUNDS = ctx.quick ? 1 : 3;
    const rounds: { read: ReturnType<typeof readPass>; stage: Awaited<ReturnType<typeof stagePass>> }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const read = readPass();
      rounds.push({ read, stage: await stagePass(docs) });
    }
    const sum = (f: (x: (typeof rounds)[number]) => number): number => rounds.reduce((acc, x) => acc + f(x), 0);
    const findings = (rounds[0] as (typeof rounds)[number]).stage.findings;
    const [readMs, readCpu, stageMs, stageCpu] = [sum((x) => x.read.ms) / ROUNDS, sum((x) => x.read.cpuMs) / ROUNDS, sum((x) => x.stage.ms) / ROUNDS, sum((x) => x.stage.cpuMs) / ROUNDS];
    const roundRatios = rounds.map((x) => (x.stage.cpuMs / x.read.cpuMs).toFixed(2)).join(', ');
    const rate = (ms: number): string => ((docs.length / ms) * 1000).toFixed(0);
    ctx.log(`read+tokenise ${rate(readCpu)} articles per CPU-second; technique stage ${rate(stageCpu)} articles per CPU-second`);
    return [
      `${docs.length} PTC articles (${words} words, ${(words / docs.length).toFixed(0)} words per article), one process; after a cold first pass of each (shown below), reading and the technique stage alternate over ${ROUNDS} passes each and the steady-state rows give the mean pass (ratio per round: ${roundRatios}). Rates per CPU-second of this process (one core), which the shared machine's load disturbs less than wall-clock time; wall-clock time is shown too. 1-minute load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores.`,
      '',
      '| stage | CPU ms | articles per CPU-second | wall ms | ratio to read + tokenise (CPU) |',
      '|---|---|---|---|---|',
      `| read + normalise + tokenise (wink-nlp) | ${readCpu.toFixed(0)} | ${rate(readCpu)} | ${readMs.toFixed(0)} | 1.00 |`,
      `| technique stage (23 detectors, one shared model run, aggregator) | ${stageCpu.toFixed(0)} | **${rate(stageCpu)}** | ${stageMs.toFixed(0)} | ${(stageCpu / readCpu).toFixed(2)} |`,
      `| first (cold) pass, for comparison: read + tokenise / technique stage | ${readCold.cpuMs.toFixed(0)} / ${stageCold.cpuMs.toFixed(0)} | ${rate(readCold.cpuMs)} / ${rate(stageCold.cpuMs)} | ${readCold.ms.toFixed(0)} / ${stageCold.ms.toFixed(0)} | ${(stageCold.cpuMs / readCold.cpuMs).toFixed(2)} |`,
      '',
      `Model load (once per process): ${loadMs.toFixed(0)} ms. Findings produced: ${findings}. Target: technique stage ≥ 200 articles/s per core.`,
    ].join('\n');
  },
};
