/**
 * `narrascope predict <mode> -o FILE` over one of its inputs: `predict spans --articles arts -o
 * arts/article1.txt` read the article, then replaced it with the prediction file (exit 0), and
 * `--spans s.tsv -o s.tsv` / `--mentions m.tsv -o m.tsv` lost the label file. Each is a usage error (exit
 * 2) before any work, with the file left as it was; a file of the folder that the mode does not read is
 * a valid --out.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-predict-over-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ARTICLE = 'Only a fool would believe the harbour is closed.\nEveryone knows the ferries run.\n';

beforeAll(() => {
  mkdirSync(join(dir, 'arts', 'runs'), { recursive: true });
  writeFileSync(join(dir, 'arts', 'article1.txt'), ARTICLE);
  writeFileSync(join(dir, 'arts', 'doc1.txt'), ARTICLE);
  writeFileSync(join(dir, 'spans.tsv'), '1\t?\t0\t10\n');
  writeFileSync(join(dir, 'mentions.tsv'), 'doc1.txt\tharbour\t28\t34\n');
});

describe('predict --out over an input', () => {
  it.each([
    [['spans', '--articles', 'arts', '-o', 'arts/article1.txt'], 'arts/article1.txt', 'is inside the input folder arts'],
    [['paragraphs', '--articles', './arts/', '-o', 'arts/article1.txt'], 'arts/article1.txt', 'is inside the input folder ./arts/'],
    [['narratives', '--documents', 'arts', '-o', 'arts/doc1.txt'], 'arts/doc1.txt', 'is inside the input folder arts'],
    [['techniques', '--articles', 'arts', '--spans', 'spans.tsv', '-o', 'spans.tsv'], 'spans.tsv', 'is the input spans.tsv'],
    [['techniques', '--articles', 'arts', '--spans', 'spans.tsv', '-o', 'arts/article1.txt'], 'arts/article1.txt', 'is inside the input folder arts'],
    [['roles', '--documents', 'arts', '--mentions', 'mentions.tsv', '-o', 'mentions.tsv'], 'mentions.tsv', 'is the input mentions.tsv'],
    [['roles', '--documents', 'arts', '--mentions', 'mentions.tsv', '-o', 'arts/doc1.txt'], 'arts/doc1.txt', 'is inside the input folder arts'],
  ])('predict %j is refused (exit 2) and the file is left as it was', async (argv, file, message) => {
    const before = readFileSync(join(dir, file));
    const run = await runCli(['predict', ...argv], { cwd: dir });
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(dir, file)).equals(before)).toBe(true);
  });

  // Only the *.txt files directly in the folder are articles: a run file beside or below them is no input.
  it.each([
    [['spans', '--articles', 'arts', '-o', 'arts/runs/spans.txt']],
    [['spans', '--articles', 'arts', '-o', 'arts/spans.tsv']],
  ])('predict %j writes the file', async (argv) => {
    const run = await runCli(['predict', ...argv], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, argv[4]!), 'utf8')).toMatch(/^(1|doc1)\t/mu);
  });
});
