import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFactCheckTable } from '../../src/store/fact-checks/index.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-sep-line-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Our own invented rows, as Excel saves them with a `sep=` line first.
describe("Excel's sep= first line", () => {
  it('names the separator and is not the header; line numbers still count it', () => {
    const batch = importFactCheckTable(
      'sep=;\r\nclaim;rating;publisher\r\nSea water, they say, cures a cold;False;Desk\r\n;False;Desk\r\n',
      'x.csv',
    );
    expect(batch.records.map((r) => [r.claim, r.rating, r.source])).toEqual([
      ['Sea water, they say, cures a cold', 'False', 'x.csv:3'],
    ]);
    expect(batch.rejected).toEqual([{ source: 'x.csv:4', reason: 'the claim cell is empty' }]);
  });

  it('wins over the extension, in any case and quoted, also with a pipe', () => {
    expect(
      importFactCheckTable('"SEP=,"\nclaim,rating\nThe dam floods the town,False\n', 'x.tsv', {
        delimiter: '\t',
      }).records[0],
    ).toMatchObject({ claim: 'The dam floods the town', rating: 'False' });
    expect(
      importFactCheckTable('sep=|\nclaim|rating\nBuses burn, it is said|False\n', 'x.csv').records[0],
    ).toMatchObject({
      claim: 'Buses burn, it is said',
      rating: 'False',
    });
  });

  it('is honoured by factchecks import', async () => {
    writeFileSync(
      join(dir, 'excel.csv'),
      'sep=;\nclaim;rating;publisher;url\nSea water cures a cold;False;Desk;https://checks.example/1\n',
    );
    const r = await runCli(['factchecks', 'import', 'excel.csv', '--db', join(dir, 's.db')], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^imported 1 fact-check\(s\)/u);
  });
});
