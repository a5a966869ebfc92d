import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/command.js';
import { techniquesMode } from '../../src/cli/predict/techniques.js';
import { runCli } from './run-cli.js';

// `--spans` and `--mentions` from a pipe: `predict spans ... | predict techniques ... --spans -` and
// `--spans <(...)` were refused as "not a regular file".
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-predict-pipes-'));
  mkdirSync(join(dir, 'arts'));
  writeFileSync(
    join(dir, 'arts', 'article1.txt'),
    'These cowards 😡 lie again and again.\nOur great nation will win!\n',
  );
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'EN_1.txt'), 'NATO and the Kremlin blamed each other.\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rowsOf = (tsv: string): string[] => tsv.split('\n').filter(Boolean);
const key = (row: string): string => [row.split('\t')[0], ...row.split('\t').slice(2)].join(':');

describe('narrascope predict: spans and mentions from a pipe', () => {
  it('reads --spans - from standard input: predict spans piped into predict techniques', async () => {
    const spans = await runCli(['predict', 'spans', '--articles', 'arts'], { cwd: dir });
    expect(rowsOf(spans.stdout).length).toBeGreaterThan(0);
    const tc = await runCli(['predict', 'techniques', '--articles', 'arts', '--spans', '-'], {
      cwd: dir,
      stdin: spans.stdout,
    });
    expect(tc.code).toBe(0);
    expect(rowsOf(tc.stdout).map(key)).toEqual(rowsOf(spans.stdout).map(key));
  });

  it('names standard input in the message about a bad row', async () => {
    const r = await runCli(['predict', 'techniques', '--articles', 'arts', '--spans', '-'], {
      cwd: dir,
      stdin: '1\t?\tx\t3\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard input:1: expected');
  });

  it('reads --spans from a named pipe, as bash gives <(...)', async () => {
    const fifo = join(dir, 'spans.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) {
      console.warn('[skip] mkfifo is not available here');
      return;
    }
    // The writer is another process: it blocks until this one opens the pipe to read.
    const writer = spawn('sh', ['-c', `printf '1\\t?\\t0\\t5\\n1\\t?\\t17\\t20\\n' > "$0"`, fifo], {
      stdio: 'ignore',
    });
    // Listened for before the run: the writer may be done before it returns.
    const written = new Promise((res) => writer.on('close', res));
    const r = await runCli(['predict', 'techniques', '--articles', 'arts', '--spans', fifo], { cwd: dir });
    // A run that did not read the pipe leaves the writer waiting for a reader.
    if (r.code !== 0) writer.kill();
    await written;
    expect(r.code).toBe(0);
    expect(rowsOf(r.stdout).map(key)).toEqual(['1:0:5', '1:17:20']);
  });

  it('reads --mentions - from standard input', async () => {
    const r = await runCli(['predict', 'roles', '--documents', 'docs', '--mentions', '-'], {
      cwd: dir,
      stdin: 'EN_1.txt\tNATO\t0\t3\n',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^EN_1\.txt\tNATO\t0\t3\t\S+\t\S+\n$/u);
  });

  it('refuses --spans - when standard input is a terminal, and a device, without reading them', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const io = {
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      stdin,
      cwd: dir,
      env: {},
    } as unknown as CliIO;
    await expect(
      techniquesMode.run({ values: { articles: 'arts', spans: '-' }, positionals: [] }, io),
    ).rejects.toThrow(/standard input is a terminal/u);
    const device = await runCli(['predict', 'techniques', '--articles', 'arts', '--spans', '/dev/zero'], {
      cwd: dir,
    });
    expect(device.code).toBe(2);
    expect(device.stderr).toContain('spans file "/dev/zero" is not a regular file or a pipe');
  });
});
