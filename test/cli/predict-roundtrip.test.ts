import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// What `predict spans` writes is a valid --spans for `predict techniques`, on articles whose offsets
// differ between code points and UTF-16 (emoji) and that hold a BOM, CRLF and a lone CR.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-predict-roundtrip-'));
  mkdirSync(join(dir, 'arts'));
  writeFileSync(
    join(dir, 'arts', 'article1.txt'),
    '\ufeffShameful liars 😡 everywhere.\r\nThese evil tyrants 😡😡 destroy our great nation!\r\n',
  );
  writeFileSync(join(dir, 'arts', 'article2.txt'), 'lone\rCR here. The traitorous scum betray us.\r');
  writeFileSync(join(dir, 'arts', 'article3.txt'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('feeds the output of predict spans back to predict techniques, row for row', async () => {
  const spans = await runCli(['predict', 'spans', '--articles', 'arts', '-o', 'spans.tsv'], { cwd: dir });
  expect(spans.code).toBe(0);
  const again = await runCli(['predict', 'spans', '--articles', 'arts'], { cwd: dir });
  const rows = again.stdout.split('\n').filter(Boolean);
  expect(rows.length).toBeGreaterThan(1);
  const tc = await runCli(['predict', 'techniques', '--articles', 'arts', '--spans', 'spans.tsv'], {
    cwd: dir,
  });
  expect(tc.code).toBe(0);
  expect(tc.stderr).toBe('');
  const key = (r: string): string => [r.split('\t')[0], ...r.split('\t').slice(2)].join(':');
  expect(tc.stdout.split('\n').filter(Boolean).map(key)).toEqual(rows.map(key));
});
