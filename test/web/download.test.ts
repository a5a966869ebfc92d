import { describe, expect, it } from 'vitest';
import { filenameOf, ticketFailure, ticketPathOf } from '../../web/src/download.js';

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

describe('ticketFailure', () => {
  it.each([
    [401, 'revoked-token', /token .* no longer valid/u],
    [404, 'unknown-ticket', /no longer known to the server/u],
    [410, 'ticket-used', /expired or was already used/u],
    [429, 'rate-limited', /too many requests/u],
    [503, 'busy', /busy/u],
    [500, 'download-failed', /HTTP 500/u],
  ])('HTTP %i → %s, with a message and a hint', (status, code, message) => {
    const f = ticketFailure(status);
    expect([f.status, f.code]).toEqual([status, code]);
    expect(f.message).toMatch(message);
    expect(f.hint).toBeTruthy();
  });
});
