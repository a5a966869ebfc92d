import { describe, expect, it } from 'vitest';
import { binaryReason, decodeBytes, decodeDeclared, likelyLegacyEncoding } from '../../src/ingest/decode.js';
import { InputError } from '../../src/ingest/types.js';

const utf16 = (text: string, endian: 'le' | 'be'): Uint8Array => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const [a, b] = endian === 'le' ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff];
    out[2 + 2 * i] = a;
    out[3 + 2 * i] = b;
  }
  return out;
};

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', new TextEncoder().encode('Ложь: 😡 факт'), 'Ложь: 😡 факт', 'utf-8'],
    [
      'UTF-8 with BOM',
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Myth')]),
      'Myth',
      'utf-8',
    ],
    ['UTF-16 LE with BOM', utf16('Міф: 😡', 'le'), 'Міф: 😡', 'utf-16le'],
    ['UTF-16 BE with BOM', utf16('Fact: 事实', 'be'), 'Fact: 事实', 'utf-16be'],
  ])('%s', (_name, bytes, text, encoding) => {
    const out = decodeBytes(bytes);
    expect(out.text).toBe(text);
    expect(out.encoding).toBe(encoding);
    expect(out.warnings).toEqual([]);
  });

  it('replaces invalid UTF-8 and warns with the count', () => {
    // "caf\xe9 na\xefve" is Latin-1, two invalid bytes; "\xe2\x82" is a truncated 3-byte sequence.
    const bytes = new Uint8Array([
      0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65, 0x20, 0xe2, 0x82,
    ]);
    const out = decodeBytes(bytes, 'old.txt');
    expect(out.text.startsWith('caf\ufffd')).toBe(true);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatch(/^old\.txt: 3 invalid UTF-8 byte sequences were replaced/u);
    expect(out.warnings[0]).toContain('run again with --encoding windows-1252');
  });

  it('keeps a literal U+FFFD in valid UTF-8 without a warning', () => {
    expect(decodeBytes(new TextEncoder().encode('a \ufffd b')).warnings).toEqual([]);
  });

  it.each([
    ['a NUL byte', new Uint8Array([0x41, 0x42, 0x43, 0x44, 0x00, 0x00]), /NUL byte at offset 4/u],
    [
      'many control bytes',
      new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))),
      /control characters/u,
    ],
  ])('refuses binary content with %s', (_name, bytes, reason) => {
    expect(() => decodeBytes(bytes, 'x.bin')).toThrow(InputError);
    expect(() => decodeBytes(bytes, 'x.bin')).toThrow(/x\.bin looks like a binary file/u);
    expect(binaryReason(bytes)).toMatch(reason);
  });

  it('accepts tabs, form feeds and escape sequences in text', () => {
    expect(binaryReason(new TextEncoder().encode('a\tb\f\u001b[1mc\r\n'))).toBeNull();
  });
});

describe('legacy encodings', () => {
  // "Ложь: это правда" in windows-1251.
  const cp1251 = new Uint8Array([
    0xcb, 0xee, 0xe6, 0xfc, 0x3a, 0x20, 0xfd, 0xf2, 0xee, 0x20, 0xef, 0xf0, 0xe0, 0xe2, 0xe4, 0xe0,
  ]);

  it('suggests windows-1251 for Cyrillic bytes and windows-1252 for Western ones', () => {
    expect(likelyLegacyEncoding(cp1251)).toBe('windows-1251');
    expect(
      likelyLegacyEncoding(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65])),
    ).toBe('windows-1252');
    expect(decodeBytes(cp1251, 'ru.txt').warnings[0]).toContain('--encoding windows-1251');
  });

  it('decodes with the encoding the user names', () => {
    expect(decodeBytes(cp1251, 'ru.txt', { encoding: 'windows-1251' })).toEqual({
      text: 'Ложь: это правда',
      encoding: 'windows-1251',
      warnings: [],
    });
    expect(() => decodeBytes(cp1251, 'ru.txt', { encoding: 'klingon' })).toThrow(
      /unknown encoding "klingon"/u,
    );
    expect(() => decodeBytes(new Uint8Array([0x41, 0, 0x42]), 'x', { encoding: 'windows-1251' })).toThrow(
      /binary/u,
    );
  });
});

describe('decodeDeclared', () => {
  it('reads a page whose ASCII <meta> or XML declaration says UTF-16 as UTF-8 (it became CJK noise)', () => {
    for (const head of [
      '<html><head><meta charset="utf-16">',
      '<?xml version="1.0" encoding="UTF-16"?><rss>',
    ]) {
      const bytes = new Uint8Array([
        ...new TextEncoder().encode(`${head}Caf`),
        0xe9,
        ...new TextEncoder().encode(' owners'),
      ]);
      const decoded = decodeDeclared(bytes, 'p.html', undefined);
      expect([decoded.encoding, decoded.text]).toEqual(['utf-8', `${head}Caf\ufffd owners`]);
      expect(decoded.warnings[0]).toMatch(/1 invalid UTF-8 byte sequence was replaced/u);
    }
  });
});

describe('an unknown declared charset', () => {
  // It was read as UTF-8 without a word, so a page of U+FFFD (or a plausible text) came with no reason.
  it.each([
    ['a Content-Type charset', 'x-unknown', new TextEncoder().encode('Myth: the dam will burst.')],
    [
      'a <meta charset>',
      undefined,
      new Uint8Array([...new TextEncoder().encode('<meta charset="x-unknown"><p>Caf'), 0xe9]),
    ],
  ])('%s is named in a warning that says UTF-8 was used', (_name, declared, bytes) => {
    const decoded = decodeDeclared(bytes, 'p.html', declared);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.warnings[0]).toBe(
      'p.html: the declared charset "x-unknown" is not an encoding Narrascope knows; the text was read as UTF-8 instead',
    );
  });

  it('a known charset and a valid UTF-8 page give no such warning', () => {
    expect(
      decodeDeclared(new TextEncoder().encode('<meta charset="x-unknown"><p>Myth'), 'p.html', undefined)
        .warnings,
    ).toEqual([]);
    expect(decodeDeclared(new Uint8Array([0xcb, 0xee, 0xe6, 0xfc]), 'p.txt', 'windows-1251')).toMatchObject({
      text: 'Ложь',
      warnings: [],
    });
  });
});
