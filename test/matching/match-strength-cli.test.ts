import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-match-strength-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Our own invented fact-check library.
const library = join(dir, 'library.tsv');
writeFileSync(library, 'id\tclaim\ttitle\nfc1\tThe city dam will flood the old town next spring.\tWill the Dam Flood the Old Town?\nfc2\tElectric buses caught fire in cold weather.\tDid Buses Catch Fire?\n');

describe('narrascope match: match strength', () => {
  it('labels each result and says when the library most likely holds no fact-check of the claim', async () => {
    const same = await runCli(['match', 'The city dam will flood the old town next spring, officials warn.', '--library', library]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^ {2}1\. \[strong \d+\.\d{3}\]/mu);
    expect(same.stdout).not.toContain('only weak matches');
    const other = await runCli(['match', 'Volcano tours resume on the northern island next spring.', '--library', library]);
    expect(other.stdout).toContain('only weak matches: the library may hold no fact-check of this claim');
    expect(other.stdout).toMatch(/\[weak \d+\.\d{3}\]/u);
    const json = await runCli(['match', 'Volcano tours resume on the northern island next spring.', '--library', library, '--json']);
    const line = JSON.parse(json.stdout.trim().split('\n')[0] as string) as { matches: { strength: string | null }[] };
    expect(line.matches.map((m) => m.strength)).toEqual(line.matches.map(() => 'weak'));
    const bm25 = await runCli(['match', 'The city dam will flood the old town.', '--library', library, '--method', 'bm25', '--json']);
    expect((JSON.parse(bm25.stdout.trim()) as { matches: { strength: string | null }[] }).matches[0]?.strength).toBeNull();
  });
});
