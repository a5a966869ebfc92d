import { describe, expect, it } from 'vitest';
import { jsonBytes, packResultJson, unpackResultJson } from './result-codec.js';

describe('result codec', () => {
  it('gives back exactly the JSON it packed, non-Latin text and escapes included', () => {
    const json = JSON.stringify({ findings: [{ span: { text: 'Миф: «мост» строили для танков — 谣言 ✓', start: 0, end: 37 }, message: 'line\nbreak "quoted"' }], n: 1.25e-7 });
    expect(unpackResultJson(packResultJson(json))).toBe(json);
    expect(unpackResultJson(packResultJson(''))).toBe('');
  });

  it('compresses the repetitive JSON of a result several times over', () => {
    const finding = (i: number): object => ({ id: `f${i}`, detector: 'technique/loaded-language', detectorVersion: '1.0.0', messageId: 'loaded', span: { start: i * 40, end: i * 40 + 12, text: `word number ${i}` }, confidence: 0.5 + (i % 7) / 20, severity: 'info', evidence: [{ kind: 'lexicon', label: `cue-${i % 11}` }], taxonomy: ['semeval2023:Loaded_Language'] });
    const json = JSON.stringify({ findings: Array.from({ length: 300 }, (_, i) => finding(i)) });
    const packed = packResultJson(json);
    expect(packed.byteLength).toBeLessThan(json.length / 4);
  });

  it('rejects bytes that are not a packed result instead of returning garbage', () => {
    expect(() => unpackResultJson(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow();
  });
});

describe('jsonBytes', () => {
  it('gives the UTF-8 bytes of JSON.stringify, long arrays, skipped fields and non-Latin text included', () => {
    const long = Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? undefined : i % 7 === 0 ? () => 1 : { i, t: `≥ ${i} «q» 谣言 \u{1f600}`, n: i / 3 }));
    const cases: object[] = [
      {},
      { a: undefined },
      { a: undefined, b: 1 },
      { a: 1, b: undefined },
      { long },
      { long, after: 'x' },
      { before: null, long, f: () => 1, short: [1, undefined, 'z'], nested: { d: new Date(0), u: undefined } },
      { text: 'line\nbreak "quoted" \u2028 \ud800 ✓', n: 1.25e-7, neg: -0, nan: NaN, big: 'x'.repeat(300_000) },
    ];
    for (const c of cases) expect(Buffer.from(jsonBytes(c)).equals(Buffer.from(JSON.stringify(c)))).toBe(true);
  });

  it('packs to the same bytes as the JSON string', () => {
    const v = { findings: Array.from({ length: 50 }, (_, i) => ({ i, label: `span filter 0.${i} (keeps ≥ 0.2)` })), meta: { tool: 'x' } };
    expect(Buffer.from(packResultJson(jsonBytes(v))).equals(Buffer.from(packResultJson(JSON.stringify(v))))).toBe(true);
  });
});
