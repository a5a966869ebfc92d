/**
 * `watch add --from-doc` added every ledger claim again each time it ran (the same document twice gave
 * two entries per claim, so each ingest reported each match twice), and had no cap: a document with
 * thousands of ledger claims made thousands of entries, each checked against every later document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-watch-from-doc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = fileURLToPath(new URL('../../examples/myth-fact-en.txt', import.meta.url));

async function entries(db: string): Promise<{ id: number; text: string }[]> {
  return JSON.parse((await runCli(['watch', '--json', '--db', db])).stdout) as { id: number; text: string }[];
}

describe('watch add --from-doc', () => {
  const db = join(dir, 'w.db');
  beforeAll(async () => {
    expect((await runCli(['ingest', example, '--db', db, '--workers', '1'])).code).toBe(0);
  });

  it('refuses more new ledger claims than --max-entries, adding none, and names the flag to add them all', async () => {
    const run = await runCli(['watch', 'add', '--from-doc', '1', '--max-entries', '2', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/the document has (\d+) ledger claims not watched yet, more than the 2 added at once; nothing was added/u);
    const claims = /has (\d+) ledger claims/u.exec(run.stderr)?.[1];
    expect(run.stderr).toContain(`--max-entries ${claims}`);
    expect(await entries(db)).toEqual([]);
  });

  it('does not add a document\'s claims twice, and names the entries they repeat (exit 0)', async () => {
    const first = await runCli(['watch', 'add', '--from-doc', '1', '--db', db, '--json']);
    expect(first.code).toBe(0);
    const added = (JSON.parse(first.stdout) as { ids: number[] }).ids;
    expect(added.length).toBeGreaterThan(2);
    const watched = await entries(db);

    const again = await runCli(['watch', 'add', '--from-doc', '1', '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('added 0 watch entries (none)');
    expect(again.stderr).toContain(`not added, already watched as #${added[0]}: "${watched[0]?.text}"`);
    expect(await entries(db)).toEqual(watched);

    // A typed claim equal to a ledger one but for case and spacing is the same claim.
    const typed = await runCli(['watch', 'add', `  ${watched[1]?.text.toUpperCase()}`, '--db', db, '--json']);
    expect(JSON.parse(typed.stdout)).toMatchObject({ ids: [], alreadyWatched: [{ id: added[1] }] });
    expect(await entries(db)).toEqual(watched);
  });

  it.each([
    [['watch', 'add', 'Ports close at dawn every Monday', '--max-entries', '5'], '--max-entries goes with --from-doc'],
    [['watch', 'add', '--from-doc', '1', '--max-entries', '0'], '--max-entries must be a whole number from 1'],
    [['watch', '--max-entries', '5'], '--max-entries is an option of watch add, not of watch list'],
    [['watch', 'add', '--from-doc', ' '], '--from-doc is empty'],
  ])('%j is a usage error (exit 2), nothing added', async (argv, message) => {
    const before = await entries(db);
    const run = await runCli([...argv, '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(await entries(db)).toEqual(before);
  });
});
