import { describe, expect, it } from 'vitest';
import { buildLegend, layout, legendKey, paragraphRanges } from '../../web/src/highlight.js';

const f = (start: number, end: number, taxonomy: string[] = [], detector = 'd/x') => ({ span: { start, end }, taxonomy, detector });

describe('paragraphRanges', () => {
  it.each([
    ['a\n\nb', [[0, 1], [3, 4]]],
    ['a\nb', [[0, 3]]],
    ['\n\na\n \n\nb\n\n', [[2, 3], [7, 8]]],
    ['', []],
  ])('%j', (text, ranges) => {
    expect(paragraphRanges(text).map((r) => [r.start, r.end])).toEqual(ranges);
  });
});

describe('layout', () => {
  it('cuts overlapping findings into pieces that list every finding covering them', () => {
    const text = 'abcdefghij\n\nklmnop';
    const findings = [f(2, 6), f(4, 8), f(9, 14)];
    const [p1, p2] = layout(text, findings, () => true);
    expect(p1?.pieces.map((p) => [p.start, p.end, p.findings])).toEqual([
      [0, 2, []],
      [2, 4, [0]],
      [4, 6, [0, 1]],
      [6, 8, [1]],
      [8, 9, []],
      [9, 10, [2]],
    ]);
    expect(p2?.pieces.map((p) => [p.start, p.end, p.findings])).toEqual([
      [12, 14, [2]],
      [14, 18, []],
    ]);
  });

  it('leaves out disabled findings and empty spans', () => {
    const [p] = layout('abcdef', [f(1, 3), f(2, 2), f(3, 5)], (i) => i !== 2);
    expect(p?.pieces.map((x) => [x.start, x.end, x.findings])).toEqual([
      [0, 1, []],
      [1, 3, [0]],
      [3, 6, []],
    ]);
  });

  it('lays out 1,000 paragraphs with 5,000 findings in one linear pass', () => {
    const para = 'word '.repeat(40).trim();
    const text = Array.from({ length: 1000 }, () => para).join('\n\n');
    const findings = Array.from({ length: 5000 }, (_, i) => f(i * 40, i * 40 + 12));
    const out = layout(text, findings, () => true);
    expect(out).toHaveLength(1000);
    const covered = new Set(out.flatMap((p) => p.pieces.flatMap((x) => x.findings)));
    expect(covered.size).toBe(5000);
    for (const p of out) expect(p.pieces.map((x) => text.slice(x.start, x.end)).join('')).toBe(text.slice(p.start, p.end));
  });
});

describe('legend', () => {
  it('keys by SemEval technique, else detector, most frequent first with stable colours', () => {
    const fs = [f(0, 1, ['semeval2023:Loaded_Language']), f(0, 1, ['ptc2020:X', 'semeval2023:Loaded_Language']), f(0, 1, [], 'ledger/label')];
    expect(legendKey(fs[0] as ReturnType<typeof f>)).toBe('Loaded Language');
    expect(buildLegend(fs)).toEqual([
      { key: 'Loaded Language', count: 2, color: 0 },
      { key: 'ledger/label', count: 1, color: 1 },
    ]);
  });
});
