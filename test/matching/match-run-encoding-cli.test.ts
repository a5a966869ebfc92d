import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-match-encoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Buffer | string): string => {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
const corpus = file(
  'corpus.tsv',
  'id\tclaim\nfc1\tSea water cures the common cold.\nfc2\tThe dam will flood the town.\n',
);

describe('narrascope match --queries --corpus encodings', () => {
  it('reads a UTF-16 TSV with a BOM, as a spreadsheet saves "Unicode text"', async () => {
    // It was read as UTF-8: ids and text full of NULs, written into the run file with exit 0.
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('id\ttext\nq1\tdoes sea water cure a cold?\n', 'utf16le'),
    ]);
    const r = await runCli([
      'match',
      '--queries',
      file('queries.tsv', utf16),
      '--corpus',
      corpus,
      '--top',
      '1',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^q1\tQ0\tfc1\t1\t/u);
    expect(r.stdout).not.toContain('\u0000');
  });

  it('refuses a binary file as the corpus', async () => {
    const r = await runCli([
      'match',
      '--queries',
      corpus,
      '--corpus',
      file('store.db', Buffer.from('SQLite format 3\u0000\u0001\u0002')),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot use corpus .*store\.db: .*looks like a binary file/u);
  });
});

describe('narrascope match --queries --corpus --encoding', () => {
  // Our own invented Russian-language rows, saved as windows-1251 (the bytes below spell them).
  const encode1251 = (text: string): number[] =>
    [...text].map((c) => {
      const code = c.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      throw new Error(`not in the test's table: ${c}`);
    });
  const cp1251 = (text: string): Buffer => Buffer.from(encode1251(text));
  const ruCorpus = file(
    'ru-corpus.tsv',
    cp1251('id\tclaim\nfc1\tМорская вода лечит простуду\nfc2\tПлотина затопит город\n'),
  );
  const ruQueries = file('ru-queries.tsv', cp1251('id\ttext\nq1\tплотина затопит город\n'));

  it('reads both files in the named encoding (the option was accepted and ignored)', async () => {
    const r = await runCli([
      'match',
      '--queries',
      ruQueries,
      '--corpus',
      ruCorpus,
      '--encoding',
      'windows-1251',
      '--top',
      '1',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^q1\tQ0\tfc2\t1\t/u);
  });

  it('warns, naming the encoding, when such a file is read as UTF-8', async () => {
    const r = await runCli(['match', '--queries', ruQueries, '--corpus', ruCorpus, '--top', '1']);
    expect(r.stderr).toMatch(
      /warning: .*ru-corpus\.tsv: \d+ invalid UTF-8 byte sequences .*--encoding windows-1251/u,
    );
  });

  it('refuses an unknown encoding before reading (usage error)', async () => {
    const r = await runCli([
      'match',
      '--queries',
      ruQueries,
      '--corpus',
      ruCorpus,
      '--encoding',
      'klingon-8',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown encoding "klingon-8"/u);
    expect(r.stdout).toBe('');
  });
});
