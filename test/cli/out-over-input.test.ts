/**
 * --out naming a file the command reads: `analyze notes.txt -o notes.txt` (and export, match) read the
 * file, then replaced it with the report, the document lost; `export jsonl --corpus --db c.db -o c.db` and
 * `factchecks list --db c.db -o c.db` renamed their output over the open database, the whole corpus gone,
 * with exit 0. Each is now a usage error (exit 2) before any work, and the file is left as it was.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-out-over-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TEXT = 'Myth: the port is closed.\n\nFact: the port is open every day.\n\nMyth: ferries stop in May.\n\nFact: the timetable runs to 2030.\n';

beforeAll(async () => {
  writeFileSync(join(dir, 'notes.txt'), TEXT);
  symlinkSync('notes.txt', join(dir, 'link.txt'));
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'folder', 'a.txt'), TEXT);
  writeFileSync(join(dir, 'folder', 'old-report.json'), '{}'); // not a supported input: a folder search skips it
  writeFileSync(join(dir, 'q.tsv'), 'id\ttext\nq1\tthe port is closed\n');
  writeFileSync(join(dir, 'c.tsv'), 'id\ttext\nc1\tthe port was closed\n');
  expect((await runCli(['analyze', 'notes.txt', '-f', 'json', '-o', 'r.json', '--quiet'], { cwd: dir })).code).toBe(0);
  expect((await runCli(['ingest', 'notes.txt', '--db', 'c.db', '--workers', '1'], { cwd: dir })).code).toBe(0);
});

describe('--out over an input', () => {
  it.each([
    [['analyze', 'notes.txt', '-o', 'notes.txt'], 'notes.txt', '--out notes.txt is the input notes.txt'],
    [['analyze', 'link.txt', '-o', './notes.txt'], 'notes.txt', '--out ./notes.txt is the input link.txt'],
    [['analyze', 'folder', '-o', 'folder/a.txt'], 'folder/a.txt', '--out folder/a.txt is inside the input folder folder'],
    [['export', 'csv', 'notes.txt', '-o', 'notes.txt'], 'notes.txt', '--out notes.txt is the input notes.txt'],
    [['export', 'jsonl', '--results', 'r.json', '-o', 'r.json'], 'r.json', '--out r.json is the input r.json'],
    [['match', '--queries', 'q.tsv', '--corpus', 'c.tsv', '-o', 'c.tsv'], 'c.tsv', '--out c.tsv is the input c.tsv'],
    [['export', 'jsonl', '--corpus', '--db', 'c.db', '-o', 'c.db'], 'c.db', '--out c.db is the store'],
    [['factchecks', 'list', '--db', 'c.db', '-o', 'c.db'], 'c.db', '--out c.db is the store'],
  ])('%j is refused (exit 2) and the file is left as it was', async (argv, file, message) => {
    const before = readFileSync(join(dir, file));
    const run = await runCli(argv, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(readFileSync(join(dir, file)).equals(before)).toBe(true);
  });

  // A folder failed only once the output was written, after the work, as "EISDIR ... rename".
  it.each([
    [['analyze', 'notes.txt', '-o', 'folder/']],
    [['export', 'jsonl', '--corpus', '--db', 'c.db', '-o', 'folder']],
    [['factchecks', 'list', '--db', 'c.db', '-o', 'folder']],
  ])('%j: an --out that is a folder is refused first (exit 2)', async (argv) => {
    const run = await runCli(argv, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out folder\/? is a folder\n {2}Give the name of a file to write, e\.g\. --out folder\/report\.json/u);
  });

  it('lets a file in an input folder through that the folder search does not read', async () => {
    const run = await runCli(['analyze', 'folder', '-f', 'json', '-o', 'folder/old-report.json', '--quiet'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'folder', 'old-report.json'), 'utf8'))).toMatchObject({ document: { title: 'a' } });
    expect((await runCli(['search', '--db', 'c.db', '--json'], { cwd: dir })).code).toBe(0); // the store is intact
  });
});
