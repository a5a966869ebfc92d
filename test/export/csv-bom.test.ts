/** `export csv --bom` (library: `{ bom: true }`): the UTF-8 byte order mark Excel needs to read non-Latin text. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { claimsCsv, csvCell, CSV_BOM, findingsCsv, ledgerCsv, tableCsv } from '../../src/export/csv/index.js';
import { createExportEncoder } from '../../src/export/encoder.js';
import { runCli } from '../cli/run-cli.js';
import { fixtureResult } from './fixture.js';

const results = [
  fixtureResult({ source: { kind: 'html', uri: 'https://example.org/a', outlet: 'Редакция «Пример»' } }),
  fixtureResult({ hash: 'b'.repeat(64) }),
];

describe('CSV byte order mark', () => {
  it.each([ledgerCsv, claimsCsv, findingsCsv])('%o: only when asked, once, before the header', (table) => {
    const plain = table(results);
    expect(plain.startsWith(CSV_BOM)).toBe(false);
    expect(table(results, { bom: true })).toBe(CSV_BOM + plain);
    // A reader that knows the BOM gets the same table.
    expect(parse(table(results, { bom: true }), { bom: true })).toEqual(parse(plain));
  });

  it('the streaming encoder writes it once, before the header, also for an empty table', () => {
    const encoder = createExportEncoder('csv', { table: 'claims', bom: true });
    const text = encoder.add(results.slice(0, 1)) + encoder.add(results.slice(1)) + encoder.end();
    expect(text).toBe(tableCsv('claims', results, { bom: true }));
    const empty = createExportEncoder('csv', { bom: true });
    expect(empty.end()).toBe(tableCsv('ledger', [], { bom: true }));
    expect(createExportEncoder('csv').end().startsWith(CSV_BOM)).toBe(false);
  });

  it('neutralises a cell starting with NUL as it does = + - @ TAB CR (OWASP ASVS 5.0 1.2.10)', () => {
    expect(csvCell('\u0000=1+1')).toBe("'\u0000=1+1");
  });
});

describe('narrascope export csv --bom', () => {
  const dir = mkdtempSync(join(tmpdir(), 'narrascope-export-bom-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'r.json'), JSON.stringify(results));

  it('writes EF BB BF first with --bom, nothing without', async () => {
    expect((await runCli(['export', 'csv', '--results', 'r.json', '--bom', '--out', 'bom.csv'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['export', 'csv', '--results', 'r.json', '--out', 'plain.csv'], { cwd: dir })).code).toBe(0);
    const bom = readFileSync(join(dir, 'bom.csv'));
    const plain = readFileSync(join(dir, 'plain.csv'));
    expect([...bom.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.subarray(3).equals(plain)).toBe(true);
    expect(plain.toString('utf8')).toContain('Редакция «Пример»');
  });

  it('refuses --bom for the other formats (exit 2)', async () => {
    const r = await runCli(['export', 'stix', '--results', 'r.json', '--bom'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bom applies to csv only');
    expect(r.stdout).toBe('');
  });
});
