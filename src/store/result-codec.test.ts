import { describe, expect, it } from 'vitest';
import { packResultJson, unpackResultJson } from './result-codec.js';

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
