import { describe, expect, it } from 'vitest';
import { uploadContentType } from '../../web/src/upload.js';

describe('uploadContentType', () => {
  it.each([
    ['text/plain', '', 'text/plain'],
    ['text/html', '', 'text/html'],
    ['', '', 'application/octet-stream'],
    ['application/pdf', '', 'application/octet-stream'],
    ['text/plain', 'windows-1251', 'text/plain; charset=windows-1251'],
    ['text/html', 'koi8-r', 'text/html; charset=koi8-r'],
    ['', 'windows-1251', 'text/plain; charset=windows-1251'],
  ])('%j + %j → %j', (type, encoding, out) => {
    expect(uploadContentType(type, encoding)).toBe(out);
  });
});
