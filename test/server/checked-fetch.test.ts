/**
 * "Analyse URL" checks the address it connects to, not only the one a first lookup gave
 * (src/server/analysis/checked-fetch.ts): a second DNS answer pointing inside the network is refused.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedFetch, type LookupAll } from '../../src/server/analysis/checked-fetch.js';
import { readUrl } from '../../src/server/analysis/input.js';
import { isPrivateAddress } from '../../src/server/analysis/private-address.js';
import { ApiError } from '../../src/server/errors.js';

let server: Server;
let port = 0;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url === '/gz') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'gzip' });
      res.end(gzipSync('compressed page'));
    } else if (req.url === '/moved') {
      res.writeHead(302, { location: '/' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-test': ['a', 'b'] });
      res.end('<p>The council met on Friday and approved the harbour budget.</p>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A name server that answers each name with the next address of its list (the last one from then on). */
function answers(...addresses: string[]): LookupAll & { calls: number } {
  const fn = ((_host, _opts, callback) => {
    const address = addresses[Math.min(fn.calls++, addresses.length - 1)] as string;
    callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
  }) as LookupAll & { calls: number };
  fn.calls = 0;
  return fn;
}

const refusal = (host: string): Error => new Error(`refused ${host}`);

describe('checkedFetch', () => {
  it('fetches through its own lookup: status, headers and body as fetch gives them', async () => {
    const f = checkedFetch({ refuse: () => false, refusal, lookup: answers('127.0.0.1') });
    const res = await f(`http://page.test:${port}/`, { redirect: 'manual', headers: { accept: 'text/html' } });
    expect([res.status, res.headers.get('content-type'), res.headers.get('x-test')]).toEqual([200, 'text/html; charset=utf-8', 'a, b']);
    expect(await res.text()).toContain('harbour budget');
    const gz = await f(`http://page.test:${port}/gz`);
    expect(await gz.text()).toBe('compressed page');
    const moved = await f(`http://page.test:${port}/moved`, { redirect: 'manual' });
    expect([moved.status, moved.headers.get('location')]).toEqual([302, '/']);
  });

  it('fails as fetch does, so the reason reaches the message', async () => {
    // A port nobody listens on: the test server's, once closed.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const f = checkedFetch({ refuse: () => false, refusal, lookup: answers('127.0.0.1') });
    const failure = await readUrl(`http://page.test:${deadPort}/`, { maxBytes: 1000, allowPrivateUrls: false, fetch: f, lookup: answers('93.184.216.34') }).catch((e: unknown) => e);
    expect([(failure as ApiError).code, (failure as ApiError).message]).toEqual(['fetch-failed', `http://page.test:${deadPort}/: cannot fetch (the connection was refused)`]);
  });

  it('refuses an address its lookup gives, before connecting', async () => {
    const before = seen.length;
    const f = checkedFetch({ refuse: isPrivateAddress, refusal, lookup: answers('127.0.0.1') });
    await expect(f(`http://page.test:${port}/`)).rejects.toThrow(/refused page\.test/u);
    await expect(f(`http://[::ffff:127.0.0.1]:${port}/`)).rejects.toThrow(/refused/u);
    expect(seen.length).toBe(before);
  });
});

describe('readUrl', () => {
  it('refuses a host whose second DNS answer is a loopback address (DNS rebinding)', async () => {
    const before = seen.length;
    const lookup = answers('93.184.216.34', '127.0.0.1');
    const failure = await readUrl(`http://rebind.test:${port}/`, { maxBytes: 100_000, allowPrivateUrls: false, lookup }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect([(failure as ApiError).status, (failure as ApiError).code]).toEqual([422, 'url-not-allowed']);
    expect(lookup.calls).toBe(2);
    expect(seen.length).toBe(before);
  });

  it('reads a page whose every answer is public', async () => {
    // The check passes (a public address) and the connection goes to the local test server.
    const f = checkedFetch({ refuse: (a) => a !== '127.0.0.1' && isPrivateAddress(a), refusal, lookup: answers('127.0.0.1') });
    const init = await readUrl(`http://page.test:${port}/`, { maxBytes: 100_000, allowPrivateUrls: false, fetch: f, lookup: answers('93.184.216.34') });
    expect(init.text).toContain('harbour budget');
  });
});
