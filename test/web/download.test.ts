import { describe, expect, it } from 'vitest';
import { filenameOf } from '../../web/src/download.js';

describe('filenameOf', () => {
  it.each([
    ['attachment; filename="narrascope-0123456789ab.json"', 'narrascope-0123456789ab.json'],
    ['attachment; filename="narrascope-corpus-ledger.csv"', 'narrascope-corpus-ledger.csv'],
    ['attachment; filename="../../etc/passwd"', 'fallback'],
    ['attachment', 'fallback'],
    [null, 'fallback'],
  ])('%j → %j', (header, name) => {
    expect(filenameOf(header, 'fallback')).toBe(name);
  });
});
