import { describe, expect, it } from 'vitest';
import {
  clampOffset,
  clampText,
  cleanCorpusParams,
  cleanLabel,
  clusterId,
  documentId,
  MAX_OFFSET,
} from '../../web/src/route-params.js';

describe('address parameters the API would refuse are clamped or left out', () => {
  it.each([
    [null, 0],
    ['', 0],
    ['-5', 0],
    ['abc', 0],
    ['NaN', 0],
    ['-Infinity', 0],
    ['Infinity', MAX_OFFSET],
    ['7.9', 7],
    ['40', 40],
    ['99999999999', MAX_OFFSET],
  ])('offset %j → %d', (raw, offset) => {
    expect(clampOffset(raw)).toBe(offset);
  });

  it('a corpus address keeps what the API accepts and says what it changed', () => {
    const r = cleanCorpusParams(
      new URLSearchParams({
        q: 'harbour',
        offset: '-5',
        from: '2025-02-31',
        to: '2025-03-01',
        hasLedger: 'yes',
        outlet: `a${'x'.repeat(300)}`,
        unknown: 'z',
      }),
    );
    expect(r.offset).toBe(0);
    expect(Object.fromEntries(r.params)).toEqual({
      q: 'harbour',
      to: '2025-03-01',
      outlet: `a${'x'.repeat(199)}`,
    });
    expect(r.changed.join('; ')).toMatch(/offset \u2068"-5"\u2069 read as 0/u);
    expect(r.changed.join('; ')).toMatch(/from \u2068"2025-02-31"\u2069 left out/u);
    expect(r.changed.join('; ')).toMatch(/hasLedger \u2068"yes"\u2069 left out/u);
    expect(r.changed.join('; ')).toMatch(/outlet shortened to 200 characters/u);
  });

  it('typed values in the note are direction-isolated: an override in one does not reverse the rest', () => {
    const r = cleanCorpusParams(new URLSearchParams({ from: '\u202e2025' }));
    expect(r.changed).toEqual([
      'from \u2068"\u202e2025"\u2069 left out (not a date that exists, YYYY-MM-DD)',
    ]);
  });

  it('a clean address is unchanged and says nothing', () => {
    const r = cleanCorpusParams(
      new URLSearchParams({ q: 'harbour', offset: '20', hasLedger: 'true', from: '2024-02-29' }),
    );
    expect([Object.fromEntries(r.params), r.offset, r.changed]).toEqual([
      { q: 'harbour', hasLedger: 'true', from: '2024-02-29', offset: '20' },
      20,
      [],
    ]);
  });

  it('text loses NULs and is cut without leaving half a surrogate pair', () => {
    expect(clampText('a\0b', 10)).toBe('ab');
    expect(clampText('ab😀', 3)).toBe('ab');
    expect(cleanLabel('\0')).toBeUndefined();
    expect(cleanLabel('x'.repeat(400))).toHaveLength(300);
  });

  it('document and cluster ids the API could never accept are null', () => {
    expect(documentId('0123ABCD')).toBe('0123abcd');
    expect(documentId('xyz')).toBeNull();
    expect(documentId('0123abc')).toBeNull();
    expect(clusterId('12')).toBe(12);
    expect(clusterId('0')).toBeNull();
    expect(clusterId('-1')).toBeNull();
    expect(clusterId('abc')).toBeNull();
    expect(clusterId('2147483648')).toBeNull();
  });
});
