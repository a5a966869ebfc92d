import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-watch-actions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = fileURLToPath(new URL('../../examples/myth-fact-en.txt', import.meta.url));

// Words and options an action does not take were dropped in silence.
describe('watch: what each action takes', () => {
  const db = join(dir, 'w.db');

  it('refuses claims typed after --from-doc (they were never added) and keeps the note of --from-doc', async () => {
    expect((await runCli(['ingest', example, '--db', db, '--workers', '1'])).code).toBe(0);
    const both = await runCli([
      'watch',
      'add',
      '--from-doc',
      '1',
      'The pipeline was closed by the minister',
      '--db',
      db,
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('claims or --from-doc HASH, not both');
    expect(JSON.parse((await runCli(['watch', '--json', '--db', db])).stdout)).toEqual([]);
    const fromDoc = await runCli([
      'watch',
      'add',
      '--from-doc',
      '1',
      '--note',
      'prebunk of March',
      '--db',
      db,
    ]);
    expect(fromDoc.code).toBe(0);
    const entries = JSON.parse((await runCli(['watch', '--json', '--db', db])).stdout) as {
      note: string | null;
    }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.note)).toEqual(entries.map(() => 'prebunk of March'));
  });

  it.each([
    [['watch', 'remove', '1', '2'], 'watch remove takes one entry id, got 2'],
    [['watch', 'list', 'gas'], 'unexpected argument "gas"'],
    [['watch', 'remove', '1', '--note', 'x'], '--note is an option of watch add, not of watch remove'],
    [['watch', '--from-doc', 'abcdef12'], '--from-doc is an option of watch add, not of watch list'],
  ])('%j → exit 2, nothing removed', async (argv, message) => {
    const before = (await runCli(['watch', '--json', '--db', db])).stdout;
    const run = await runCli([...argv, '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect((await runCli(['watch', '--json', '--db', db])).stdout).toBe(before);
  });
});
