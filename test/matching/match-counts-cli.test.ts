import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

// match --top and --limit are counts: whole numbers only, refused as usage errors (exit 2), never passed on.
const dir = mkdtempSync(join(tmpdir(), 'narrascope-match-counts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'store.db');
const library = join(dir, 'lib.csv');

beforeAll(async () => {
  writeFileSync(
    library,
    'claim,rating\nSea water cures the common cold.,False\nThe dam will flood the town.,False\n',
  );
  const ingest = await runCli(['ingest', join(process.cwd(), 'examples/myth-fact-en.txt'), '--db', db]);
  expect(ingest.code).toBe(0);
});

describe('narrascope match counts', () => {
  it('matches stored claims with a whole --limit', async () => {
    const r = await runCli(['match', '--corpus-claims', '--limit', '1', '--db', db, '--library', library]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^claim /u);
  });

  it.each([
    // 2.5 reached SQLite's LIMIT: 'internal error: datatype mismatch', exit 1.
    [['--corpus-claims', '--limit', '2.5'], /--limit must be a whole number from 1 to /u],
    [['--corpus-claims', '--limit', '1e3'], /--limit must be a whole number/u],
    [['--corpus-claims', '--limit', '0'], /--limit must be a whole number/u],
    // 2.5 gave 2 results; 0x2 was read as 2.
    [['sea water', '--top', '2.5'], /--top must be a whole number from 1 to /u],
    [['sea water', '--top', '0x2'], /--top must be a whole number/u],
    [['sea water', '--top', '0'], /--top must be a whole number/u],
    [['sea water', '--top', '1001'], /--top must be a whole number from 1 to 1000, got "1001"/u],
  ])('match %j is a usage error', async (argv, message) => {
    const r = await runCli(['match', ...argv, '--db', db, '--library', library]);
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
  });
});
