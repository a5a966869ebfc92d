import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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
  // Through a temporary file and a rename: a run stopped while writing never leaves the results page cut short.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, doc);
  renameSync(temp, file);
}

/** Where runSections reads and writes; the defaults are the real ones (tests pass temporary ones). */
export interface RunOptions {
  /** ../shared/data or NARRASCOPE_SHARED_DATA; null when absent. */
  readonly dataDir?: string | null;
  /** The folder of evaluation.md and benchmarks.md. */
  readonly docsDir?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
}

/** Whether a section's Markdown says it did not run (every section starts such an answer with `_Skipped`). */
export function isSkipped(md: string): boolean {
  return /^\s*_Skipped\b/u.test(md);
}

/**
 * Runs the named sections (all when none are named) and records their Markdown; returns the exit code
 * (0, 2 for bad usage, 1 when a section failed). Nothing replaces figures recorded in docs/ unless the
 * run made new ones: a section that failed, one that was skipped, and every section of a run without
 * ../shared/data (whose figures were all made with it; the ledger section, say, would lose its real-text
 * line) leave the recorded block as it is. A failure is one line (a stack with NARRASCOPE_DEBUG=1), and
 * the other sections still run, except in training, which stops there.
 */
export async function runSections(kind: 'eval' | 'bench' | 'train', sections: readonly Section[], argv: readonly string[], opts: RunOptions = {}): Promise<number> {
  const out = opts.out ?? ((line: string) => console.log(line));
  const err = opts.err ?? ((line: string) => console.error(line));
  const env = opts.env ?? process.env;
  const recorded = kind === 'eval' ? 'docs/evaluation.md' : kind === 'bench' ? 'docs/benchmarks.md' : 'the model artefacts';
  const usage = [
    `usage: npm run ${kind} -- [--quick] [section ...]`,
    `sections: ${sections.map((s) => s.id).join(', ')}`,
    `--quick: smaller runs, nothing recorded`,
    `data: ../shared/data, or the folder in NARRASCOPE_SHARED_DATA; results go to ${recorded}${kind === 'train' ? '' : ' (not for a section that failed or was skipped, nor for a run without the data)'}`,
    `exit codes: 0 done, 1 a section failed (one line each; NARRASCOPE_DEBUG=1 for a stack trace), 2 bad usage`,
  ].join('\n');
  if (argv.includes('--help') || argv.includes('-h')) {
    out(usage);
    return 0;
  }
  // An unknown option is refused rather than ignored: the run would otherwise record it in the docs' footnote.
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--quick');
  if (unknown.length) {
    err(`unknown option(s): ${unknown.join(', ')}\n${usage}`);
    return 2;
  }
  const quick = argv.includes('--quick');
  // A section named twice runs once (counting the names, `eval ledger ledger` said "unknown section(s): ;").
  const wanted = [...new Set(argv.filter((a) => !a.startsWith('--')))];
  const chosen = wanted.length ? sections.filter((s) => wanted.includes(s.id)) : sections;
  if (wanted.length && chosen.length !== wanted.length) {
    err(`unknown section(s): ${wanted.filter((w) => !sections.some((s) => s.id === w)).join(', ')}; known: ${sections.map((s) => s.id).join(', ')}`);
    return 2;
  }
  // A data folder named but absent would quietly give way to ../shared/data: the run would measure other data.
  const named = env.NARRASCOPE_SHARED_DATA;
  if (opts.dataDir === undefined && named && !existsSync(named)) {
    err(`NARRASCOPE_SHARED_DATA is "${named}", which does not exist; unset it to use ../shared/data`);
    return 2;
  }
  const dataDir = opts.dataDir === undefined ? defaultDataDir() : opts.dataDir;
  const docsDir = opts.docsDir ?? join(ROOT, 'docs');
  const file = kind === 'eval' ? join(docsDir, 'evaluation.md') : kind === 'bench' ? join(docsDir, 'benchmarks.md') : null;
  if (!dataDir) err(`[notice] ../shared/data not found: sections that need it will be skipped${file && !quick ? `, and nothing is recorded in ${basename(file)}` : ''}.`);
  const heading = kind === 'eval' ? 'Evaluation results' : 'Benchmark results';
  const failed: string[] = [];
  for (const section of chosen) {
    out(`\n=== ${section.title} (${section.id}) ===`);
    const t = performance.now();
    let md: string;
    try {
      md = await section.run({ dataDir, quick, log: out });
    } catch (e) {
      failed.push(section.id);
      // The message only: a hint of a CLI error (UserError) speaks of command-line options this run has not.
      err(`[error] section ${section.id} failed: ${e instanceof Error ? e.message : String(e)}`);
      if (env.NARRASCOPE_DEBUG && e instanceof Error && e.stack) err(e.stack);
      // A training section may build on the artefacts of the ones before it (the narrative model on the
      // taxonomies): after a failure, the later ones would train on stale inputs.
      if (kind === 'train') {
        const rest = chosen.slice(chosen.indexOf(section) + 1).map((s) => s.id);
        if (rest.length) err(`[error] not run after that failure: ${rest.join(', ')}`);
        break;
      }
      continue;
    }
    out(md);
    out(`(${section.id} took ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    if (file && !quick && dataDir && !isSkipped(md)) upsertSection(file, heading, section.id, section.title, md);
  }
  if (!failed.length) return 0;
  err(`[error] ${failed.length} section(s) failed: ${failed.join(', ')}${file && !quick ? `; their figures in ${basename(file)} are unchanged` : ''}.`);
  return 1;
}
