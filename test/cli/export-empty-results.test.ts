/**
 * `export --results FILE` with a file that holds no result: an empty file was "Unexpected end of JSON
 * input", and `[]` or `{"results": []}` "nothing was analysed, so there is nothing to export — See the
 * messages above", with no message above. Each now says what the file holds (exit 2).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-export-empty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export --results with no result in the file', () => {
  it.each([
    ['empty', '', 'r.json is empty: it holds no analysis result to export'],
    ['blank lines and a BOM', '\ufeff\n  \n', 'r.json is empty: it holds no analysis result to export'],
    ['an empty list', '[]', 'r.json holds an empty list: it holds no analysis result to export'],
    ['an empty results list', '{"results": []}', 'r.json holds an empty list: it holds no analysis result to export'],
  ])('%s is named as such (exit 2)', async (_name, content, message) => {
    writeFileSync(join(dir, 'r.json'), content);
    const run = await runCli(['export', 'csv', '--results', 'r.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('messages above');
  });
});
