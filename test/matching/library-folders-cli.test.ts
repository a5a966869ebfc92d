import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-library-folders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): void => {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text);
};
// Our own invented fact-checks: a folder with a ClaimReview, a table in a subfolder, and files that are not
// fact-checks (passed over), a hidden folder (left out) and a folder with no library file.
file(
  'lib/reviews.json',
  JSON.stringify({
    '@type': 'ClaimReview',
    claimReviewed: 'The new dam will flood the old town',
    url: 'https://checks.example/dam',
    author: { name: 'Desk' },
  }),
);
file('lib/tables/checks.csv', 'id,claim,url\nS1,Sea water cures a cold,https://checks.example/sea\n');
file('lib/README.md', '# notes\n');
file('lib/.drafts/draft.csv', 'id,claim\nD1,Draft claim about buses\n');
file('notes/readme.txt', 'nothing here\n');

describe('a folder as a fact-check library', () => {
  it('factchecks import reads the library files in it, by the names under the folder', async () => {
    const r = await runCli(['factchecks', 'import', 'lib', '--db', join(dir, 'f.db'), '-q'], { cwd: dir });
    // It was refused as 'EISDIR: illegal operation on a directory, read'.
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^imported 2 fact-check\(s\)/u);
    const list = await runCli(['factchecks', 'list', '--db', join(dir, 'f.db')], { cwd: dir });
    expect(
      list.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { source: string }).source),
    ).toEqual(['lib/reviews.json#1', 'lib/tables/checks.csv:2#S1']);
  });

  it('match --library reads it too', async () => {
    const r = await runCli(['match', 'dam floods town', '--library', 'lib/', '--json', '-k', '2'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { matches: { id: string }[] }).matches.map((m) => m.id);
    expect(ids[0]).toBe('lib/reviews.json#1');
  });

  it('a folder with no library file, or a missing path, is named with a plain reason', async () => {
    const m = await runCli(['match', 'dam', '--library', 'notes'], { cwd: dir });
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/the folder notes holds no fact-check file \(\.json, /u);
    const f = await runCli(['factchecks', 'import', 'missing.csv', 'notes', '--db', join(dir, 'g.db')], {
      cwd: dir,
    });
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(
      /rejected missing\.csv: cannot read missing\.csv: no such file or directory\n.*rejected notes: the folder notes/u,
    );
    expect(f.stderr).not.toMatch(/ENOENT|EISDIR/u);
  });
});

describe('an empty path (an unset shell variable)', () => {
  it.each([
    [['match', 'dam', '--library', ''], /--library is empty/u],
    [['match', 'dam', '--library', 'lib', '--library', ' '], /--library is empty/u],
    [['match', '--queries', '', '--corpus', 'c.tsv'], /--queries is empty/u],
    [['match', '--document', ''], /--document is empty/u],
    [['factchecks', 'import', 'lib', ''], /an empty path was given/u],
  ])('%j is a usage error; the working directory is not read as the library', async (argv, message) => {
    // --library '' read every table and JSON file under the working directory (and factchecks import
    // stored them); --queries '' asked for --corpus; --document '' said 'nothing to match'.
    const r = await runCli([...argv, '--db', join(dir, 'empty.db')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
