import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientKey, RateLimiter } from '../../src/server/rate-limit.js';
import { bearer, errorOf, testServer, type TestServer } from './helpers.js';

let s: TestServer;
let web: string;
beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'narrascope-web-'));
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  s = await testServer({ webRoot: web });
});
afterAll(() => s.close());

describe('security headers', () => {
  it.each(['/api/health', '/api/nothing', '/', '/assets/app.js', '/corpus'])('%s has a strict CSP and the usual headers', async (url) => {
    const res = await s.app.inject({ method: 'GET', url });
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/u);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('marks API answers as not cacheable and hashed assets as immutable', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/api/health' })).headers['cache-control']).toBe('no-store');
    expect((await s.app.inject({ method: 'GET', url: '/assets/app.js' })).headers['cache-control']).toMatch(/immutable/u);
  });

  it('serves the app for client routes and 404s unknown files', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/narratives' })).body).toContain('<title>app</title>');
    const missing = await s.app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect([missing.statusCode, errorOf(missing).code]).toEqual([404, 'not-found']);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After once the burst is spent, per client', async () => {
    const limited = await testServer({ rateLimit: { perMinute: 60, burst: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/api/health' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      const res = await limited.app.inject({ method: 'GET', url: '/api/health' });
      expect(errorOf(res).code).toBe('rate-limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // A token is its own client.
      expect((await limited.app.inject({ method: 'GET', url: '/api/health', headers: bearer(limited.viewer) })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('counts rejected requests against the address: unknown tokens cannot be tried without limit', async () => {
    const limited = await testServer({ rateLimit: { perMinute: 60, burst: 3 }, anonymousRead: false });
    try {
      const guess = (i: number): Record<string, string> => bearer(`nsc_${String(i).padStart(43, 'A')}`);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/api/documents', headers: guess(i) })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      // Anonymous reads of a private server are refused and counted the same way.
      expect((await limited.app.inject({ method: 'GET', url: '/api/detectors' })).statusCode).toBe(429);
      // A valid token is its own client and is not held back by the address's failures.
      expect((await limited.app.inject({ method: 'GET', url: '/api/detectors', headers: bearer(limited.viewer) })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('keys an IPv6 client by its /64, so rotating addresses inside it gets no fresh bucket', async () => {
    const limited = await testServer({ rateLimit: { perMinute: 60, burst: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 1; i <= 5; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/api/health', remoteAddress: `2001:db8:1:2::${i.toString(16)}` })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      // Another /64 is another client.
      expect((await limited.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '2001:db8:1:3::1' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it.each([
    ['203.0.113.7', 'ip:203.0.113.7'],
    ['::ffff:203.0.113.7', 'ip:203.0.113.7'],
    ['2001:db8:1:2::1', 'ip6:2001:db8:1:2::/64'],
    ['2001:DB8:1:2:aaaa:bbbb:cccc:dddd', 'ip6:2001:db8:1:2::/64'],
    ['2001:db8::1', 'ip6:2001:db8:0:0::/64'],
  ])('clientKey(%s) is %s', (ip, key) => {
    expect(clientKey(ip)).toBe(key);
  });

  it('refills at the sustained rate and forgets idle clients', () => {
    let now = 0;
    const rl = new RateLimiter({ perMinute: 60, burst: 2 }, () => now);
    rl.take('a');
    rl.take('a');
    expect(() => rl.take('a')).toThrow(/too many requests/u);
    now += 1000;
    expect(() => rl.take('a')).not.toThrow();
    expect(() => rl.take('b', 3)).toThrow();
    now += 10 * 60_000;
    rl.take('c');
    expect(rl.size).toBe(1);
  });
});
