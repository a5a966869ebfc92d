/**
 * A `fetch` for "analyse URL" that checks the address it actually connects to. Looking a host name up
 * before calling the global fetch is not enough: fetch resolves the name again, and a name server that
 * answers a public address the first time and 127.0.0.1 the second (DNS rebinding) gets the request into
 * the server's own network. Here the address check runs inside the connection's own lookup, so the
 * address checked is the address used. Node's fetch takes no lookup function, hence node:http(s) with
 * the answer wrapped in a standard Response (only what fetchUrl in src/ingest/url-source.ts uses: GET,
 * headers, signal, manual redirects, a streamed body).
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** dns.lookup's shape, with every address: injected by tests. */
export type LookupAll = (hostname: string, options: LookupOptions & { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

export interface CheckedFetchOptions {
  /** True for an address that must not be connected to. */
  readonly refuse: (address: string) => boolean;
  /** The error to fail with for a refused address (the caller reports it). */
  readonly refusal: (host: string, address: string) => Error;
  readonly lookup?: LookupAll;
}

/** Statuses whose Response must have no body (the constructor throws otherwise). */
const NULL_BODY = new Set([101, 204, 205, 304]);

export function checkedFetch(options: CheckedFetchOptions): typeof fetch {
  const lookupAll: LookupAll = options.lookup ?? ((hostname, opts, callback) => dnsLookup(hostname, opts, callback));

  return (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const host = url.hostname.replace(/^\[|\]$/gu, '');
    // An address in the URL is connected to without any lookup.
    if (isIP(host) && options.refuse(host)) throw options.refusal(url.host, host);
    let refusal: Error | null = null;
    // The connection's lookup: every address of the name must be allowed, and only those are used.
    const connectLookup = (hostname: string, opts: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void => {
      lookupAll(hostname, { ...opts, all: true }, (err, addresses) => {
        if (err) return callback(err, []);
        const refused = addresses.find((a) => options.refuse(a.address));
        if (refused) {
          refusal = options.refusal(hostname, refused.address);
          return callback(refusal as NodeJS.ErrnoException, []);
        }
        const first = addresses[0];
        if (opts.all) return callback(null, addresses);
        if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
        return callback(null, first.address, first.family);
      });
    };
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      // agent: false — no pooled connection: a kept-alive socket would be reused without this lookup.
      const req = send(url, { method: init?.method ?? 'GET', headers, agent: false, lookup: connectLookup, ...(init?.signal ? { signal: init.signal } : {}) }, (res) => {
        try {
          resolve(toResponse(res));
        } catch (e) {
          res.destroy();
          reject(e);
        }
      });
      // As fetch does: a TypeError whose cause is the socket's error, which fetchUrl turns into its message.
      req.on('error', (err) => reject(refusal ?? new TypeError('fetch failed', { cause: err })));
      req.end();
    });
  }) as typeof fetch;
}

function toResponse(res: IncomingMessage): Response {
  const status = res.statusCode ?? 502;
  const headers = new Headers();
  for (const [k, v] of Object.entries(res.headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
  }
  if (NULL_BODY.has(status)) {
    res.resume();
    return new Response(null, { status, statusText: res.statusMessage ?? '', headers });
  }
  // fetch decodes compressed bodies; so must this, or a gzip page would be read as binary.
  const encoding = (headers.get('content-encoding') ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : null;
  let body: Readable = res;
  if (decoder) {
    body = res.pipe(decoder);
    res.on('error', (e) => decoder.destroy(e));
    headers.delete('content-encoding');
    headers.delete('content-length');
  }
  return new Response(Readable.toWeb(body) as unknown as NodeReadableStream as unknown as ReadableStream, { status, statusText: res.statusMessage ?? '', headers });
}
