/**
 * Uploads and fetched pages in a legacy encoding are read as the CLI reads them: a declared charset wins,
 * then an HTML page's <meta charset>; never U+FFFD for a windows-1251 page that says what it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { testServer, type TestServer } from './helpers.js';

/** Bytes of `text` in a single-byte WHATWG encoding (every character must exist in it). */
function encode(text: string, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding);
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  return Buffer.from([...text].map((c) => byChar.get(c) as number));
}

const UK = 'Міф: гавань отруїть затоку. Факт: агентство не виявило змін у воді.';
const RU = 'Миф: гавань отравит залив. Факт: агентство не обнаружило изменений в воде.';
const page = (charsetInMeta: string, text: string): string => `<html><head><meta charset="${charsetInMeta}"><title>Гавань</title></head><body><article><h1>Гавань</h1><p>${text}</p></article></body></html>`;

const pages: Record<string, { type: string; body: Buffer }> = {
  'http://news.example/declared': { type: 'text/html; charset=windows-1251', body: encode(`<html><body><article><p>${UK}</p><p>${UK}</p></article></body></html>`, 'windows-1251') },
  'http://news.example/meta': { type: 'text/html', body: encode(page('koi8-r', RU), 'koi8-r') },
};
const fakeFetch = (async (input: string | URL | Request) => {
  const p = pages[typeof input === 'string' ? input : input instanceof URL ? input.href : input.url];
  return p ? new Response(new Uint8Array(p.body), { status: 200, headers: { 'content-type': p.type } }) : new Response('missing', { status: 404 });
}) as typeof fetch;

let s: TestServer;
beforeAll(async () => {
  s = await testServer({ allowPrivateUrls: true, fetch: fakeFetch });
});
afterAll(() => s.close());

const textOf = (res: { json(): unknown }): string => ((res.json() as { result: AnalysisResult }).result.document.text ?? '').trim();
const warningsOf = (res: { json(): unknown }): readonly string[] => (res.json() as { result: AnalysisResult }).result.warnings;

describe('uploads', () => {
  it('read with the charset of their Content-Type', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/analyse/upload?filename=myth.txt', headers: { 'content-type': 'text/plain; charset=windows-1251' }, payload: encode(UK, 'windows-1251') });
    expect(res.statusCode).toBe(200);
    expect(textOf(res)).toBe(UK);
  });

  it('read an HTML file by its <meta charset> when the bytes are not UTF-8', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/analyse/upload?filename=page.html', headers: { 'content-type': 'text/html' }, payload: encode(page('koi8-r', RU), 'koi8-r') });
    expect(textOf(res)).toContain(RU);
  });

  it('without a charset, say how to send one instead of naming a CLI flag', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/analyse/upload?filename=myth.txt', headers: { 'content-type': 'application/octet-stream' }, payload: encode(UK, 'windows-1251') });
    const warning = warningsOf(res).find((w) => w.includes('windows-1251'));
    expect(warning).toContain('Content-Type: text/plain; charset=windows-1251');
    expect(warning).not.toContain('--encoding');
  });
});

describe('fetched pages', () => {
  it.each([
    ['http://news.example/declared', UK],
    ['http://news.example/meta', RU],
  ])('%s is read in its encoding', async (url, text) => {
    const res = await s.app.inject({ method: 'POST', url: '/api/analyse/url', payload: { url } });
    expect(res.statusCode).toBe(200);
    expect(textOf(res)).toContain(text);
  });
});
