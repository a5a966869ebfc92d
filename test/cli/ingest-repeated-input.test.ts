/**
 * One file named twice (`ingest a.jsonl ./a.jsonl`, overlapping globs) was read, hashed and counted twice:
 * documents=2, unchanged=1 for one document, and a large record file was streamed twice. It is read once,
 * with a notice naming the repeat; URLs and `-` are not compared.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distinctInputs } from '../../src/corpus/ingest/sources.js';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-ingest-repeated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest: the same file given twice', () => {
  mkdirSync(join(dir, 'sub'));
  writeFileSync(
    join(dir, 'a.txt'),
    'Myth: the dam will burst tonight.\nFact: engineers of the water board say the dam is sound.\n',
  );
  symlinkSync(join(dir, 'a.txt'), join(dir, 'sub', 'link.txt'));

  it('is read once, with a notice', async () => {
    const run = await runCli(
      ['ingest', 'a.txt', './a.txt', 'sub/../a.txt', 'a.txt', '--db', join(dir, 's.db'), '--workers', '1'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('documents=1 inserted=1 reanalysed=0 unchanged=0');
    expect(run.stderr).toContain('narrascope ingest: ./a.txt is the same file as a.txt; it is read once');
    expect(run.stderr).toContain('narrascope ingest: a.txt is given more than once; it is read once');
  }, 60_000);

  it('compares paths as the file system resolves them, and leaves URLs, - and missing paths alone', async () => {
    const got = await distinctInputs(
      [
        'a.txt',
        'sub/link.txt',
        '-',
        'https://e.org/a',
        'https://e.org/a',
        'none.txt',
        'none.txt',
        'sub',
        './sub/',
      ],
      dir,
    );
    expect(got.inputs).toEqual([
      'a.txt',
      '-',
      'https://e.org/a',
      'https://e.org/a',
      'none.txt',
      'none.txt',
      'sub',
    ]);
    expect(got.repeated).toEqual([
      ['sub/link.txt', 'a.txt'],
      ['./sub/', 'sub'],
    ]);
  });
});
