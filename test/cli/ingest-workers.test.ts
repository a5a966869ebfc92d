/**
 * `ingest --workers N`: analysis is CPU-bound and each worker costs memory, so N is at most twice the
 * cores (src/cli/commands/ingest.ts maxWorkers); up to 256 were accepted, tens of GB of workers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { maxWorkers } from '../../src/cli/commands/ingest.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest --workers', () => {
  it('is at most twice the cores', () => {
    expect(maxWorkers(1)).toBe(2);
    expect(maxWorkers(8)).toBe(16);
    expect(maxWorkers(0)).toBe(2);
  });

  it('a larger number is lowered to the cap, with a notice (256 was accepted as it stood)', async () => {
    const r = await runCli(
      ['ingest', 'missing.txt', '--db', join(dir, 'a.db'), '--workers', '256', '--json'],
      { cwd: dir },
    );
    const cap = 2 * availableParallelism();
    expect(r.stderr).toContain(
      `--workers 256 is more than twice this machine's ${availableParallelism()} cores; using ${cap} workers`,
    );
    expect((JSON.parse(r.stdout) as { workers: number }).workers).toBe(cap);
  });

  it.each(['0', '2.5', 'many', ''])('%j is a usage error, exit 2', async (n) => {
    const r = await runCli(['ingest', 'missing.txt', '--db', join(dir, 'b.db'), '--workers', n], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers must be a whole number from 1 up/u);
  });
});
