/**
 * Download tickets of the corpus export (POST /api/export/tickets, GET /api/export/tickets/{ticket}): a
 * private server's web app cannot put its token on a link, so it asks for a ticket that serves the export
 * once, for a minute, without the token. The clock is injected: expiry is tested without waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { bearer, errorOf, testServer, type TestServer } from './helpers.js';
import { withLayers } from './fixtures.js';

let s: TestServer;
let clock = Date.parse('2026-01-01T00:00:00Z');

const DOCS = [
  {
    text: 'Harbour myths\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.',
    title: 'Harbour myths',
    source: { outlet: 'Coast Herald', uri: 'https://coast.example/myths', publishedAt: '2025-03-04' },
  },
  {
    text: 'Council\n\nThe council met on Friday and approved the harbour budget.',
    title: 'Council',
    source: { outlet: 'Bay News', publishedAt: '2025-03-12' },
  },
];

beforeAll(async () => {
  s = await testServer({
    withStore: true,
    anonymousRead: false,
    analysis: withLayers,
    downloadTickets: { now: () => clock, perOwner: 3 },
  });
  for (const d of DOCS) {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/analyse',
      headers: bearer(s.analyst),
      payload: { ...d, store: true },
    });
    expect(res.statusCode).toBe(200);
  }
}, 60_000);
afterAll(() => s.close());

async function ticket(query: string, token = s.viewer): Promise<LightMyRequestResponse> {
  return s.app.inject({ method: 'POST', url: `/api/export/tickets?${query}`, headers: bearer(token) });
}

function urlOf(res: LightMyRequestResponse): string {
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { url: string }).url;
}

describe('download tickets of the corpus export', () => {
  it('serve the export of GET /api/export, byte for byte, once, without a token', async () => {
    for (const query of [
      'format=jsonl',
      'format=csv&table=findings&q=harbour',
      'format=claimreview&hasLedger=true',
      'format=stix',
    ]) {
      const issued = await ticket(query);
      const url = urlOf(issued);
      expect(url).toMatch(/^\/api\/export\/tickets\/[A-Za-z0-9_-]{43}$/u);
      expect(issued.headers['cache-control']).toBe('no-store');
      expect((issued.json() as { expiresAt: string }).expiresAt).toBe(new Date(clock + 60_000).toISOString());
      const direct = await s.app.inject({
        method: 'GET',
        url: `/api/export?${query}`,
        headers: bearer(s.viewer),
      });
      expect(direct.statusCode).toBe(200);
      const download = await s.app.inject({ method: 'GET', url });
      expect(download.statusCode, download.body).toBe(200);
      // The same bytes (STIX too: the clock that dates it is the injected one) and the same download headers.
      expect(download.rawPayload.equals(direct.rawPayload), query).toBe(true);
      for (const h of [
        'content-type',
        'content-disposition',
        'x-narrascope-matched',
        'x-narrascope-documents',
      ])
        expect(download.headers[h], h).toBe(direct.headers[h]);
      expect(download.headers['content-disposition']).toMatch(
        /^attachment; filename="narrascope-corpus[-.a-z]+"$/u,
      );
      // Neither kept by a cache nor sent on as a Referer.
      expect(download.headers['cache-control']).toBe('no-store');
      expect(download.headers['referrer-policy']).toBe('no-referrer');
      const again = await s.app.inject({ method: 'GET', url });
      expect([again.statusCode, errorOf(again).code]).toEqual([410, 'ticket-used']);
      expect(again.headers['cache-control']).toBe('no-store');
    }
  });

  it("check the export's parameters when asked, with the errors of GET /api/export", async () => {
    for (const [query, status, code] of [
      ['format=pdf', 400, 'invalid-request'],
      ['limit=0', 400, 'invalid-request'],
      ['from=2025-02-31', 400, 'invalid-request'],
      ['nope=1', 400, 'invalid-request'],
      ['outlet=Nobody', 404, 'no-match'],
    ] as const) {
      const direct = await s.app.inject({
        method: 'GET',
        url: `/api/export?${query}`,
        headers: bearer(s.viewer),
      });
      const res = await ticket(query);
      expect([res.statusCode, errorOf(res).code], query).toEqual([status, code]);
      expect(errorOf(res), query).toEqual(errorOf(direct));
    }
  });

  it('expire after 60 s (410), and are forgotten a while later (404)', async () => {
    const url = urlOf(await ticket('format=jsonl'));
    clock += 60_000;
    const expired = await s.app.inject({ method: 'GET', url });
    expect([expired.statusCode, errorOf(expired).code]).toEqual([410, 'ticket-expired']);
    clock += 60_000;
    const forgotten = await s.app.inject({ method: 'GET', url });
    expect([forgotten.statusCode, errorOf(forgotten).code]).toEqual([404, 'unknown-ticket']);
    // Just inside its minute, a ticket works.
    const fresh = urlOf(await ticket('format=jsonl'));
    clock += 59_999;
    expect((await s.app.inject({ method: 'GET', url: fresh })).statusCode).toBe(200);
  });

  it('refuse unknown and malformed tickets', async () => {
    const unknown = await s.app.inject({ method: 'GET', url: `/api/export/tickets/${'A'.repeat(43)}` });
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'unknown-ticket']);
    expect(errorOf(unknown).hint).toContain('POST /api/export/tickets');
    for (const bad of ['short', `${'A'.repeat(43)}.json`, '..%2F..%2Fetc%2Fpasswd']) {
      const res = await s.app.inject({ method: 'GET', url: `/api/export/tickets/${bad}` });
      expect([res.statusCode, errorOf(res).code], bad).toEqual([400, 'invalid-request']);
    }
  });

  it('need the access of GET /api/export to be asked for', async () => {
    const anonymous = await s.app.inject({ method: 'POST', url: '/api/export/tickets?format=jsonl' });
    expect([anonymous.statusCode, errorOf(anonymous).code]).toEqual([401, 'unauthorized']);
    const forged = await s.app.inject({
      method: 'POST',
      url: '/api/export/tickets?format=jsonl',
      headers: bearer(`nsc_${'x'.repeat(43)}`),
    });
    expect([forged.statusCode, errorOf(forged).code]).toEqual([401, 'invalid-token']);
    // The export's own route takes no token either way, but a GET is no way to ask for a ticket.
    const get = await s.app.inject({ method: 'GET', url: '/api/export/tickets', headers: bearer(s.viewer) });
    expect([get.statusCode, get.headers.allow]).toEqual([405, 'POST']);
  });

  it('die with the token that asked for them', async () => {
    const tokens = s.tokens;
    const { createToken } = await import('../../src/server/auth/tokens.js');
    const { record, secret } = await createToken(tokens, 'short-lived viewer', 'viewer');
    const url = urlOf(await ticket('format=jsonl', secret));
    await tokens.revoke(record.id, new Date(clock).toISOString());
    // A HEAD (the web app's check before the browser downloads) answers as the download would.
    const head = await s.app.inject({ method: 'HEAD', url });
    expect(head.statusCode).toBe(401);
    const res = await s.app.inject({ method: 'GET', url });
    expect([res.statusCode, errorOf(res).code]).toEqual([401, 'revoked-token']);
  });

  it('are not spent by a HEAD request', async () => {
    const url = urlOf(await ticket('format=csv'));
    const head = await s.app.inject({ method: 'HEAD', url });
    expect([head.statusCode, head.headers['content-disposition'], head.body]).toEqual([
      200,
      'attachment; filename="narrascope-corpus-ledger.csv"',
      '',
    ]);
    expect((await s.app.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect((await s.app.inject({ method: 'HEAD', url })).statusCode).toBe(410);
  });

  it('are capped per token: 429 with Retry-After until the oldest is used or expires', async () => {
    clock += 3600_000;
    const urls = [];
    for (let i = 0; i < 3; i++) urls.push(urlOf(await ticket('format=jsonl', s.admin)));
    const refused = await ticket('format=jsonl', s.admin);
    expect([refused.statusCode, errorOf(refused).code, refused.headers['retry-after']]).toEqual([
      429,
      'too-many-tickets',
      '60',
    ]);
    // Another token has its own allowance.
    urlOf(await ticket('format=jsonl', s.analyst));
    // A used ticket frees its place.
    expect((await s.app.inject({ method: 'GET', url: urls[0] as string })).statusCode).toBe(200);
    urlOf(await ticket('format=jsonl', s.admin));
  });

  it('select the documents once, when asked for: the download holds what the answer counted', async () => {
    clock += 3600_000;
    const issued = await ticket('format=jsonl&q=myths');
    const { url, matched, documents } = issued.json() as { url: string; matched: number; documents: number };
    expect([matched, documents]).toEqual([1, 1]);
    // A document stored in between is not in the download: it was selected (and searched for) at issue.
    const stored = await s.app.inject({
      method: 'POST',
      url: '/api/analyse',
      headers: bearer(s.analyst),
      payload: {
        text: 'More myths\n\nThe harbour myths were discussed on Monday.',
        title: 'More myths',
        store: true,
      },
    });
    expect(stored.statusCode).toBe(200);
    const download = await s.app.inject({ method: 'GET', url });
    expect(download.statusCode).toBe(200);
    expect([download.headers['x-narrascope-matched'], download.headers['x-narrascope-documents']]).toEqual([
      '1',
      '1',
    ]);
    const titles = download.body
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { document: { title: string } }).document.title);
    expect(titles).toEqual(['Harbour myths']);
    const direct = await s.app.inject({
      method: 'GET',
      url: '/api/export?format=jsonl&q=myths',
      headers: bearer(s.viewer),
    });
    expect(direct.headers['x-narrascope-documents']).toBe('2');
    await s.app.inject({
      method: 'DELETE',
      url: `/api/documents/${(stored.json() as { stored: { id: string } }).stored.id}`,
      headers: bearer(s.admin),
    });
  });

  it('are random: no two alike', async () => {
    clock += 3600_000;
    const seen = new Set<string>();
    for (const token of [s.admin, s.analyst, s.viewer])
      for (let i = 0; i < 3; i++) seen.add(urlOf(await ticket('format=jsonl', token)));
    expect(seen.size).toBe(9);
  });
});
