import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Usage mistakes of `narrascope predict <mode>`: each is exit 2 with a message that names it, nothing on stdout.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-predict-usage-'));
  mkdirSync(join(dir, 'arts'));
  writeFileSync(join(dir, 'arts', 'article1.txt'), 'These cowards lie again.\n');
  writeFileSync(join(dir, 'spans.tsv'), '1\t?\t6\t13\n');
  writeFileSync(join(dir, 'mentions.tsv'), 'article1.txt\tcowards\t6\t12\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('narrascope predict: usage mistakes', () => {
  it.each([
    [['spans', 'arts'], 'unexpected argument "arts"', 'predict spans --articles DIR'],
    [
      ['paragraphs', '--articles', 'arts', 'more'],
      'unexpected argument "more"',
      'predict paragraphs --articles DIR',
    ],
    [
      ['paragraphs', '--articles', 'arts', '--min-confidence', '0.5'],
      'predict paragraphs does not take --min-confidence',
      '--articles DIR [--out FILE]',
    ],
    [
      ['spans', '--articles', 'arts', '--spans', 'spans.tsv'],
      'predict spans does not take --spans',
      'predict spans --articles DIR',
    ],
    [
      ['narratives', '--documents', 'arts', '--articles', 'arts'],
      'predict narratives does not take --articles',
      '--documents DIR',
    ],
    [['spans', '--articles', 'arts/article1.txt'], 'articles folder', 'is a file, not a folder'],
    [
      ['spans', '--articles', 'arts', '--min-confidence', ''],
      '--min-confidence must be a number between 0 and 1 (got "")',
      'For example',
    ],
    [
      ['spans', '--articles', 'arts', '--min-confidence', ' '],
      '--min-confidence must be a number between 0 and 1',
      'For example',
    ],
    [
      ['narratives', '--documents', 'spans.tsv'],
      'documents folder "spans.tsv" is a file, not a folder',
      '*.txt',
    ],
    [
      ['roles', '--documents', 'spans.tsv', '--mentions', 'mentions.tsv'],
      'documents folder "spans.tsv" is a file, not a folder',
      '--documents DIR',
    ],
    [
      ['roles', '--documents', 'arts', '--mentions', 'arts'],
      'mentions file "arts" is a folder, not a file',
      '--mentions FILE',
    ],
  ])('%j → exit 2 naming it', async (argv, message, hint) => {
    const r = await runCli(['predict', ...argv], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(hint);
    expect(r.stdout).toBe('');
  });

  it('says that a header row is not part of the spans or mentions format', async () => {
    writeFileSync(join(dir, 'spans-header.tsv'), 'id\tlabel\tstart\tend\n1\t?\t6\t13\n');
    writeFileSync(
      join(dir, 'mentions-header.tsv'),
      'doc\tentity\tstart\tend\narticle1.txt\tcowards\t6\t12\n',
    );
    const spans = await runCli(
      ['predict', 'techniques', '--articles', 'arts', '--spans', 'spans-header.tsv'],
      { cwd: dir },
    );
    const roles = await runCli(
      ['predict', 'roles', '--documents', 'arts', '--mentions', 'mentions-header.tsv'],
      { cwd: dir },
    );
    for (const r of [spans, roles]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/first line looks like a header row.*: remove it/u);
    }
    // A bad offset on another line is not called a header.
    writeFileSync(join(dir, 'spans-bad.tsv'), '1\t?\t6\t13\n1\t?\tsix\tten\n');
    const bad = await runCli(['predict', 'techniques', '--articles', 'arts', '--spans', 'spans-bad.tsv'], {
      cwd: dir,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain('header');
  });

  it('still runs with the options a mode reads', async () => {
    const r = await runCli(['predict', 'spans', '--articles', 'arts', '--min-confidence', '0', '-o', '-'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1\t/u);
  });

  it('documents the exit codes and the code-point offsets in --help', async () => {
    for (const argv of [
      ['predict', '--help'],
      ['predict', 'roles', '--help'],
    ]) {
      const r = await runCli(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /Exit codes: 0 .*; 2 bad input or usage.*; 3 some documents or mentions skipped/su,
      );
      expect(r.stdout).toContain('Offsets count code points');
    }
  });
});

describe('narrascope predict: every input skipped', () => {
  it.each([
    [
      'roles',
      ['--documents', 'arts', '--mentions', 'elsewhere.tsv'],
      'no mention could be predicted: all 2 were skipped',
    ],
    ['narratives', ['--documents', 'binary'], 'no document could be read: all 1 were skipped'],
  ])('%s exits 2 and leaves an earlier --out file as it was', async (mode, args, message) => {
    writeFileSync(join(dir, 'elsewhere.tsv'), 'gone.txt\tX\t0\t0\nalso-gone.txt\tY\t0\t0\n');
    mkdirSync(join(dir, 'binary'), { recursive: true });
    writeFileSync(join(dir, 'binary', 'a.txt'), Buffer.from([0, 1, 2]));
    writeFileSync(join(dir, 'earlier.tsv'), 'earlier predictions\n');
    const r = await runCli(['predict', mode, ...args, '-o', 'earlier.tsv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(readFileSync(join(dir, 'earlier.tsv'), 'utf8')).toBe('earlier predictions\n');
  });
});
