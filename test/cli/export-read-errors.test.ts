import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-export-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export: a file that cannot be read', () => {
  it('is named with its escape sequences shown as spaces (the title-setting OSC never reaches the terminal)', async () => {
    const name = 'bad\u001b]0;X\u0007.txt';
    writeFileSync(join(dir, name), 'a\u0000b');
    const r = await runCli(['export', 'csv', name], { cwd: dir });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/bad \]0;X \.txt/u);
    expect(r.stderr.includes('\u001b') || r.stderr.includes('\u0007')).toBe(false);
  });
});
