import { describe, expect, it } from 'vitest';
import { filenameOf, ticketPathOf } from '../../web/src/download.js';

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

describe('ticketPathOf', () => {
  it.each([
    ['/api/export?format=jsonl&q=harbour', '/api/export/tickets?format=jsonl&q=harbour'],
    ['/api/export', '/api/export/tickets'],
    // A document's export is fetched with the token: one document, and its refusals must be shown.
    ['/api/documents/0123456789ab/export?format=json', null],
    ['/api/exports?format=jsonl', null],
  ])('%j → %j', (path, ticket) => {
    expect(ticketPathOf(path)).toBe(ticket);
  });
});
