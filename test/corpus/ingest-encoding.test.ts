/** `narrascope ingest --encoding`: streamed tables and record files in a legacy encoding. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-ingest-encoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `narrascope ARGV` in-process, in the test folder. */
const run = (...argv: string[]): Promise<CliRun> => runCli(argv, { cwd: dir });

describe('ingest --encoding', () => {
  it('decodes a windows-1251 CSV, and refuses an unknown encoding before opening the store', async () => {
    // "Ложь и правда" in windows-1251.
    const words = Buffer.from([0xcb, 0xee, 0xe6, 0xfc, 0x20, 0xe8, 0x20, 0xef, 0xf0, 0xe0, 0xe2, 0xe4, 0xe0]);
    writeFileSync(
      join(dir, 'cp1251.csv'),
      Buffer.concat([Buffer.from('title,text,outlet\nA,"'), words, Buffer.from('",Desk\n')]),
    );
    const db = join(dir, 'e.db');
    const bad = await run('ingest', 'cp1251.csv', '--encoding', 'cp-nope', '--db', db);
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
      2,
      'narrascope ingest: unknown encoding "cp-nope"',
    ]);
    expect(
      (await run('ingest', 'cp1251.csv', '--encoding', 'windows-1251', '--db', db, '--workers', '1')).code,
    ).toBe(0);
    const found = JSON.parse((await run('search', 'правда', '--db', db, '--json')).stdout) as {
      total: number;
    };
    expect(found.total).toBe(1);
  });
});
