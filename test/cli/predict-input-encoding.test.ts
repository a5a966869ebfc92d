import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// Spans and mentions files that are not UTF-8: refused by name, as articles are, not read with U+FFFD.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-predict-encoding-'));
  mkdirSync(join(dir, 'arts'));
  writeFileSync(join(dir, 'arts', 'articleé1.txt'), 'These cowards lie again.\n');
  writeFileSync(join(dir, 'spans-latin1.tsv'), Buffer.from('é1\t?\t6\t13\n', 'latin1'));
  writeFileSync(join(dir, 'spans-nul.tsv'), Buffer.from('é1\t?\t6\t13\n\0', 'utf8'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'EN_1.txt'), 'Le Kremlin a accusé l’OTAN.\n');
  writeFileSync(join(dir, 'mentions-accent.tsv'), Buffer.from('EN_1.txt\taccusé\t13\t18\n', 'latin1'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('narrascope predict: input files in another encoding', () => {
  it('techniques refuses a spans file that is not UTF-8 (exit 2) instead of naming an article "\\ufffd1"', async () => {
    for (const file of ['spans-latin1.tsv', 'spans-nul.tsv']) {
      const r = await runCli(['predict', 'techniques', '--articles', 'arts', '--spans', file], { cwd: dir });
      expect(r.code, file).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(`spans file "${file}" is a (file that is not UTF-8 text|binary file)`, 'u'),
      );
      expect(r.stderr).not.toContain('\ufffd');
    }
  });

  it('still reads the UTF-8 spans file', async () => {
    writeFileSync(join(dir, 'spans.tsv'), 'é1\t?\t6\t13\n');
    const r = await runCli(['predict', 'techniques', '--articles', 'arts', '--spans', 'spans.tsv'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^é1\t\S+\t6\t13\n$/u);
  });

  it('roles refuses a mentions file that is not UTF-8 (exit 2) instead of writing its entities back with U+FFFD', async () => {
    const r = await runCli(['predict', 'roles', '--documents', 'docs', '--mentions', 'mentions-accent.tsv'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/mentions file "mentions-accent\.tsv" is a file that is not UTF-8 text/u);
    expect(r.stdout).toBe('');
  });
});
