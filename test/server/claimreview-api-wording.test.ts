/**
 * The 422 of a document ClaimReview export named the CLI's option ("no http(s) address for the document;
 * pass --url") where the API's parameter is `url=`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearer, errorOf, MYTH_FACT, testServer, type TestServer } from './helpers.js';

let s: TestServer;
beforeAll(async () => {
  s = await testServer({ withStore: true });
});
afterAll(async () => {
  await s.close();
});

it('names the url= parameter, not the CLI option', async () => {
  const stored = await s.app.inject({ method: 'POST', url: '/api/analyse', headers: bearer(s.analyst), payload: { text: MYTH_FACT, store: true } });
  const { id } = (stored.json() as { stored: { id: string } }).stored;
  const res = await s.app.inject({ method: 'GET', url: `/api/documents/${id}/export?format=claimreview` });
  expect([res.statusCode, errorOf(res).code]).toEqual([422, 'nothing-to-export']);
  expect(errorOf(res).message).toMatch(/no http\(s\) address for the document; pass url=/u);
  expect(errorOf(res).message).not.toMatch(/--url/u);
});
