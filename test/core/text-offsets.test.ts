import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../src/core/text/code-points.js';
import { createDocument } from '../../src/core/text/document.js';
import { LineIndex } from '../../src/core/text/line-index.js';
import { normaliseText } from '../../src/core/text/normalise.js';
import { SourceMap } from '../../src/core/text/source-map.js';

// Fixtures with everything that makes offsets go wrong: astral emoji (two UTF-16 units), a ZWJ sequence,
// combining marks, CJK (BMP and astral), right-to-left scripts, a BOM and CRLF line ends.
const EMOJI = 'Fake news 😡 again! 👩‍👩‍👧 family.';
const COMBINING = 'Cafe\u0301 re\u0301sume\u0301 — naïve';
const CJK = '假新闻说𠀋港口是军事基地。';
const RTL = 'الأخبار الكاذبة: הטענה שגויה.';

/** Code point offsets computed independently, the way Python counts them. */
function pythonIndexOf(text: string, needle: string): number {
  return [...text.slice(0, text.indexOf(needle))].length;
}

describe('CodePointIndex', () => {
  it.each([
    ['ascii', 'Myth: the port is closed.', 'port'],
    ['emoji before', EMOJI, 'again'],
    ['after ZWJ family', EMOJI, 'family'],
    ['combining marks', COMBINING, 'naïve'],
    ['astral CJK', CJK, '港口'],
    ['rtl', RTL, 'הטענה'],
  ])('%s: UTF-16 ↔ code points round-trips', (_name, text, needle) => {
    const idx = new CodePointIndex(text);
    const utf16 = text.indexOf(needle);
    const cp = pythonIndexOf(text, needle);
    expect(idx.toCodePoint(utf16)).toBe(cp);
    expect(idx.toUtf16(cp)).toBe(utf16);
    expect(idx.toCodePoint(text.length)).toBe([...text].length);
    expect(idx.toUtf16([...text].length)).toBe(text.length);
  });

  it('maps an offset inside a surrogate pair to the start of the pair', () => {
    const text = 'a😡b';
    const idx = new CodePointIndex(text);
    expect(idx.toCodePoint(1)).toBe(1);
    expect(idx.toCodePoint(2)).toBe(1);
    expect(idx.toCodePoint(3)).toBe(2);
  });

  it('round-trips every code point boundary of a mixed text', () => {
    const text = `${EMOJI}\n${CJK}\n${RTL}\n${COMBINING}`;
    const idx = new CodePointIndex(text);
    let utf16 = 0;
    let cp = 0;
    for (const ch of text) {
      expect(idx.toUtf16(cp)).toBe(utf16);
      expect(idx.toCodePoint(utf16)).toBe(cp);
      utf16 += ch.length;
      cp += 1;
    }
  });
});

describe('normaliseText and its source map', () => {
  it('drops a BOM, turns CRLF and CR into LF, removes controls, keeps offsets mappable', () => {
    const input = '\ufeffLie: one.\r\nTruth: two.\rEnd\u0007 here\u00a0now.';
    const { text, sourceMap } = normaliseText(input);
    expect(text).toBe('Lie: one.\nTruth: two.\nEnd here now.');
    for (const word of ['Lie', 'one', 'Truth', 'two', 'End', 'here', 'now']) {
      const at = text.indexOf(word);
      const orig = sourceMap.toOriginal(at);
      expect(input.slice(orig, orig + word.length)).toBe(word);
    }
    // The newline that replaced "\r\n" maps to the "\r".
    expect(input[sourceMap.toOriginal(text.indexOf('\n'))]).toBe('\r');
  });

  it('leaves combining marks, emoji, CJK and RTL text untouched', () => {
    const input = [EMOJI, COMBINING, CJK, RTL].join('\n');
    const { text, sourceMap } = normaliseText(input);
    expect(text).toBe(input);
    expect(sourceMap.toOriginal(text.length - 3)).toBe(input.length - 3);
  });
});

describe('SourceMap.compose', () => {
  it('keeps the jumps of the outer map (reader map) under an identity normalisation', () => {
    // A reader built "Hello world" from "<p>Hello</p> <b>world</b>": two pieces with their offsets.
    const outer = new SourceMap([
      { normalised: 0, original: 3 },
      { normalised: 6, original: 16 },
    ]);
    const composed = normaliseText('Hello world').sourceMap.compose(outer);
    expect(composed.toOriginal(0)).toBe(3);
    expect(composed.toOriginal(6)).toBe(16);
    expect(composed.toOriginal(8)).toBe(18);
  });

  it('combines a deletion in the inner map with jumps in the outer map', () => {
    // Intermediate text "ab\r\ncd" (a reader's output) whose "cd" came from offset 100 of the original.
    const outer = new SourceMap([
      { normalised: 0, original: 10 },
      { normalised: 4, original: 100 },
    ]);
    const doc = createDocument({ text: 'ab\r\ncd', sourceMap: outer });
    expect(doc.text).toBe('ab\ncd');
    expect(doc.sourceMap.toOriginal(0)).toBe(10);
    expect(doc.sourceMap.toOriginal(doc.text.indexOf('c'))).toBe(100);
    expect(doc.sourceMap.toOriginal(doc.text.indexOf('d'))).toBe(101);
  });
});

describe('LineIndex', () => {
  it.each([
    [0, 1, 1],
    [4, 1, 5],
    [5, 2, 1],
    [7, 3, 1],
    [8, 3, 2],
  ])('offset %i → line %i, column %i', (offset, line, column) => {
    const index = new LineIndex('abcd\nx\nyz');
    expect(index.position(offset)).toEqual({ line, column });
  });

  it('counts columns in UTF-16 units after an emoji and knows line starts', () => {
    const index = new LineIndex('😡 x\nsecond');
    expect(index.position(3)).toEqual({ line: 1, column: 4 });
    expect(index.lineCount).toBe(2);
    expect(index.lineStart(2)).toBe(5);
    expect(index.lineStart(3)).toBe(-1);
  });
});
