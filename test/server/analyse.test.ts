import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { bearer, errorOf, MYTH_FACT, testServer, type TestServer } from './helpers.js';

let s: TestServer;
const pages: Record<string, { status: number; type: string; body: string }> = {
  'http://news.example/article': { status: 200, type: 'text/html; charset=utf-8', body: '<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1><p>Myth: the harbour will poison the bay.</p><p>Fact: the agency found no change in the water.</p></article></body></html>' },
  'http://news.example/image': { status: 200, type: 'image/png', body: 'PNG' },
};
const fakeFetch = (async (input: string | URL | Request) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const page = pages[url];
  if (!page) return new Response('missing', { status: 404, statusText: 'Not Found' });
  return new Response(page.body, { status: page.status, headers: { 'content-type': page.type } });
}) as typeof fetch;

beforeAll(async () => {
  s = await testServer({ allowPrivateUrls: true, fetch: fakeFetch });
});
afterAll(() => s.close());

describe('POST /api/analyse', () => {
  it('returns the analysis result with the normalised text', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/analyse', payload: { text: MYTH_FACT, title: 'Harbour' } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { result: AnalysisResult; stored: null };
    expect(body.stored).toBeNull();
    expect(body.result.document.text).toBe(MYTH_FACT.trimEnd() + '\n');
    expect(body.result.document.title).toBe('Harbour');
    expect(body.result.document.source.kind).toBe('api');
    for (const f of body.result.findings) expect(body.result.document.text?.slice(f.span.start, f.span.end)).toBe(f.span.text);
  });

  it.each([
    ['preset', { text: 'Some text here.', preset: 'fast' }, 200],
    ['language', { text: 'Some text here.', language: 'en' }, 200],
    ['bad preset', { text: 'x', preset: 'everything' }, 400],
    ['bad language', { text: 'x', language: 'english!' }, 400],
    ['confidence out of range', { text: 'x', minConfidence: 2 }, 400],
    ['empty text', { text: '' }, 400],
    ['blank text', { text: '   \n ' }, 422],
    // Only invisible characters (a pasted zero-width space, a BOM, soft hyphens): nothing to analyse, as in the CLI.
    ['invisible text', { text: '\u200b \ufeff\u00ad\u2060\n\u200e' }, 422],
    ['text not a string', { text: 42 }, 400],
    ['unknown source field', { text: 'x', source: { outlet: 'A', secret: 1 } }, 400],
  ])('%s → %i', async (_name, payload, status) => {
    const res = await s.app.inject({ method: 'POST', url: '/api/analyse', payload });
    expect(res.statusCode).toBe(status);
    if (status >= 400) expect(errorOf(res).code).toMatch(/^[a-z-]+$/u);
    if (status === 422) expect(errorOf(res).code).toBe('empty-input');
  });

  it('refuses store:true without an analyst token, and without a store even with one', async () => {
    const anon = await s.app.inject({ method: 'POST', url: '/api/analyse', payload: { text: 'x y z', store: true } });
    expect([anon.statusCode, errorOf(anon).code]).toEqual([401, 'unauthorized']);
    const viewer = await s.app.inject({ method: 'POST', url: '/api/analyse', headers: bearer(s.viewer), payload: { text: 'x y z', store: true } });
    expect([viewer.statusCode, errorOf(viewer).code]).toEqual([403, 'forbidden']);
    const analyst = await s.app.inject({ method: 'POST', url: '/api/analyse', headers: bearer(s.analyst), payload: { text: 'x y z', store: true } });
    expect([analyst.statusCode, errorOf(analyst).code]).toEqual([503, 'no-store']);
  });

  it('refuses store:true before fetching the page or reading the file', async () => {
    const fetched: string[] = [];
    const counting = (async (input: string | URL | Request, init?: RequestInit) => {
      fetched.push(String(input));
      return fakeFetch(input, init);
    }) as typeof fetch;
    const strict = await testServer({ allowPrivateUrls: true, fetch: counting });
    try {
      const url = await strict.app.inject({ method: 'POST', url: '/api/analyse/url', payload: { url: 'http://news.example/article', store: true } });
      expect([url.statusCode, errorOf(url).code]).toEqual([401, 'unauthorized']);
      const viewer = await strict.app.inject({ method: 'POST', url: '/api/analyse/url', headers: bearer(strict.viewer), payload: { url: 'http://news.example/article', store: true } });
      expect([viewer.statusCode, errorOf(viewer).code]).toEqual([403, 'forbidden']);
      expect(fetched).toEqual([]);
      // A binary upload would be a 422; the missing role is said first.
      const upload = await strict.app.inject({ method: 'POST', url: '/api/analyse/upload?store=true', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from([0, 1, 2, 0]) });
      expect([upload.statusCode, errorOf(upload).code]).toEqual([401, 'unauthorized']);
    } finally {
      await strict.close();
    }
  });
});

describe('POST /api/analyse/upload', () => {
  it.each([
    ['text/plain', 'notes.txt', 'Myth: the bay is poisoned.\n\nFact: it is not.', 'text'],
    ['text/html', 'page.html', '<html><body><p>Myth: the bay is poisoned.</p><p>Fact: it is not.</p></body></html>', 'html'],
    ['application/octet-stream', 'notes.md', '# Notes\n\nMyth: the bay is poisoned.', 'markdown'],
  ])('reads %s through the ingest readers', async (type, filename, body, kind) => {
    const res = await s.app.inject({ method: 'POST', url: `/api/analyse/upload?filename=${filename}`, headers: { 'content-type': type }, payload: body });
    expect(res.statusCode).toBe(200);
    const r = (res.json() as { result: AnalysisResult }).result;
    expect(r.document.source.kind).toBe(kind);
    expect(r.document.text).toContain('Myth: the bay is poisoned.');
    expect(r.document.text).not.toContain('<p>');
  });

  it('refuses a binary file with 422', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/analyse/upload?filename=x.bin', headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from([0, 1, 2, 0, 0, 255, 0, 3]) });
    expect([res.statusCode, errorOf(res).code]).toEqual([422, 'input-binary']);
  });

  it('refuses a file of invisible characters only with 422 empty-input', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/analyse/upload?filename=x.txt', headers: { 'content-type': 'text/plain' }, payload: '\ufeff\u200b \u200b\n' });
    expect([res.statusCode, errorOf(res).code]).toEqual([422, 'empty-input']);
  });

  it('refuses a file name with a path', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/analyse/upload?filename=..%2F..%2Fetc%2Fpasswd', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect([res.statusCode, errorOf(res).code]).toEqual([400, 'invalid-request']);
  });
});

describe('POST /api/analyse/url', () => {
  it('fetches, extracts and analyses a page', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/analyse/url', payload: { url: 'http://news.example/article' } });
    expect(res.statusCode).toBe(200);
    const r = (res.json() as { result: AnalysisResult }).result;
    expect(r.document.source.uri).toBe('http://news.example/article');
    expect(r.document.text).toContain('Myth: the harbour will poison the bay.');
  });

  it.each([
    ['http://news.example/missing', 502, 'fetch-failed'],
    ['http://news.example/image', 502, 'fetch-failed'],
    ['ftp://news.example/file', 400, 'invalid-request'],
    ['not a url', 400, 'invalid-request'],
  ])('%s → %i %s', async (url, status, code) => {
    const res = await s.app.inject({ method: 'POST', url: '/api/analyse/url', payload: { url } });
    expect([res.statusCode, errorOf(res).code]).toEqual([status, code]);
  });

  it('refuses loopback and private addresses unless allowed', async () => {
    const strict = await testServer({ fetch: fakeFetch });
    try {
      // The URL parser writes [::ffff:169.254.169.254] as [::ffff:a9fe:a9fe]: still the metadata service.
      const urls = ['http://127.0.0.1:8400/api/health', 'http://10.0.0.1/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:169.254.169.254]/latest/meta-data', 'http://[::ffff:127.0.0.1]:8400/', 'http://[::127.0.0.1]/', 'http://[64:ff9b::10.0.0.1]/', 'http://[febf::1]/'];
      for (const url of urls) {
        const res = await strict.app.inject({ method: 'POST', url: '/api/analyse/url', payload: { url } });
        expect([url, res.statusCode, errorOf(res).code]).toEqual([url, 422, 'url-not-allowed']);
      }
    } finally {
      await strict.close();
    }
  });
});
