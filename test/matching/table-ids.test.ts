import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFactCheckTable } from '../../src/store/fact-checks/index.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-table-ids-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};

// Our own invented rows: the id PF7 on three different fact-checks, PF7#2 taken by a fourth, and the first
// row repeated whole.
const table = [
  'id,claim,rating,publisher,url',
  'PF7,Sea water cures a cold.,False,Desk,https://checks.example/1',
  'PF7,The dam will flood the town.,False,Desk,https://checks.example/2',
  'PF7#2,Buses burn in cold weather.,False,Desk,https://checks.example/3',
  'PF7,Sea water cures a cold.,False,Desk,https://checks.example/1',
  'PF7,A photo shows the mayor with a singer.,False,Desk,https://checks.example/4',
].join('\n');

describe('a CSV/TSV library whose id column repeats an id', () => {
  it('keeps every fact-check, naming a later one with the id of another `id#N`, with a notice', () => {
    const batch = importFactCheckTable(table, 'ids.csv');
    expect(batch.rejected).toEqual([]);
    expect(batch.records.map((r) => r.source)).toEqual([
      'ids.csv:2#PF7',
      'ids.csv:3#PF7#3',
      'ids.csv:4#PF7#2',
      // The same fact-check again keeps its id: it is a repeat, stored once.
      'ids.csv:5#PF7',
      'ids.csv:6#PF7#4',
    ]);
    expect(batch.notices).toEqual([
      'ids.csv:3: the id "PF7" is also the id of line 2 (another fact-check); this one is kept as "PF7#3"',
      'ids.csv:6: the id "PF7" is also the id of line 2 (another fact-check); this one is kept as "PF7#4"',
    ]);
  });

  it('match --library gives each result its own id and says so on stderr; factchecks import keeps all', async () => {
    file('ids.csv', table);
    const r = await runCli(['match', 'dam flood town', '--library', 'ids.csv', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { matches: { id: string }[] }).matches[0]!.id).toBe('PF7#3');
    expect(r.stderr).toContain('warning: ids.csv:3: the id "PF7" is also the id of line 2');
    const imp = await runCli(['factchecks', 'import', 'ids.csv', '--db', join(dir, 'ids.db')], { cwd: dir });
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/^imported 4 fact-check\(s\), 1 repeated in the input/u);
    expect(imp.stderr).toContain('kept as "PF7#4"');
  });

  it('match --library names an id repeated by a later file `id#2`', async () => {
    file('a.csv', 'id,claim\n1,Sea water cures a cold.\n');
    file('b.csv', 'id,claim\n1,Sea water cures the flu.\n');
    const r = await runCli(
      ['match', 'sea water cold', '--library', 'a.csv', '--library', 'b.csv', '--json'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { matches: { id: string }[] }).matches.map((m) => m.id);
    expect(ids.sort()).toEqual(['1', '1#2']);
    expect(r.stderr).toContain('b.csv:2#1: the id "1" is also the id of a fact-check of an earlier file');
  });
});
