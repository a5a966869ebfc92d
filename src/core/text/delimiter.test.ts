import { describe, expect, it } from 'vitest';
import { headerLine, sniffDelimiter } from './delimiter.js';

describe('sniffDelimiter', () => {
  it('reads the separator the header uses most, outside quotes', () => {
    expect(sniffDelimiter('title,text,outlet')).toBe(',');
    expect(sniffDelimiter('title;text;outlet')).toBe(';');
    expect(sniffDelimiter('title\ttext\toutlet')).toBe('\t');
    // Commas inside a quoted column name do not count.
    expect(sniffDelimiter('"Titel, kurz";Text;Quelle')).toBe(';');
    expect(sniffDelimiter('"a;b";"c;d",e,f')).toBe(',');
  });

  it('falls back when the header has no separator or the fallback ties', () => {
    expect(sniffDelimiter('text')).toBe(',');
    expect(sniffDelimiter('text', '\t')).toBe('\t');
    expect(sniffDelimiter('a,b;c')).toBe(',');
    expect(sniffDelimiter('a\tb;c', '\t')).toBe('\t');
  });

  it('takes the first line, without a byte-order mark', () => {
    expect(headerLine('\uFEFFtitle;text\r\nA;B\n')).toBe('title;text');
    expect(headerLine('only')).toBe('only');
  });
});
