import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli/run-cli.js';
import { semeval2025Taxonomy } from '../../taxonomy/builtin/index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-predict-narratives-'));
  mkdirSync(join(dir, 'docs'));
  mkdirSync(join(dir, 'empty'));
  // Our own invented texts.
  writeFileSync(
    join(dir, 'docs', 'b_soup.txt'),
    'Lentil soup\n\nRinse the lentils, chop an onion and simmer everything for forty minutes.',
  );
  writeFileSync(
    join(dir, 'docs', 'a_war.txt'),
    'The West is sending more weapons to Kyiv\n\nEvery new shipment brings Europe closer to a nuclear war, and the sanctions have already backfired on European households. NATO is dragging the world towards World War III while Western media repeat the propaganda of Washington.',
  );
  writeFileSync(join(dir, 'docs', 'c_binary.txt'), Buffer.from([0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'docs', 'notes.md'), 'not a .txt file');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const known = new Set(semeval2025Taxonomy.labels.map((l) => l.label));

describe('narrascope predict narratives', () => {
  it('writes one SemEval-2025 ST2 line per .txt file, sorted, with consistent labels', async () => {
    const r = await runCli(['predict', 'narratives', '--documents', join(dir, 'docs')]);
    expect(r.code).toBe(3); // one binary file skipped
    expect(r.stderr).toContain('c_binary.txt');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['a_war.txt', 'b_soup.txt']);
    expect(lines[1]).toBe('b_soup.txt\tOther\tOther');
    const [, narr = '', sub = ''] = lines[0]!.split('\t');
    const coarse = narr.split(';');
    const fine = sub.split(';');
    expect(coarse[0]).not.toBe('Other');
    for (const label of [...coarse, ...fine]) expect(known.has(label), label).toBe(true);
    // Hierarchy: every fine label sits under a predicted coarse label, every coarse label has a fine one.
    for (const f of fine)
      expect(
        coarse.some((c) => f.startsWith(`${c}: `)),
        f,
      ).toBe(true);
    for (const c of coarse)
      expect(
        fine.some((f) => f.startsWith(`${c}: `)),
        c,
      ).toBe(true);
  });

  it('passes over a sub-folder named like a document instead of failing on it', async () => {
    mkdirSync(join(dir, 'with-folder'));
    mkdirSync(join(dir, 'with-folder', 'a_folder.txt'));
    writeFileSync(join(dir, 'with-folder', 'b_soup.txt'), 'Lentil soup\n\nSimmer the lentils for forty minutes.');
    const r = await runCli(['predict', 'narratives', '--documents', join(dir, 'with-folder')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('b_soup.txt\tOther\tOther\n');
  });

  it('skips a file that is not UTF-8 (exit 3) instead of reading its accented letters as U+FFFD', async () => {
    mkdirSync(join(dir, 'latin1'));
    writeFileSync(join(dir, 'latin1', 'a_latin1.txt'), Buffer.from('Les sanctions économiques frappent déjà.', 'latin1'));
    writeFileSync(join(dir, 'latin1', 'b_soup.txt'), 'Lentil soup\n\nSimmer the lentils for forty minutes.');
    const r = await runCli(['predict', 'narratives', '--documents', join(dir, 'latin1')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/skipped "a_latin1\.txt": file that is not UTF-8 text/u);
    expect(r.stdout).toBe('b_soup.txt\tOther\tOther\n');
  });

  it('skips a file whose name would split its prediction row (a tab or line break in it)', async () => {
    mkdirSync(join(dir, 'odd-names'));
    writeFileSync(join(dir, 'odd-names', 'a\tb.txt'), 'Lentil soup');
    writeFileSync(join(dir, 'odd-names', 'c\nd.txt'), 'Lentil soup');
    writeFileSync(join(dir, 'odd-names', 'soup.txt'), 'Lentil soup');
    const r = await runCli(['predict', 'narratives', '--documents', join(dir, 'odd-names')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('soup.txt\tOther\tOther\n');
    expect(r.stderr).toContain('skipped "a\\tb.txt"');
  });

  it('writes to --out', async () => {
    const out = join(dir, 'pred.txt');
    const r = await runCli(['predict', 'narratives', '--documents', join(dir, 'docs'), '--out', out]);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\n')[1]).toBe('b_soup.txt\tOther\tOther');
  });

  it.each([
    [['predict', 'narratives'], 'missing --documents'],
    [['predict', 'narratives', '--documents', '/no/such/dir'], 'not found'],
    [['predict', 'narratives', '--documents', 'EMPTY'], 'no .txt files'],
  ])('%j → exit 2 with a reason', async (argv, message) => {
    const r = await runCli(argv.map((a) => (a === 'EMPTY' ? join(dir, 'empty') : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
