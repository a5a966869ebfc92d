import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { claimsCsv, csvCell, findingsCsv, ledgerCsv, toCsv } from '../../src/export/csv/index.js';
import { fixtureResult } from './fixture.js';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=1+2', "'=1+2"],
    ['+44 20', "'+44 20"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    [null, ''],
    [undefined, ''],
    [-3.5, '-3.5'],
    [true, 'true'],
  ] as const)('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('CSV tables', () => {
  it('uses CRLF and round-trips through an RFC 4180 parser', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['x,y', 'z"'],
        [1, null],
      ],
    );
    expect(csv).toBe('a,b\r\n"x,y","z"""\r\n1,\r\n');
    expect(parse(csv)).toEqual([
      ['a', 'b'],
      ['x,y', 'z"'],
      ['1', ''],
    ]);
  });

  it('writes one ledger row per item, formula cells neutralised', () => {
    const rows = parse(ledgerCsv([fixtureResult()]), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      item_id: 'ledger-1',
      verdict: 'Myth',
      verdict_label: 'false',
      outlet: 'Example Water Board',
      partial: 'false',
    });
    expect(rows[1]!.claim).toBe(`'=SUM(A1) "quoted", with comma`);
  });

  it('writes claims and findings with offsets', () => {
    const claims = parse(claimsCsv([fixtureResult()]), { columns: true }) as Record<string, string>[];
    expect(claims[0]).toMatchObject({
      claim_id: 'c1',
      type: 'prediction',
      check_worthiness: '0.8',
      ledger_item_ids: 'ledger-1',
    });
    const findings = parse(findingsCsv([fixtureResult(), fixtureResult({ hash: 'b'.repeat(64) })]), {
      columns: true,
    }) as Record<string, string>[];
    expect(findings.map((f) => f.document_hash!.slice(0, 1))).toEqual(['a', 'b']);
    expect(findings[0]).toMatchObject({
      finding_id: 'f1',
      quote: 'will flood the old town',
      taxonomy: 'semeval2023:Appeal_to_Fear-Prejudice',
    });
  });
});
