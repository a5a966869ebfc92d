import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-blank-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'myth.txt'), 'Myth: the harbour is closed.\n\nFact: it opened on Monday.\n');

describe('--out that names no file', () => {
  it.each([
    ['analyze, blanks (wrote a file named " ")', ['analyze', 'myth.txt', '--out', ' ']],
    ['analyze, empty (the working folder)', ['analyze', 'myth.txt', '--format', 'json', '--out', '']],
    ['export, blanks (an export written in parts)', ['export', 'csv', 'myth.txt', '--out', '  ']],
  ])('is a usage error and writes nothing: %s', async (_name, argv) => {
    const run = await runCli(argv, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out is empty');
    expect(readdirSync(dir)).toEqual(['myth.txt']);
  });
});
