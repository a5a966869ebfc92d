import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textBlock } from '../../src/cli/commands/match-report.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-match-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Our own invented rows.
writeFileSync(join(dir, 'lib.csv'), 'id,claim\n1,Sea water cures a cold.\n');
writeFileSync(join(dir, 'q.tsv'), 'id\ttext\nq1\tsea water\n');
writeFileSync(join(dir, 'c.tsv'), 'id\tclaim\nd1\tSea water cures a cold\n');

describe('narrascope match: options of another kind of query are refused, not ignored', () => {
  it.each([
    // The run file was written unfiltered, as text, from the two files, while these were given.
    [['--queries', 'q.tsv', '--corpus', 'c.tsv', '--min-score', '5'], /cannot be combined with --min-score/u],
    [
      ['--queries', 'q.tsv', '--corpus', 'c.tsv', '--json', '--db', 'x.db'],
      /cannot be combined with --db, --json/u,
    ],
    [
      ['--queries', 'q.tsv', '--corpus', 'c.tsv', '--columns', 'claim=x'],
      /cannot be combined with --columns/u,
    ],
    [['--queries', 'q.tsv', '--corpus', 'c.tsv', '--format', 'csv', '--limit', '3'], /--format, --limit/u],
    [
      ['sea', '--library', 'lib.csv', '--tag', 'mine'],
      /not for this kind of query: --tag \(it names a run file/u,
    ],
    [['sea', '--library', 'lib.csv', '--limit', '3'], /--limit \(it counts --corpus-claims\)/u],
    [['sea', '--db', 'x.db', '--columns', 'claim=x'], /--columns \(it reads --library files\)/u],
    [['--document', 'doc.txt', '--library', 'lib.csv', '--tag', 't'], /--tag/u],
    [['sea', '--encoding', 'windows-1251'], /--encoding \(it reads --library files and --document\)/u],
  ])('%j is a usage error', async (argv, message) => {
    const r = await runCli(['match', ...argv], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('still takes the options of its own kind of query', async () => {
    const run = await runCli(
      ['match', '--queries', 'q.tsv', '--corpus', 'c.tsv', '--tag', 'mine', '--encoding', 'utf-8'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^q1\tQ0\td1\t1\t[\d.]+\tmine\n$/u);
    const one = await runCli(
      ['match', 'sea water', '--library', 'lib.csv', '--format', 'csv', '--min-score=-100', '--json'],
      {
        cwd: dir,
      },
    );
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('"id":"1"');
  });
});

describe('a query without a word to search by', () => {
  it.each([['the and of it'], ['https://t.co/abc !!!']])('%j is nothing to match (exit 2)', async (claim) => {
    // It was answered 'no earlier fact-check found', exit 0, as if the library had been searched for it.
    const r = await runCli(['match', claim, '--library', 'lib.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`nothing to match: "${claim}" has no word to search by`);
    expect(r.stdout).toBe('');
  });

  it('is reported as not searched, not as "no earlier fact-check found"', () => {
    expect(textBlock({ label: 'claim 3', text: 'And so it is!' }, [], false)).toBe(
      'claim 3: And so it is!\n  not searched: no word to search by (stop words, links and punctuation are not searched)\n',
    );
    expect(textBlock({ label: 'claim 4', text: 'Dams flood towns' }, [], false)).toContain(
      'no earlier fact-check found',
    );
  });
});
