/**
 * Turns what a client sends (pasted text, a URL, uploaded bytes) into a DocumentInit through the same
 * readers the CLI uses, so an HTML page analysed through the API gives the same text as `narrascope
 * analyse page.html`. URLs resolving to loopback, private or link-local addresses are refused unless the
 * server is configured to allow them: a public server must not be a proxy into its own network.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import type { DocumentInit } from '../../core/text/document.js';
import { chooseReader } from '../../ingest/readers.js';
import { InputError, isInputError } from '../../ingest/types.js';
import { fetchUrl } from '../../ingest/url-source.js';
import { ApiError } from '../errors.js';
import { decodeDeclared } from './charset.js';
import { checkedFetch, type LookupAll } from './checked-fetch.js';
import { isPrivateAddress } from './private-address.js';

export interface InputOptions {
  readonly maxBytes: number;
  readonly allowPrivateUrls: boolean;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Name resolution (tests); default dns.lookup. */
  readonly lookup?: LookupAll;
}

/** Reads decoded bytes with the reader the name/media type/content picks; the first document wins. */
export async function readBytes(bytes: Uint8Array, meta: { uri?: string; mediaType?: string; charset?: string; origin: 'file' | 'url'; language?: string }): Promise<DocumentInit> {
  try {
    const decoded = decodeDeclared(bytes, meta.uri ?? 'upload', meta.charset);
    const reader = chooseReader({ ...(meta.uri ? { uri: meta.uri } : {}), ...(meta.mediaType ? { mediaType: meta.mediaType } : {}), head: decoded.text.slice(0, 4096) });
    for await (const out of reader.read({ text: decoded.text, ...(meta.uri ? { uri: meta.uri } : {}), origin: meta.origin, ...(meta.mediaType ? { mediaType: meta.mediaType } : {}), warnings: decoded.warnings, ...(meta.language ? { language: meta.language } : {}) })) {
      if (isInputError(out)) throw out;
      return out;
    }
  } catch (e) {
    throw toApiError(e);
  }
  throw new ApiError(422, 'empty-input', 'the input holds no document', 'Send a non-empty text.');
}

export function toApiError(e: unknown): unknown {
  if (!isInputError(e)) return e;
  const status = e.kind === 'network' ? 502 : e.kind === 'too-large' ? 413 : 422;
  const code = e.kind === 'network' ? 'fetch-failed' : e.kind === 'too-large' ? 'body-too-large' : `input-${e.kind}`;
  return new ApiError(status, code, e.message, e.hint);
}

function notAllowed(host: string): ApiError {
  return new ApiError(422, 'url-not-allowed', `${host} is a loopback, private or link-local address; this server does not fetch those`, 'Download the page and upload it instead, or start the server with --allow-private-urls.');
}

/**
 * A fetch that checks every hop's host before connecting (the connection itself is checked again by
 * checkedFetch, which closes the gap a second DNS answer would leave). The ingest layer reports any fetch
 * exception as a network failure, so a refusal is also recorded in `refused` for the caller to report as such.
 */
function guardedFetch(base: typeof fetch, lookupAll: LookupAll, refused: { error: ApiError | null }): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const host = url.hostname.replace(/^\[|\]$/gu, '');
    const addresses = isIP(host) ? [host] : (await new Promise<LookupAddress[]>((resolve) => lookupAll(host, { all: true }, (err, found) => resolve(err ? [] : found)))).map((a) => a.address);
    if (addresses.length === 0) throw new InputError('network', `${url.host}: the host name does not resolve`, 'Check the address.');
    if (addresses.some(isPrivateAddress)) {
      refused.error = notAllowed(url.host);
      throw refused.error;
    }
    return base(input, init);
  }) as typeof fetch;
}

export async function readUrl(url: string, options: InputOptions, language?: string): Promise<DocumentInit> {
  let fetched;
  const refused: { error: ApiError | null } = { error: null };
  const lookupAll: LookupAll = options.lookup ?? ((hostname, opts, callback) => dnsLookup(hostname, opts, callback));
  try {
    fetched = await fetchUrl(url, {
      maxBytes: options.maxBytes,
      timeoutMs: options.timeoutMs ?? 15_000,
      fetch: options.allowPrivateUrls ? (options.fetch ?? fetch) : guardedFetch(options.fetch ?? checkedFetch({ refuse: isPrivateAddress, refusal: (host) => (refused.error = notAllowed(host)), ...(options.lookup ? { lookup: options.lookup } : {}) }), lookupAll, refused),
    });
  } catch (e) {
    throw refused.error ?? toApiError(e);
  }
  const init = await readBytes(fetched.bytes, { uri: fetched.url, mediaType: fetched.mediaType, ...(fetched.charset ? { charset: fetched.charset } : {}), origin: 'url', ...(language ? { language } : {}) });
  return { ...init, source: { kind: init.source?.kind ?? 'url', ...init.source, uri: fetched.url } };
}
