/**
 * A JSONL file whose records keep their text under another name: ingest recorded one failure per line
 * (3,000 for 3,000 lines), and analyze printed one error per line with a hint to use --map, an option
 * analyze did not have. Now the file fails once, naming the fields seen, and analyze takes --map.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-cli-jsonl-text-field-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'posts.jsonl');
writeFileSync(
  file,
  Array.from({ length: 500 }, (_, i) => JSON.stringify({ id: i, body_text: `Myth: ferry ${i} stops in May.\nFact: the timetable runs to 2030.` })).join('\n'),
);

describe('JSONL without a text field', () => {
  it('ingest records one failure for the file, naming the fields seen and --map (exit 2)', async () => {
    const run = await runCli(['ingest', file, '--db', join(dir, 'c.db'), '--workers', '1', '--json']);
    expect(run.code).toBe(2);
    const summary = JSON.parse(run.stdout) as { failed: number; errors: { origin: string; message: string; hint: string }[] };
    expect(summary.failed).toBe(1);
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]?.origin).toBe(`${file}:1`);
    expect(summary.errors[0]?.message).toContain('(fields seen: "id", "body_text")');
    expect(summary.errors[0]?.hint).toContain('--map text=FIELD');
  });

  it('analyze prints the error once, and reads the file with --map text=body_text', async () => {
    const refused = await runCli(['analyze', file, '--format', 'json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(2); // the message and its hint
    expect(refused.stderr).toContain('no text to read: the first 20 records have no field named text');
    const mapped = await runCli(['analyze', file, '--format', 'json', '--map', 'text=body_text', '--quiet', '--detectors', 'ledger/*']);
    expect(mapped.code).toBe(0);
    expect(JSON.parse(mapped.stdout)).toHaveLength(500);
  }, 60_000);

  it('analyze refuses a bad --map as ingest does (exit 2)', async () => {
    const run = await runCli(['analyze', file, '--map', 'txt=body']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('bad column mapping "txt=body"');
  });
});
