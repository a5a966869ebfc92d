import { describe, expect, it } from 'vitest';
import { acceptedName, filenameOf, ticketFailure, ticketPathOf, wouldBeHeld } from '../../web/src/download.js';

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

describe('exports that Chromium holds on a page that is not a secure context', () => {
  const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
  const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

  it.each([
    ['narrascope-corpus.jsonl', 'narrascope-corpus.jsonl.txt'],
    ['narrascope-corpus.claimreview.jsonld', 'narrascope-corpus.claimreview.json'],
    ['narrascope-0123456789ab.claimreview.jsonld', 'narrascope-0123456789ab.claimreview.json'],
    ['x.ndjson', 'x.ndjson.txt'],
    ['narrascope-corpus-ledger.csv', 'narrascope-corpus-ledger.csv'],
    ['narrascope-corpus.stix.json', 'narrascope-corpus.stix.json'],
  ])('%j is saved as %j', (name, saved) => {
    expect(acceptedName(name)).toBe(saved);
  });

  it('are JSON Lines and ClaimReview exports, in Chromium, over plain HTTP only', () => {
    const insecure = { secure: false, userAgent: chrome };
    expect(wouldBeHeld('/api/export?format=jsonl&q=harbour', insecure)).toBe(true);
    expect(wouldBeHeld('/api/export?format=claimreview', insecure)).toBe(true);
    expect(wouldBeHeld('/api/documents/0123456789ab/export?format=claimreview', insecure)).toBe(true);
    expect(wouldBeHeld('/api/export?format=csv&table=ledger', insecure)).toBe(false);
    expect(wouldBeHeld('/api/export?format=stix', insecure)).toBe(false);
    expect(wouldBeHeld('/api/documents/0123456789ab/export?format=json', insecure)).toBe(false);
    // HTTPS or loopback: the browser's own download, streamed to disk.
    expect(wouldBeHeld('/api/export?format=jsonl', { secure: true, userAgent: chrome })).toBe(false);
    expect(wouldBeHeld('/api/export?format=jsonl', { secure: false, userAgent: firefox })).toBe(false);
  });
});
