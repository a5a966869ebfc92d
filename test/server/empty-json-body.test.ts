/**
 * `Content-Type: application/json` with no body, as fetch wrappers and `curl -H` send it on every request:
 * a DELETE (which reads no body) was answered 400 malformed-json. A route without a body now takes it;
 * one that takes a JSON body still answers an empty or broken one 400, and poisoned JSON stays refused.
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

const JSON_TYPE = { 'content-type': 'application/json' };

it('deletes a document and revokes a token when the request says JSON but sends nothing', async () => {
  const stored = await s.app.inject({ method: 'POST', url: '/api/analyse', headers: bearer(s.analyst), payload: { text: MYTH_FACT, store: true } });
  const { id } = (stored.json() as { stored: { id: string } }).stored;
  const del = await s.app.inject({ method: 'DELETE', url: `/api/documents/${id}`, headers: { ...bearer(s.admin), ...JSON_TYPE } });
  expect(del.statusCode).toBe(200);
  expect((await s.app.inject({ method: 'GET', url: `/api/documents/${id}` })).statusCode).toBe(404);

  const token = (await s.app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(s.admin), payload: { name: 'short-lived', role: 'viewer' } })).json() as { token: { id: string } };
  const revoke = await s.app.inject({ method: 'DELETE', url: `/api/tokens/${token.token.id}`, headers: { ...bearer(s.admin), ...JSON_TYPE, 'content-length': '0' } });
  expect([revoke.statusCode, revoke.json()]).toEqual([200, { revoked: token.token.id }]);
});

it.each([
  ['an empty body where one is required', { method: 'POST', url: '/api/analyse', payload: '' }, 'malformed-json'],
  ['broken JSON on a route without a body', { method: 'DELETE', url: '/api/documents/abcdef12', payload: '{' }, 'malformed-json'],
  ['a poisoned prototype', { method: 'POST', url: '/api/analyse', payload: '{"text":"x","__proto__":{"admin":true}}' }, 'malformed-json'],
] as const)('still answers 400 to %s', async (_name, request, code) => {
  const res = await s.app.inject({ ...request, headers: { ...bearer(s.admin), ...JSON_TYPE } });
  expect([res.statusCode, errorOf(res).code]).toEqual([400, code]);
});
