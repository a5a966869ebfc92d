import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseColumnMapping } from '../../src/store/fact-checks/index.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-factchecks-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Our own invented row.
writeFileSync(join(dir, 'lib.csv'), 'id,claim\n1,Sea water cures a cold.\n');

describe('narrascope factchecks: words and options of another action are refused, not ignored', () => {
  it.each([
    [['list', 'lib.csv'], /list does not take "lib\.csv"/u],
    [['count', '--format', 'csv'], /count does not take --format/u],
    [
      ['list', '--columns', 'claim=x', '--encoding', 'windows-1251'],
      /list does not take --columns, --encoding/u,
    ],
    [['import', 'lib.csv', '--out', 'x.jsonl'], /import does not take --out/u],
    [['count', '--out', 'n.txt'], /count does not take --out/u],
  ])('%j is a usage error, before the store is touched', async (argv, message) => {
    const db = join(dir, 'never.db');
    const r = await runCli(['factchecks', ...argv, '--db', db], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('refuses a column mapping that names two columns for one field (the last won)', async () => {
    expect(() => parseColumnMapping('claim=a,claim=b')).toThrow(/two columns for claim \("a" and "b"\)/u);
    expect(parseColumnMapping('claim=a,title=a')).toEqual({ claim: 'a', title: 'a' });
    const r = await runCli(['match', 'sea', '--library', 'lib.csv', '--columns', 'claim=claim,claim=id'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/two columns for claim/u);
  });

  it('still takes the options of each action', async () => {
    const db = join(dir, 'ok.db');
    expect(
      (
        await runCli(['factchecks', 'import', 'lib.csv', '--columns', 'claim=claim', '--db', db], {
          cwd: dir,
        })
      ).code,
    ).toBe(0);
    expect((await runCli(['factchecks', 'count', '--db', db], { cwd: dir })).stdout).toBe('1\n');
    expect((await runCli(['factchecks', 'list', '--out', 'l.jsonl', '--db', db], { cwd: dir })).code).toBe(0);
  });
});

describe('a column mapping', () => {
  it('splits each pair at its first "=", so a column may be named with one', async () => {
    // "claim=a=b" mapped claim to a column "a", which the header did not have: the file was refused.
    expect(parseColumnMapping('claim=a=b, title = t ')).toEqual({ claim: 'a=b', title: 't' });
    writeFileSync(join(dir, 'eq.csv'), 'id,"a=b"\n1,Sea water cures a cold\n');
    const r = await runCli(
      ['match', 'sea water', '--library', 'eq.csv', '--columns', 'claim=a=b', '--json'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"claim":"Sea water cures a cold"');
  });
});
