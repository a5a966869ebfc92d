/** `narrascope ingest --encoding`: streamed tables and record files in a legacy encoding. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-ingest-encoding-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await main(argv, { stdout: out, stderr: err, stdin: new PassThrough(), cwd: dir, env: {} });
  return { code, stdout, stderr };
}

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
