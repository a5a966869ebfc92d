import { describe, expect, it } from 'vitest';
import { blockRanges, buildLegend, layout, legendKey, paragraphRanges } from '../../web/src/highlight.js';

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

describe('layout of one long paragraph', () => {
  /** What each piece listed before: every finding of the paragraph that covers it, in order of start. */
  function naive(text: string, findings: { span: { start: number; end: number } }[]) {
    return layout(text, findings, () => true).map((p) => ({
      ...p,
      pieces: p.pieces.map((x) => ({
        ...x,
        findings: findings
          .map((_, i) => i)
          .filter((i) => {
            const s = (findings[i] as (typeof findings)[number]).span;
            return s.end > s.start && s.start < p.end && s.end > p.start && s.start <= x.start && s.end >= x.end;
          })
          .sort((a, b) => (findings[a]?.span.start ?? 0) - (findings[b]?.span.start ?? 0)),
      })),
    }));
  }

  it('lists the same findings per piece as a check of every finding would', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const text = Array.from({ length: 12 }, (_, i) => 'x'.repeat(20 + i * 7)).join('\n\n');
    const findings = Array.from({ length: 300 }, () => {
      const start = rnd(text.length);
      return f(start, Math.min(text.length, start + rnd(60)));
    });
    expect(layout(text, findings, () => true)).toEqual(naive(text, findings));
  });

  // A 1 MB line with 100,000 findings: each piece used to check every finding of its paragraph (10 s for
  // 30,000 findings, minutes for these; the tab froze on opening the document and on each legend toggle).
  // (On the old code this test does not time out: the loop never yields; it runs for minutes.)
  it('lays out 100,000 findings in one 1 MB paragraph, in blocks the browser can skip', () => {
    const text = 'word '.repeat(200_000);
    const findings = Array.from({ length: 100_000 }, (_, i) => f(i * 10, i * 10 + 4 + (i % 3) * 8));
    const blocks = layout(text, findings, () => true);
    // Blocks of at most 20,000 characters, cut after a space, each but the last continued by the next.
    expect(blocks.length).toBe(50);
    expect(blocks.every((b) => b.end - b.start <= 20_000 && text[b.end - 1] === ' ')).toBe(true);
    expect(blocks.map((b) => b.more ?? false)).toEqual([...Array<boolean>(49).fill(true), false]);
    expect(blocks.flatMap((b) => b.pieces.map((x) => text.slice(x.start, x.end))).join('')).toBe(text);
    expect(blocks[0]?.pieces.find((x) => x.start === 20)?.findings).toEqual([1, 2]);
    expect(new Set(blocks.flatMap((b) => b.pieces.flatMap((x) => x.findings))).size).toBe(100_000);
  }, 30_000);

  it('cuts a paragraph without spaces between code points, never inside a surrogate pair', () => {
    const text = `a${'😀'.repeat(3_000)}`;
    const blocks = blockRanges(text, 4_000);
    expect(blocks.map((b) => b.end - b.start)).toEqual([3_999, 2_002]);
    expect(text.slice(0, 3_999) + text.slice(3_999)).toBe(text);
    expect(/[\uDC00-\uDFFF]/u.test(text[3_999] ?? '')).toBe(false);
    expect(blocks.map((b) => b.more)).toEqual([true, false]);
    expect(blockRanges('a\n\nb').map((b) => [b.start, b.end, b.more])).toEqual([
      [0, 1, false],
      [3, 4, false],
    ]);
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
