import { describe, expect, it } from 'vitest';
import { PrefixedKeys, PrefixedWordSet, predictProba, trainLogistic, type Example } from './logistic.js';
import { loadRoleModel, MAIN_ROLE_CLASSES, FINE_ROLE_CLASSES, predictRoles } from './role-model.js';
import { formatSt1, parseSt1, St1FormatError, st1Span } from './st1-format.js';

describe('ST1 format', () => {
  it('parses rows with and without roles; keeps offsets as written', () => {
    const rows = parseSt1('d1.txt\tNato\t4\t7\tProtagonist\tGuardian\n\nd1.txt\tthe US\t10\t15\n');
    expect(rows).toEqual([
      { doc: 'd1.txt', entity: 'Nato', start: 4, end: 7, main: 'Protagonist', fine: ['Guardian'] },
      { doc: 'd1.txt', entity: 'the US', start: 10, end: 15, main: null, fine: [] },
    ]);
    expect(formatSt1({ ...rows[1]!, main: 'Antagonist', fine: ['Deceiver', 'Conspirator'] })).toBe('d1.txt\tthe US\t10\t15\tAntagonist\tDeceiver\tConspirator');
  });

  it.each([
    ['d.txt\tX\t3', /line 1: expected at least 4/u],
    ['d.txt\tX\tfour\t5', /line 1: start and end must be whole numbers/u],
    ['ok.txt\tA\t0\t0\nd.txt\tX\t9\t5', /line 2: start and end/u],
  ])('rejects %j', (content, message) => {
    expect(() => parseSt1(content)).toThrow(St1FormatError);
    expect(() => parseSt1(content)).toThrow(message);
  });

  it('converts code points with an inclusive end to UTF-16 spans, and re-anchors rows that are off by one', () => {
    const text = 'Hi 😀 Nato met Kyiv.';
    // Code points: "Nato" starts at 5 (the emoji is one code point, two UTF-16 units) and ends at 8 inclusive.
    const span = st1Span(text, { entity: 'Nato', start: 5, end: 8 });
    expect(text.slice(span.start, span.end)).toBe('Nato');
    const off = st1Span(text, { entity: 'Kyiv', start: 15, end: 18 });
    expect(text.slice(off.start, off.end)).toBe('Kyiv');
  });
});

describe('logistic regression', () => {
  const examples: Example[] = [
    ...Array.from({ length: 6 }, (_, i) => ({ features: new Map([['bias', 1], ['w:good', 1], [`n${i}`, 1]]), label: 'pos' })),
    ...Array.from({ length: 6 }, (_, i) => ({ features: new Map([['bias', 1], ['w:bad', 1], [`m${i}`, 1]]), label: 'neg' })),
  ];
  it('learns a separable toy problem, deterministically', () => {
    const a = trainLogistic(examples, ['pos', 'neg'], { minCount: 1 });
    const b = trainLogistic(examples, ['pos', 'neg'], { minCount: 1 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const p = predictProba(a, new Map([['bias', 1], ['w:bad', 1]]));
    expect(p[1]).toBeGreaterThan(0.8);
    expect(p[0]! + p[1]!).toBeCloseTo(1, 6);
  });
  it('drops features seen fewer than minCount times', () => {
    const m = trainLogistic(examples, ['pos', 'neg'], { minCount: 2 });
    expect(Object.keys(m.weights).some((k) => k.startsWith('n'))).toBe(false);
    expect(m.weights['w:good']).toBeDefined();
  });
});

describe('committed role model', () => {
  it('loads and gives a consistent main and fine role', () => {
    const model = loadRoleModel();
    expect(model.main.classes).toEqual([...MAIN_ROLE_CLASSES]);
    const p = predictRoles(model, new Map([['bias', 1], ['camp:ru', 1]]));
    expect(MAIN_ROLE_CLASSES).toContain(p.main);
    expect(p.fine).toHaveLength(1);
    expect(FINE_ROLE_CLASSES[p.main]).toContain(p.fine[0]);
  });
});

describe('PrefixedWordSet', () => {
  it('sums the same rows in the same order as PrefixedKeys of the sorted words, bit for bit', () => {
    const model = loadRoleModel();
    const known = Object.keys(model.fine.weights).filter((k) => k.startsWith('st|')).map((k) => k.slice(3));
    // A deterministic mix of known words (every 7th, from both ends) and words no model knows, unsorted.
    const words = new Set([...known.filter((_, i) => i % 7 === 3).reverse(), 'zzz-unknown', 'aaa-unknown', ...known.filter((_, i) => i % 11 === 0)]);
    // Made ahead for both models (one look-up per word), and one model at a time.
    const both = new PrefixedWordSet('st|', words);
    both.prepare(model.main, model.fine);
    for (const m of [model.main, model.fine]) {
      const expected = new PrefixedKeys('st|', [...words].sort()).sumFor(m);
      expect([...new PrefixedWordSet('st|', words).sumFor(m)]).toEqual([...expected]);
      expect([...both.sumFor(m)]).toEqual([...expected]);
    }
  });
});
