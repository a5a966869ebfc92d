import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSections, type Section } from './harness.js';

// The harness of `npm run eval / bench / train` on sections made up here, with a temporary docs folder.
let dir: string;
let data: string;
let lines: { out: string[]; err: string[] };
const RECORDED =
  '# Evaluation results\n\n<!-- section:a -->\n## A\n\nold figures of a\n<!-- /section:a -->\n\n<!-- section:b -->\n## B\n\nold figures of b\n<!-- /section:b -->\n';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-harness-'));
  data = mkdtempSync(join(tmpdir(), 'narrascope-harness-data-'));
  writeFileSync(join(dir, 'evaluation.md'), RECORDED);
  lines = { out: [], err: [] };
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

const section = (id: string, run: Section['run']): Section => ({ id, title: id.toUpperCase(), run });
const ok = (id: string): Section => section(id, () => Promise.resolve(`new figures of ${id}`));
const run = (
  sections: Section[],
  argv: string[] = [],
  opts: { dataDir?: string | null; env?: Record<string, string> } = {},
): Promise<number> =>
  runSections('eval', sections, argv, {
    dataDir: 'dataDir' in opts ? opts.dataDir : data,
    docsDir: dir,
    env: opts.env ?? {},
    out: (l) => lines.out.push(l),
    err: (l) => lines.err.push(l),
  });
const recorded = (): string => readFileSync(join(dir, 'evaluation.md'), 'utf8');

describe('runSections', () => {
  it('records the sections that ran', async () => {
    expect(await run([ok('a'), ok('b')])).toBe(0);
    expect(recorded()).toContain('new figures of a');
    expect(recorded()).toContain('new figures of b');
    expect(readdirSync(dir)).toEqual(['evaluation.md']);
  });

  it('reports a section that fails midway in one line, keeps its recorded figures and runs the others', async () => {
    const broken = section('a', () =>
      Promise.reject(
        Object.assign(new Error("ENOENT: no such file or directory, open '/data/x.txt'"), {
          hint: 'Check the data.',
        }),
      ),
    );
    expect(await run([broken, ok('b')])).toBe(1);
    expect(recorded()).toContain('old figures of a');
    expect(recorded()).toContain('new figures of b');
    const errors = lines.err.join('\n');
    expect(errors).toMatch(
      /^\[error\] section a failed: ENOENT: no such file or directory, open '\/data\/x\.txt' *$/mu,
    );
    expect(errors).toMatch(/1 section\(s\) failed: a; their figures in evaluation\.md are unchanged/u);
    expect(errors).not.toMatch(/\n\s+at /u);
    // A CLI hint ("Pass --articles DIR") would name options the harness has not.
    expect(errors).not.toContain('Check the data');
  });

  it('stops a training run at the first failed section: the later ones may build on its artefacts', async () => {
    const ran: string[] = [];
    const track = (id: string): Section => section(id, () => (ran.push(id), Promise.resolve('trained')));
    const broken = section('b', () => Promise.reject(new Error('no data')));
    const code = await runSections('train', [track('a'), broken, track('c')], [], {
      dataDir: data,
      docsDir: dir,
      env: {},
      out: (l) => lines.out.push(l),
      err: (l) => lines.err.push(l),
    });
    expect(code).toBe(1);
    expect(ran).toEqual(['a']);
    expect(lines.err.join('\n')).toMatch(/not run after that failure: c/u);
  });

  it('does not replace recorded figures with a skip notice', async () => {
    const skipped = section('a', () => Promise.resolve('_Skipped: ../shared/data not found._'));
    expect(await run([skipped, ok('b')])).toBe(0);
    expect(recorded()).toContain('old figures of a');
    expect(recorded()).not.toContain('_Skipped');
    expect(recorded()).toContain('new figures of b');
  });

  it('records nothing without ../shared/data, and says so', async () => {
    const partial = section('a', (ctx) =>
      Promise.resolve(
        `fixtures 90 %; real texts: ${ctx.dataDir ? 'measured' : 'skipped (../shared/data not found).'}`,
      ),
    );
    expect(await run([partial, ok('b')], [], { dataDir: null })).toBe(0);
    expect(recorded()).toBe(RECORDED);
    expect(lines.err.join('\n')).toMatch(
      /\.\.\/shared\/data not found.*nothing is recorded in evaluation\.md/u,
    );
  });

  it('refuses a NARRASCOPE_SHARED_DATA that does not exist instead of measuring other data', async () => {
    const r = await runSections('eval', [ok('a')], [], {
      docsDir: dir,
      env: { NARRASCOPE_SHARED_DATA: join(data, 'missing') },
      out: (l) => lines.out.push(l),
      err: (l) => lines.err.push(l),
    });
    expect(r).toBe(2);
    expect(lines.err.join('\n')).toMatch(/NARRASCOPE_SHARED_DATA is ".*missing", which does not exist/u);
    expect(recorded()).toBe(RECORDED);
  });

  it('runs a section named twice once', async () => {
    expect(await run([ok('a'), ok('b')], ['a', 'a'])).toBe(0);
    expect(lines.out.filter((l) => l.includes('=== A (a) ===')).length).toBe(1);
    expect(recorded()).toContain('new figures of a');
    expect(recorded()).toContain('old figures of b');
  });

  it('answers --help, unknown options and unknown sections without running anything', async () => {
    const never = section('a', () => Promise.reject(new Error('must not run')));
    expect(await run([never], ['--help'])).toBe(0);
    expect(lines.out.join('\n')).toMatch(/^usage: npm run eval/u);
    expect(lines.out.join('\n')).toMatch(/NARRASCOPE_SHARED_DATA.*\n.*exit codes: 0 done, 1 a section failed.*2 bad usage/u);
    expect(await run([never], ['--fast'])).toBe(2);
    expect(await run([never], ['nosuch'])).toBe(2);
    expect(lines.err.join('\n')).toMatch(/unknown section\(s\): nosuch; known: a/u);
    expect(recorded()).toBe(RECORDED);
  });
});
