import { formatBytes } from './limits.js';
import { InputError } from './types.js';

export interface FetchOptions {
  readonly maxBytes: number;
  /** Whole request, redirects and body included. */
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  /** Injected for tests; defaults to the global fetch of Node 20. */
  readonly fetch?: typeof fetch;
  /** Feeds: the Accept header to send, and any content type taken (servers label feeds every which way). */
  readonly feed?: boolean;
}

const PAGE_ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9';
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export interface Fetched {
  readonly bytes: Uint8Array;
  /** Final URL after redirects. */
  readonly url: string;
  /** Media type without parameters. */
  readonly mediaType: string;
  readonly charset?: string;
}

export const ACCEPTED_MEDIA_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain', 'text/markdown'];

export function isUrl(spec: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//iu.test(spec);
}

const net = (message: string, hint?: string): InputError => new InputError('network', message, hint);

/**
 * Fetches an http(s) URL with a time limit, a bounded number of redirects (followed by hand so that each
 * hop is checked to be http(s)), a content-type check and a size limit enforced while streaming.
 */
export async function fetchUrl(spec: string, options: FetchOptions): Promise<Fetched> {
  const doFetch = options.fetch ?? fetch;
  // setTimeout fires at once for more than 2^31 - 1 ms (about 24.8 days): longer is no limit at all.
  const timeoutMs = Math.min(options.timeoutMs ?? 20_000, 2_147_483_647);
  const maxRedirects = options.maxRedirects ?? 5;
  let url = parseHttpUrl(spec, spec);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let response: Response | undefined;
    for (let hop = 0; ; hop++) {
      try {
        response = await doFetch(url, {
          redirect: 'manual',
          signal: controller.signal,
          headers: {
            accept: options.feed ? FEED_ACCEPT : PAGE_ACCEPT,
            'user-agent': 'narrascope (+offline analysis tool)',
          },
        });
      } catch (e) {
        throw describeFetchFailure(url.href, e, controller.signal.aborted, timeoutMs);
      }
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= maxRedirects)
          throw net(
            `${spec}: more than ${maxRedirects} redirects`,
            'The server redirects in a loop or too often; open the URL in a browser to find the final address.',
          );
        url = parseHttpUrl(new URL(response.headers.get('location') as string, url).href, spec);
        continue;
      }
      break;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw net(
        `${url.href}: the server answered ${response.status} ${response.statusText}`.trim(),
        'Check the address; the page may have moved or need a login.',
      );
    }
    const contentType = response.headers.get('content-type') ?? '';
    const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    if (mediaType && !options.feed && !ACCEPTED_MEDIA_TYPES.includes(mediaType)) {
      await response.body?.cancel().catch(() => undefined);
      throw net(
        `${url.href}: content type "${mediaType}" is not a web page or text`,
        `Narrascope fetches ${ACCEPTED_MEDIA_TYPES.join(', ')}. Download other files and convert them to text first.`,
      );
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new InputError(
        'too-large',
        `${url.href} is ${formatBytes(declared)}, over the limit of ${formatBytes(options.maxBytes)}`,
        'Raise the limit with --max-bytes if you mean it.',
      );
    }
    const bytes = await readBody(response, url.href, options.maxBytes, controller.signal, timeoutMs);
    const charset = /charset\s*=\s*"?([^";\s]+)/iu.exec(contentType)?.[1]?.toLowerCase();
    return { bytes, url: url.href, mediaType: mediaType || 'text/html', ...(charset ? { charset } : {}) };
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(href: string, asked: string): URL {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new InputError('unsupported', `"${href}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InputError(
      'unsupported',
      `${href === asked ? href : `${asked} redirects to ${href}, which`} uses ${url.protocol.replace(/:$/u, '')}; only http and https URLs are fetched`,
      'Download the document yourself and pass the file path.',
    );
  }
  // fetch refuses such a URL with a TypeError that read as a network failure, and the address is stored
  // and exported with the document: the password would travel with every export.
  if (url.username || url.password) {
    const shown = `${url.protocol}//${url.host}${url.pathname}${url.search}`;
    throw new InputError(
      'unsupported',
      `${href === asked ? `the URL of ${shown}` : `a redirect to ${shown}`} holds a user name or password; such URLs are not fetched (they would be stored with the document)`,
      'Download the document yourself and pass the file path.',
    );
  }
  return url;
}

async function readBody(
  response: Response,
  href: string,
  maxBytes: number,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new InputError(
          'too-large',
          `${href} sent more than ${formatBytes(maxBytes)}`,
          'Raise the limit with --max-bytes if you mean it.',
        );
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw describeFetchFailure(href, e, signal.aborted, timeoutMs);
  }
  return Buffer.concat(chunks);
}

function describeFetchFailure(href: string, e: unknown, aborted: boolean, timeoutMs: number): InputError {
  if (aborted)
    return net(
      `${href}: no complete answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`,
      'The server is slow or unreachable; try again later or raise --timeout.',
    );
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  const why =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'the host name could not be resolved'
      : code === 'ECONNREFUSED'
        ? 'the connection was refused'
        : code === 'ECONNRESET'
          ? 'the connection was reset'
          : (cause?.message ?? (e as Error).message);
  return net(
    `${href}: cannot fetch (${why})`,
    'Check the address and your network connection; Narrascope needs network access only for URLs.',
  );
}
