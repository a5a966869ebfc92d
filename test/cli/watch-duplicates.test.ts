/**
 * `watch add` of a claim already watched added a second entry, so every ingest reported each match once
 * per copy. A claim equal to a watched one but for case and spacing is not added; the message names the
 * entry it repeats (or says it was given twice), --json lists it under alreadyWatched, and the exit code
 * stays 0, so a script may add its list again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-watch-duplicates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('watch add: a claim already watched', () => {
  const db = join(dir, 'w.db');

  it('is not added again, and is named with its entry', async () => {
    expect((await runCli(['watch', 'add', 'The dam will burst tonight', '--db', db])).code).toBe(0);
    const again = await runCli([
      'watch',
      'add',
      'the DAM will  burst tonight',
      'Divers blew up the gas pipeline',
      'divers blew up the gas pipeline',
      '--db',
      db,
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('added 1 watch entry (#2)');
    expect(again.stderr).toContain('not added, already watched as #1: "the DAM will  burst tonight"');
    expect(again.stderr).toContain('not added, given twice: "divers blew up the gas pipeline"');
    const json = JSON.parse(
      (await runCli(['watch', 'add', 'The dam will burst tonight', '--db', db, '--json'])).stdout,
    ) as unknown;
    expect(json).toMatchObject({ ids: [], alreadyWatched: [{ text: 'The dam will burst tonight', id: 1 }] });
    const list = JSON.parse((await runCli(['watch', '--json', '--db', db])).stdout) as unknown[];
    expect(list).toHaveLength(2);
  });
});
