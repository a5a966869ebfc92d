import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientKey, RateLimiter } from '../../src/server/rate-limit.js';
import { parseTrustedProxies } from '../../src/server/trusted-proxies.js';
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
    // A proxy on this machine: clients A, A, A, B through it; then a client that writes its own header
    // ("evil") in front of the address the proxy appended — still A; then one connecting past the proxy,
    // from 203.0.113.9 with a header of its own — counted by its own address, first time seen.
    [['loopback'], ['200:A', '200:A', '429:A', '200:B', '429:evil, A', '200:direct']],
    [['127.0.0.1/32', '10.0.0.0/8'], ['200:A', '200:A', '429:A', '200:B', '429:evil, A', '200:direct']],
    // Off (the default): the header is ignored; every request through the proxy counts against its address.
    [undefined, ['200:A', '200:A', '429:A', '429:B', '429:evil, A', '200:direct']],
  ])('with trustProxy %j, X-Forwarded-For sets the address the rate limiter counts', async (trustProxy, expected) => {
    const limited = await testServer({ rateLimit: { perMinute: 60, burst: 2 }, ...(trustProxy ? { trustProxy } : {}) });
    try {
      const seen: string[] = [];
      const sends: [string, string, string][] = [
        ['127.0.0.1', '198.51.100.1', 'A'],
        ['127.0.0.1', '198.51.100.1', 'A'],
        ['127.0.0.1', '198.51.100.1', 'A'],
        ['127.0.0.1', '198.51.100.2', 'B'],
        ['127.0.0.1', '203.0.113.66, 198.51.100.1', 'evil, A'],
        ['203.0.113.9', '198.51.100.3', 'direct'],
      ];
      for (const [remoteAddress, xff, name] of sends) {
        const res = await limited.app.inject({ method: 'GET', url: '/api/health', remoteAddress, headers: { 'x-forwarded-for': xff } });
        seen.push(`${res.statusCode}:${name}`);
      }
      expect(seen).toEqual(expected);
    } finally {
      await limited.close();
    }
  });

  it.each([
    ['loopback', ['loopback']],
    ['127.0.0.1, 10.0.0.0/8,::1,fd00::/8', ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']],
  ])('parseTrustedProxies(%j)', (value, list) => {
    expect(parseTrustedProxies(value)).toEqual(list);
  });

  it.each(['yes', '', '10.0.0.0/33', '10.0.0/8', 'fd00::/129', '10.0.0.1/8/1', 'loopback,example.org'])('parseTrustedProxies(%j) is refused, naming the part', (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/--trust-proxy: ".*" is not an IP address, a CIDR range or one of loopback/u);
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
