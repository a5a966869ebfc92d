import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/server/auth/tokens.js';
import { ensureAdminToken, MemoryTokenStore } from '../../src/server/index.js';
import { bearer, errorOf, testServer, type TestServer } from './helpers.js';

describe('roles', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ withStore: true });
  });
  afterAll(() => s.close());

  type Who = 'anonymous' | 'viewer' | 'analyst' | 'admin';
  const token = (who: Who): Record<string, string> => (who === 'anonymous' ? {} : bearer(s[who]));
  // route, who, expected status (anonymous reads are on by default)
  const matrix: [string, string, Who, number][] = [
    ['GET', '/api/documents', 'anonymous', 200],
    ['GET', '/api/documents', 'viewer', 200],
    ['GET', '/api/tokens', 'anonymous', 401],
    ['GET', '/api/tokens', 'viewer', 403],
    ['GET', '/api/tokens', 'analyst', 403],
    ['GET', '/api/tokens', 'admin', 200],
    ['DELETE', '/api/documents/0123456789abcdef', 'anonymous', 401],
    ['DELETE', '/api/documents/0123456789abcdef', 'analyst', 403],
    ['DELETE', '/api/documents/0123456789abcdef', 'admin', 404],
    ['POST', '/api/documents/0123456789abcdef/dismissals', 'anonymous', 401],
    ['POST', '/api/documents/0123456789abcdef/dismissals', 'viewer', 403],
    ['POST', '/api/documents/0123456789abcdef/dismissals', 'analyst', 404],
    ['POST', '/api/documents/0123456789abcdef/confirmations', 'viewer', 403],
    ['POST', '/api/documents/0123456789abcdef/confirmations', 'admin', 404],
  ];
  it.each(matrix)('%s %s as %s → %i', async (method, url, who, status) => {
    const payload = url.endsWith('dismissals') ? { detector: 'technique/loaded-language', start: 0, end: 3, quote: 'abc', reason: 'not loaded here' } : url.endsWith('confirmations') ? { itemKey: 'l1', verdict: 'false' } : undefined;
    const res = await s.app.inject({ method: method as 'GET', url, headers: token(who), ...(payload ? { payload } : {}) });
    expect(res.statusCode).toBe(status);
  });

  it('whoami names the caller and never the secret', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/whoami', headers: bearer(s.analyst) });
    expect(res.json()).toMatchObject({ kind: 'token', role: 'analyst', name: 'test analyst' });
    expect(res.body).not.toContain(s.analyst);
    const anon = await s.app.inject({ method: 'GET', url: '/api/whoami' });
    expect(anon.json()).toMatchObject({ kind: 'anonymous', role: null, anonymousRead: true });
  });

  it('an admin creates a token that works, lists it without secret or hash, and revokes it', async () => {
    const created = await s.app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(s.admin), payload: { name: 'colleague', role: 'viewer' } });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json() as { token: { id: string; role: string }; secret: string };
    expect(secret).toMatch(/^nsc_[A-Za-z0-9_-]{43}$/u);
    expect(token.role).toBe('viewer');
    expect((await s.app.inject({ method: 'GET', url: '/api/whoami', headers: bearer(secret) })).json()).toMatchObject({ role: 'viewer' });
    const list = await s.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer(s.admin) });
    expect(list.body).not.toContain(secret);
    expect(list.body).not.toContain(hashToken(secret));
    expect((list.json() as { tokens: { id: string }[] }).tokens.map((t) => t.id)).toContain(token.id);
    const revoked = await s.app.inject({ method: 'DELETE', url: `/api/tokens/${token.id}`, headers: bearer(s.admin) });
    expect(revoked.statusCode).toBe(200);
    const after = await s.app.inject({ method: 'GET', url: '/api/documents', headers: bearer(secret) });
    expect([after.statusCode, errorOf(after).code]).toEqual([401, 'revoked-token']);
  });

  it('stores only hashes in the database', async () => {
    const rows = await (s.store as NonNullable<TestServer['store']>).db.selectFrom('api_tokens' as never).selectAll().execute();
    const dump = JSON.stringify(rows);
    for (const secret of [s.admin, s.analyst, s.viewer]) {
      expect(dump).not.toContain(secret);
      expect(dump).toContain(hashToken(secret));
    }
  });

  it.each([
    [{ name: 'x', role: 'root' }, 400],
    [{ name: '', role: 'viewer' }, 400],
    [{ name: 'x', role: 'viewer', hash: 'abc' }, 400],
  ])('token body %j → %i', async (payload, status) => {
    const res = await s.app.inject({ method: 'POST', url: '/api/tokens', headers: bearer(s.admin), payload });
    expect(res.statusCode).toBe(status);
  });
});

describe('private server (anonymous reads off)', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ anonymousRead: false });
  });
  afterAll(() => s.close());

  it.each([
    ['GET', '/api/detectors', {}, 401],
    ['POST', '/api/analyse', {}, 401],
    ['GET', '/api/health', {}, 200],
    ['GET', '/api/openapi.json', {}, 200],
  ])('%s %s without token → %i', async (method, url, _h, status) => {
    const res = await s.app.inject({ method: method as 'GET', url, ...(method === 'POST' ? { payload: { text: 'abc' } } : {}) });
    expect(res.statusCode).toBe(status);
  });

  it('a viewer token reads', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/detectors', headers: bearer(s.viewer) });
    expect(res.statusCode).toBe(200);
  });
});

describe('first run', () => {
  it('creates one admin token, once', async () => {
    const tokens = new MemoryTokenStore();
    const first = await ensureAdminToken(tokens);
    expect(first).toMatch(/^nsc_/u);
    expect(await ensureAdminToken(tokens)).toBeNull();
    expect((await tokens.list()).map((t) => t.role)).toEqual(['admin']);
  });
});
