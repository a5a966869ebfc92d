import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// --out of `narrascope predict <mode>`: where the prediction file goes, and what happens when it cannot.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-predict-out-'));
  mkdirSync(join(dir, 'arts'));
  writeFileSync(join(dir, 'arts', 'article1.txt'), 'They are cowards and liars.\nA second line.\n');
  writeFileSync(join(dir, 'note.txt'), 'a file, not a folder\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paragraphs = (out: string): Promise<{ code: number; stdout: string; stderr: string }> =>
  runCli(['predict', 'paragraphs', '--articles', join(dir, 'arts'), '--out', out], { cwd: dir });

describe('narrascope predict --out', () => {
  it('writes the prediction file, with nothing on standard output', async () => {
    const r = await paragraphs('runs/p.tsv');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'runs', 'p.tsv'), 'utf8')).toMatch(/^1\t1\t.*\n1\t2\t.*\n$/u);
  });

  it('reports an --out under a file as bad input (exit 2), not as an internal error', async () => {
    const r = await paragraphs('note.txt/p.tsv');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write note\.txt\/p\.tsv/u);
    expect(r.stderr).not.toMatch(/internal error/u);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a blank --out instead of printing to standard output', async () => {
    for (const out of ['', '  ']) {
      const r = await paragraphs(out);
      expect(r.code, JSON.stringify(out)).toBe(2);
      expect(r.stderr).toMatch(/--out is empty/u);
      expect(r.stdout).toBe('');
    }
  });

  it('writes into a named pipe as it is, instead of putting a regular file in its place', async () => {
    const fifo = join(dir, 'pipe');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      console.warn('[skip] mkfifo is not available here');
      return;
    }
    const chunks: Buffer[] = [];
    const reader = createReadStream(fifo);
    reader.on('data', (c) => chunks.push(c as Buffer));
    const ended = new Promise<void>((res) => reader.on('close', () => res()));
    const r = await paragraphs(fifo);
    await ended;
    expect(r.code).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^1\t1\t/u);
  });
});
