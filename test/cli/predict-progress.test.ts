import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// A long `narrascope predict` run says how far it is on a terminal's stderr; standard output holds the rows alone.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-predict-progress-'));
  mkdirSync(join(dir, 'arts'));
  for (let i = 1; i <= 3; i++)
    writeFileSync(join(dir, 'arts', `article${i}.txt`), `Article ${i}: these cowards lie again.\n`);
  writeFileSync(join(dir, 'spans.tsv'), '1\t?\t13\t20\n3\t?\t13\t20\n');
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'EN_1.txt'), 'NATO and the Kremlin blamed each other.\n');
  writeFileSync(join(dir, 'docs', 'EN_2.txt'), 'The Kremlin praised its army.\n');
  writeFileSync(
    join(dir, 'mentions.tsv'),
    'EN_1.txt\tNATO\t0\t3\nEN_9.txt\tNATO\t0\t3\nEN_2.txt\tKremlin\t4\t10\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLEAR = '\r\u001b[2K';

describe.each([
  ['spans', ['--articles', 'arts'], ['article1.txt', 'article2.txt', 'article3.txt']],
  ['paragraphs', ['--articles', 'arts'], ['article1.txt', 'article2.txt', 'article3.txt']],
  ['techniques', ['--articles', 'arts', '--spans', 'spans.tsv'], ['article1.txt', 'article3.txt']],
  ['narratives', ['--documents', 'docs'], ['EN_1.txt', 'EN_2.txt']],
  ['roles', ['--documents', 'docs', '--mentions', 'mentions.tsv'], ['EN_1.txt', 'EN_9.txt', 'EN_2.txt']],
])('narrascope predict %s', (mode, args, inputs) => {
  it('shows a progress line on a terminal and clears it; the rows alone go to standard output', async () => {
    const r = await runCli(['predict', mode, ...args], { cwd: dir, tty: true });
    expect(r.code).toBe(mode === 'roles' ? 3 : 0);
    inputs.forEach((name, i) => expect(r.stderr).toContain(`analysing ${i + 1}: ${name}`));
    expect(r.stderr.endsWith(CLEAR)).toBe(true);
    expect(r.stdout).not.toContain('analysing');
    expect(r.stdout.split('\n').filter(Boolean).length).toBeGreaterThan(0);
  });

  it('writes no progress to a stderr that is not a terminal', async () => {
    const r = await runCli(['predict', mode, ...args], { cwd: dir });
    expect(r.stderr).not.toContain('analysing');
  });
});

it('clears the progress line before a message about a skipped document', async () => {
  const r = await runCli(['predict', 'roles', '--documents', 'docs', '--mentions', 'mentions.tsv'], {
    cwd: dir,
    tty: true,
  });
  expect(r.stderr).toContain(`${CLEAR}narrascope predict roles: skipped 1 mention(s) of "EN_9.txt"`);
});

it('shows a document name from the mentions file without its C1 controls or bidirectional overrides', async () => {
  writeFileSync(join(dir, 'mentions-odd.tsv'), 'EN_\u009b2J\u202e1.txt\tNATO\t0\t3\nEN_1.txt\tNATO\t0\t3\n');
  const r = await runCli(['predict', 'roles', '--documents', 'docs', '--mentions', 'mentions-odd.tsv'], {
    cwd: dir,
    tty: true,
  });
  expect(r.code).toBe(3);
  expect(r.stderr).toContain('analysing 1: EN_ 2J 1.txt');
  expect(r.stderr).not.toMatch(/[\u0080-\u009f\u202e]/u);
});
