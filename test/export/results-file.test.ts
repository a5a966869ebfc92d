/**
 * `narrascope export <format> --results FILE` reads the file up to a limit (`--max-bytes`, default 256 MiB)
 * and refuses directories and devices: read whole, `--results /dev/zero` took ~2 GB before failing.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readResultsFile } from '../../src/cli/commands/export-results.js';
import { UserError } from '../../src/cli/errors.js';
import { runCli } from '../cli/run-cli.js';
import { fixtureResult } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-export-results-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...argv: string[]): ReturnType<typeof runCli> => runCli(argv, { cwd: dir });

// Several results: a file of a few tens of KB, over a limit of 8 KB.
writeFileSync(join(dir, 'r.json'), JSON.stringify(Array.from({ length: 6 }, (_, i) => fixtureResult({ hash: String(i).repeat(64) }))));
const size = statSync(join(dir, 'r.json')).size;

describe('export --results: bounded reading', () => {
  it('refuses a file over --max-bytes before reading it (exit 2), and reads one at the limit', async () => {
    expect(size).toBeGreaterThan(8 * 1024);
    const over = await run('export', 'csv', '--results', 'r.json', '--max-bytes', '8KB');
    expect(over.code).toBe(2);
    expect(over.stdout).toBe('');
    expect(over.stderr).toContain('r.json is over the limit of 8 KiB for a --results file');
    expect(over.stderr).toContain('--max-bytes');
    const at = await run('export', 'csv', '--results', 'r.json', '--max-bytes', String(size));
    expect(at.code).toBe(0);
    await expect(readResultsFile('r.json', dir, { maxBytes: size - 1 })).rejects.toBeInstanceOf(UserError);
    expect(await readResultsFile('r.json', dir, { maxBytes: size })).toHaveLength(6);
  });

  it.runIf(existsSync('/dev/zero'))('refuses a device such as /dev/zero without reading it (exit 2)', async () => {
    const r = await run('export', 'stix', '--results', '/dev/zero');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read analysis results from /dev/zero: it is a device, not a file');
  });

  it('refuses a directory and a missing file with what happened (exit 2)', async () => {
    mkdirSync(join(dir, 'folder'));
    const folder = await run('export', 'stix', '--results', 'folder');
    expect([folder.code, folder.stderr]).toEqual([2, expect.stringContaining('folder: it is a directory, not a file')]);
    const missing = await run('export', 'stix', '--results', 'nope.json');
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('cannot read analysis results from nope.json: no such file or directory')]);
  });

  it.runIf(process.platform !== 'win32')('reads a pipe up to the limit and refuses one that gives more (exit 2)', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const feed = (text: string): void => {
      // The reader closes its end at the limit: the writer's broken pipe is expected.
      createWriteStream(fifo).on('error', () => undefined).end(text);
    };
    feed('x'.repeat(64 * 1024));
    const over = await run('export', 'stix', '--results', 'pipe', '--max-bytes', '8KB');
    expect([over.code, over.stderr]).toEqual([2, expect.stringContaining('pipe is over the limit of 8 KiB for a --results file (the pipe gave more)')]);
    feed(JSON.stringify(fixtureResult()));
    const ok = await run('export', 'jsonl', '--results', 'pipe', '--max-bytes', '8KB');
    expect(ok.code).toBe(0);
    expect(ok.stdout.split('\n')).toHaveLength(2);
  });

  it('reads a results file saved with a byte order mark', async () => {
    writeFileSync(join(dir, 'bom.json'), `\ufeff${JSON.stringify(fixtureResult())}`);
    expect(await readResultsFile('bom.json', dir)).toHaveLength(1);
  });

  it('bad --max-bytes: not a size, or without --results (exit 2)', async () => {
    const bad = await run('export', 'csv', '--results', 'r.json', '--max-bytes', 'lots');
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--max-bytes: cannot read "lots" as a size')]);
    const alone = await run('export', 'csv', 'r.json', '--max-bytes', '1MB');
    expect([alone.code, alone.stderr]).toEqual([2, expect.stringContaining('--max-bytes limits the --results file and needs --results')]);
    const corpus = await run('export', 'csv', '--corpus', '--max-bytes', '1MB');
    expect([corpus.code, corpus.stderr]).toEqual([2, expect.stringContaining('it takes no inputs, --results or --max-bytes')]);
  });
});
