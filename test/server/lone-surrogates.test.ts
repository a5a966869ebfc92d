/**
 * A JSON body may hold lone UTF-16 surrogates ("\ud800"). They are made U+FFFD (one unit for one) before
 * anything is analysed or stored, so both stores keep the very text that was analysed: SQLite used to keep
 * three U+FFFD for one (spans after it pointed two units off), PostgreSQL one U+FFFD (no longer the quotes
 * of the findings, so a dismissal of such a finding was refused).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestDb } from '../store/dialects.js';
import { wellFormedBody } from '../../src/server/well-formed-body.js';
import { bearer, testServer, type TestServer } from './helpers.js';

// Raw JSON: JSON.stringify would write the lone surrogate as the escape too, but say so plainly.
const BODY =
  '{"text":"Myth: the \\ud800 harbour will poison the bay.\\nFact: the agency found no change.","title":"T \\udc00 x","source":{"outlet":"Out \\ud83d"},"store":true}';

interface Doc {
  document: { id: string; title: string; outlet: string; length: number };
  result: {
    document: { text: string };
    findings: { detector: string; messageId: string; span: { start: number; end: number; text: string } }[];
  };
}

describe.each(await dialects())('lone surrogates on %s', (_name, makeDb) => {
  let db: TestDb;
  let s: TestServer;
  beforeAll(async () => {
    db = makeDb();
    s = await testServer({ storeUrl: db.url });
  });
  afterAll(async () => {
    await s?.close();
    await db?.cleanup();
  });

  it('stores the text that was analysed, with spans that still fit it', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/analyse',
      headers: { ...bearer(s.analyst), 'content-type': 'application/json' },
      payload: BODY,
    });
    expect(res.statusCode).toBe(200);
    const id = (res.json() as { stored: { id: string } }).stored.id;
    const doc = (await s.app.inject({ method: 'GET', url: `/api/documents/${id}` })).json() as Doc;
    const text = 'Myth: the \ufffd harbour will poison the bay.\nFact: the agency found no change.';
    expect([doc.document.title, doc.document.outlet, doc.document.length]).toEqual([
      'T \ufffd x',
      'Out \ufffd',
      text.length,
    ]);
    expect(doc.result.document.text).toBe(text);
    for (const f of doc.result.findings) expect(text.slice(f.span.start, f.span.end)).toBe(f.span.text);
    // A finding whose quote holds the character can be dismissed: its quote is the text at its span.
    const f = doc.result.findings.find((x) => x.span.text.includes('\ufffd'));
    expect(f).toBeDefined();
    if (!f) return;
    const dismissed = await s.app.inject({
      method: 'POST',
      url: `/api/documents/${id}/dismissals`,
      headers: bearer(s.analyst),
      payload: {
        detector: f.detector,
        messageId: f.messageId,
        start: f.span.start,
        end: f.span.end,
        quote: f.span.text,
        reason: 'not a claim',
      },
    });
    expect(dismissed.statusCode).toBe(201);
  });

  it('lists a token under the name its creation answered with', async () => {
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { ...bearer(s.admin), 'content-type': 'application/json' },
      payload: '{"name":"Ana \\ud800 desk","role":"viewer"}',
    });
    expect(created.statusCode).toBe(201);
    const name = (created.json() as { token: { name: string } }).token.name;
    expect(name).toBe('Ana \ufffd desk');
    const list = (
      await s.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer(s.admin) })
    ).json() as { tokens: { name: string }[] };
    expect(list.tokens.map((t) => t.name)).toContain(name);
  });
});

it('makes every string of a body well-formed, at any depth, keys too', () => {
  let deep: unknown = '\udfff';
  for (let i = 0; i < 100_000; i++) deep = [deep];
  expect(() => wellFormedBody(deep)).not.toThrow();
  let inner: unknown = deep;
  for (let i = 0; i < 100_000; i++) inner = (inner as unknown[])[0];
  expect(inner).toBe('\ufffd');
  expect(wellFormedBody({ 'k\ud800': ['a\udc00b', { c: '\ud83d\ude00 ok' }], n: 1, z: null })).toEqual({
    'k\ufffd': ['a\ufffdb', { c: '\ud83d\ude00 ok' }],
    n: 1,
    z: null,
  });
});
