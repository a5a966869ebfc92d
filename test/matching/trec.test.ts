import { describe, expect, it } from 'vitest';
import {
  averagePrecisionAt,
  evaluateRun,
  formatRun,
  parseIdTsv,
  parseQrels,
} from '../../src/corpus/matching/index.js';

describe('CheckThat! files', () => {
  it('parses id-first TSV with quoted fields and doubled quotes', () => {
    const t = parseIdTsv('\ttweet_content\n1\tplain text\n2\t"He said ""no"" twice"\n');
    expect(t.records).toEqual([
      { id: '1', fields: ['plain text'] },
      { id: '2', fields: ['He said "no" twice'] },
    ]);
  });

  it.each([
    ['', /header line/u],
    ['id\ttext\n\tno id\n', /first column \(id\) is empty/u],
    ['id\ttext\n1\ta\n1\tb\n', /duplicate id "1"/u],
    ['id\ttext\n1\ta\nq 2\tb\n', /data row 2: the id "q 2" contains white space/u],
    // A run file printed to a terminal passed the escape sequence on.
    ['id\ttext\nq\u001b]0;x\u00071\ta\n', /data row 1: the id .* contains a control or text-direction character/u],
    ['id\ttext\nq\u202e1\ta\n', /contains a control or text-direction character/u],
  ])('rejects %j', (text, problem) => {
    expect(() => parseIdTsv(text)).toThrow(problem);
  });

  it('reads qrels and writes run lines', () => {
    expect(parseQrels('1 0 394 1\n2\t0\t670\t1\n3 0 9 0\n')).toEqual(
      new Map([
        ['1', new Set(['394'])],
        ['2', new Set(['670'])],
      ]),
    );
    expect(formatRun([{ qid: '1', docid: '394', rank: 1, score: 2.5 }], 'my tag')).toBe(
      '1\tQ0\t394\t1\t2.500000\tmy_tag\n',
    );
  });

  it('writes strictly decreasing scores within a query, so score-sorting tools keep our rank order', () => {
    const run = formatRun(
      [
        { qid: 'q1', docid: '10', rank: 1, score: 0.6837061 },
        { qid: 'q1', docid: '9', rank: 2, score: 0.6837059 },
        { qid: 'q1', docid: '8', rank: 3, score: 0.6837059 },
        { qid: 'q1', docid: '7', rank: 4, score: 0.5 },
        { qid: 'q2', docid: '9', rank: 1, score: 0.6837061 },
        { qid: 'q2', docid: '1', rank: 2, score: -2 },
      ],
      't',
    );
    expect(run.split('\n').filter(Boolean).map((l) => l.split('\t').slice(0, 5).join(' '))).toEqual([
      'q1 Q0 10 1 0.683706',
      'q1 Q0 9 2 0.683705',
      'q1 Q0 8 3 0.683704',
      'q1 Q0 7 4 0.500000',
      'q2 Q0 9 1 0.683706',
      'q2 Q0 1 2 -2.000000',
    ]);
  });

  it('computes AP@k, MAP@5 and success@10', () => {
    expect(averagePrecisionAt(['a', 'x', 'b'], new Set(['a', 'b']), 5)).toBeCloseTo((1 + 2 / 3) / 2, 10);
    expect(averagePrecisionAt(['x', 'x', 'x', 'x', 'x', 'a'], new Set(['a']), 5)).toBe(0);
    const s = evaluateRun(
      new Map([
        ['q1', ['a']],
        ['q2', ['x', 'b']],
      ]),
      new Map([
        ['q1', new Set(['a'])],
        ['q2', new Set(['b'])],
        ['q3', new Set(['c'])],
      ]),
    );
    expect(s).toEqual({
      queries: 3,
      map5: (1 + 0.5 + 0) / 3,
      map1: 1 / 3,
      success10: 2 / 3,
      mrr: (1 + 0.5) / 3,
    });
  });
});
