import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface SectionContext {
  /** ../shared/data, or null on a fresh clone (sections then say they were skipped). */
  readonly dataDir: string | null;
  /** Smaller runs for smoke tests (`--quick`). */
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

/**
 * One part of `npm run eval`, `npm run bench` or `npm run train`. `run` prints as it goes and returns the
 * Markdown recorded in docs/evaluation.md or docs/benchmarks.md, between markers with the section's id.
 */
export interface Section {
  readonly id: string;
  readonly title: string;
  run(ctx: SectionContext): Promise<string>;
}

export function defaultDataDir(): string | null {
  const env = process.env.NARRASCOPE_SHARED_DATA;
  if (env && existsSync(env)) return env;
  const p = join(ROOT, '..', 'shared', 'data');
  return existsSync(p) ? p : null;
}

/** Replaces (or appends) the block between `<!-- section:id -->` markers, so one section can be rerun alone. */
export function upsertSection(file: string, heading: string, id: string, title: string, body: string): void {
  const start = `<!-- section:${id} -->`;
  const end = `<!-- /section:${id} -->`;
  const block = `${start}\n## ${title}\n\n${body.trim()}\n\n_Recorded ${new Date().toISOString().slice(0, 10)} by \`${process.argv.slice(1).map((a) => a.replace(ROOT + '/', '')).join(' ')}\`._\n${end}`;
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : `# ${heading}\n`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) doc = doc.slice(0, i) + block + doc.slice(j + end.length);
  else doc = `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, doc);
}

/** Runs the named sections (all when none are named) and records their Markdown. */
export async function runSections(kind: 'eval' | 'bench' | 'train', sections: readonly Section[], argv: readonly string[]): Promise<void> {
  const usage = `usage: npm run ${kind} -- [--quick] [section ...]\nsections: ${sections.map((s) => s.id).join(', ')}\n--quick: smaller runs, nothing recorded`;
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return;
  }
  // An unknown option is refused rather than ignored: the run would otherwise record it in the docs' footnote.
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--quick');
  if (unknown.length) {
    console.error(`unknown option(s): ${unknown.join(', ')}\n${usage}`);
    process.exit(2);
  }
  const quick = argv.includes('--quick');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const chosen = wanted.length ? sections.filter((s) => wanted.includes(s.id)) : sections;
  if (wanted.length && chosen.length !== wanted.length) {
    console.error(`unknown section(s): ${wanted.filter((w) => !sections.some((s) => s.id === w)).join(', ')}; known: ${sections.map((s) => s.id).join(', ')}`);
    process.exit(2);
  }
  const dataDir = defaultDataDir();
  if (!dataDir) console.warn('[notice] ../shared/data not found: sections that need it will be skipped.');
  const file = kind === 'eval' ? join(ROOT, 'docs', 'evaluation.md') : kind === 'bench' ? join(ROOT, 'docs', 'benchmarks.md') : null;
  const heading = kind === 'eval' ? 'Evaluation results' : 'Benchmark results';
  for (const section of chosen) {
    console.log(`\n=== ${section.title} (${section.id}) ===`);
    const t = performance.now();
    const md = await section.run({ dataDir, quick, log: (line) => console.log(line) });
    console.log(md);
    console.log(`(${section.id} took ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    if (file && !quick) upsertSection(file, heading, section.id, section.title, md);
  }
}
