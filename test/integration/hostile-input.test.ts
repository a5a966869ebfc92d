import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyzer.js';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { validateAnalysisResult } from '../../src/export/format/index.js';
import { randomStrings } from '../support/random-strings.js';

// Hostile pieces of our own: labels, line ends of every kind, controls, lone surrogates, emoji ZWJ sequences,
// zero-width and direction controls, combining marks, full-width letters, quotes, other scripts.
const PIECES = [
  'Myth: ',
  'Fact: ',
  'Lie: ',
  'Truth: ',
  '\n',
  '\r\n',
  '\r',
  '\f',
  '\u2028',
  '\u2029',
  '\u0085',
  '\0',
  '\u0007',
  '\u001b[31m',
  '\ud800',
  '\udc00',
  '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
  '\u200b',
  '\u200d',
  '\u202e',
  '\u2066',
  '\ufeff',
  'e\u0301\u0301\u0301',
  'ＭＹＴＨ：',
  '“',
  '”',
  '"',
  '«',
  '»',
  "'",
  'The Western media claim that ',
  'Russia ',
  'NATO ',
  'said ',
  '5% ',
  '2020 ',
  '1. ',
  '# ',
  'Это ложь. ',
  'هذا كذب. ',
  '这是谎言。',
  ' ',
  '\t',
  '.',
  '!',
  '?',
  'http://a.example/x ',
  'According to the ministry, ',
  'A',
  'word ',
];

const midPair = (t: string, k: number): boolean =>
  k > 0 &&
  k < t.length &&
  /[\ud800-\udbff]/u.test(t[k - 1] as string) &&
  /[\udc00-\udfff]/u.test(t[k] as string);

/** Every span object in the result (anything with integer start and end) and where it is. */
function spans(
  value: unknown,
  path: string,
  out: [string, { start: number; end: number; text?: unknown }][],
): void {
  if (Array.isArray(value)) value.forEach((v, k) => spans(v, `${path}[${k}]`, out));
  else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number')
      out.push([path, o as { start: number; end: number }]);
    for (const [k, v] of Object.entries(o)) if (k !== 'document') spans(v, `${path}.${k}`, out);
  }
}

/** What must hold for any input: spans in the text, on code-point boundaries, quoting it; valid indexes and JSON. */
function problems(r: AnalysisResult): string[] {
  const text = r.document.text as string;
  const out: string[] = [];
  if ([...text].some((c) => c < ' ' && c !== '\t' && c !== '\n'))
    out.push('control character left in the normalised text');
  const found: [string, { start: number; end: number; text?: unknown }][] = [];
  spans(r, '', found);
  for (const [path, s] of found) {
    if (!(
      Number.isInteger(s.start) &&
      Number.isInteger(s.end) &&
      s.start >= 0 &&
      s.start <= s.end &&
      s.end <= text.length
    ))
      out.push(`${path}: ${s.start}-${s.end} outside 0-${text.length}`);
    else if (midPair(text, s.start) || midPair(text, s.end))
      out.push(`${path}: ${s.start}-${s.end} splits a surrogate pair`);
    if (typeof s.text === 'string' && s.text !== text.slice(s.start, s.end))
      out.push(`${path}: text is not the slice`);
  }
  for (const f of r.findings) if (f.span.start >= f.span.end) out.push(`${f.id}: empty span`);
  const blocks = Number(r.stats.counts.blocks);
  for (const n of r.narratives)
    for (const p of n.paragraphs) if (!(p >= 0 && p < blocks)) out.push(`narrative paragraph ${p}`);
  for (const p of r.techniques.paragraphs)
    if (!(p.block >= 0 && p.block < blocks)) out.push(`technique paragraph ${p.block}`);
  const json = JSON.stringify(r);
  if (JSON.stringify(JSON.parse(json)) !== json) out.push('JSON does not round-trip');
  out.push(...validateAnalysisResult(r).map((e) => `schema: ${JSON.stringify(e)}`));
  return out;
}

describe('analysis of hostile input', () => {
  const analyzer = createAnalyzer();

  it('keeps every span in bounds, on code points and equal to the text it quotes (seeded random documents)', async () => {
    const texts = randomStrings(PIECES, 60, 120, 2026);
    for (const raw of texts)
      expect(problems(await analyzer.analyzeText(raw)), JSON.stringify(raw)).toEqual([]);
  });

  it.each([
    ['one character', 'a'],
    ['punctuation only', '!!! ... ---'],
    ['digits only', '1234567890'],
    ['a lone surrogate', '\ud800'],
    ['a label alone', 'Myth:'],
    ['line ends of every kind', 'Myth: a\r\nFact: b\rMyth: c\u2028Fact: d\fMyth: e\u0085Fact: f'],
    ['a flood of combining marks', `Myth: e${'\u0301'.repeat(5000)}.\nFact: no.`],
    [
      'emoji sequences',
      'Myth: \u{1F468}\u200D\u{1F469}\u200D\u{1F467} ruined it.\nFact: \u{1F44D}\u{1F3FD} it did not.',
    ],
  ])('gives a valid result for %s', async (_name, raw) => {
    expect(problems(await analyzer.analyzeText(raw))).toEqual([]);
  });

  it.each([
    [
      'Cyrillic',
      'ru',
      'Миф: вакцины опасны, говорят критики.\nФакт: вакцины безопасны, сообщает министерство здравоохранения.',
    ],
    ['Arabic', 'ar', 'خرافة: اللقاحات خطيرة كما يقول المنتقدون.\nحقيقة: اللقاحات آمنة وفق وزارة الصحة.'],
    ['Chinese', 'zh', '谣言：批评者说疫苗很危险。\n事实：卫生部说疫苗是安全的。'],
  ])('runs only the detectors for any language on %s, and says so', async (_name, language, raw) => {
    const r = await analyzer.analyzeText(raw, { language });
    expect(problems(r)).toEqual([]);
    expect(r.findings.filter((f) => f.family === 'technique' || f.family === 'claim')).toEqual([]);
    expect(
      r.warnings.some((w) => w.startsWith(`language "${language}": `) && w.includes('were not run')),
    ).toBe(true);
  });
});
