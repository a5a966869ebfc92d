import type { AnalysisService } from './analysis/service.js';
import type { TokenStore } from './auth/tokens.js';
import type { CorpusService } from './corpus.js';
import type { DownloadTicketOptions } from './download-tickets.js';
import type { LogOptions } from './log.js';

export interface ServerLimits {
  /** Largest JSON body, bytes. */
  readonly bodyBytes: number;
  /** Largest upload or fetched page, bytes. */
  readonly uploadBytes: number;
  /** Longest text accepted for analysis, UTF-16 code units. */
  readonly textChars: number;
  /**
   * How long a client may take to send a whole request, ms (Node's requestTimeout; 0: no limit). Fastify
   * sets none, so a client that sent the headers and then a byte now and then (or nothing) held its
   * connection and request open for ever; enough of them exhaust a server that faces the network. Two
   * minutes lets a 5 MiB upload through at 45 kB/s; the time the analysis takes does not count.
   */
  readonly requestMs: number;
}

export interface ServerOptions {
  /** Analyses documents; default an in-process service with the built-in detectors. */
  readonly analysis?: AnalysisService;
  /** The stored corpus; null or absent: corpus routes answer 503 `no-store`. */
  readonly corpus?: CorpusService | null;
  /** API token hashes; default in memory (tokens then die with the process). */
  readonly tokens?: TokenStore;
  /** Reads without a token (GET routes, analysis without storing); default true. */
  readonly anonymousRead?: boolean;
  readonly limits?: Partial<ServerLimits>;
  /** Requests per minute per client, or false to disable; default 600 with a burst of 120. */
  readonly rateLimit?: { readonly perMinute: number; readonly burst: number } | false;
  /** Directory of the built web app (web/dist); null: no web app, only the API. */
  readonly webRoot?: string | null;
  /** Fetch URLs resolving to loopback/private addresses (off by default). */
  readonly allowPrivateUrls?: boolean;
  /** Injected fetch for URL analysis (tests). */
  readonly fetch?: typeof fetch;
  /** Request logging (fastify's, download tickets redacted: log.ts); true: to standard output; default off. */
  readonly logger?: boolean | LogOptions;
  /**
   * The reverse proxies in front of the server (`serve --trust-proxy`; parseTrustedProxies in
   * trusted-proxies.ts): from their connections, the client's address — the one the rate limiter counts —
   * is read from X-Forwarded-For. Default none: the header is ignored, since any client can send it.
   */
  readonly trustProxy?: readonly string[];
  /**
   * Download tickets of the corpus export (POST /api/export/tickets; download-tickets.ts): lifetime, caps,
   * and the clock, which also dates STIX exports; tests inject a clock instead of waiting.
   */
  readonly downloadTickets?: Partial<DownloadTicketOptions>;
}

export const DEFAULT_LIMITS: ServerLimits = {
  bodyBytes: 2 * 1024 * 1024,
  uploadBytes: 5 * 1024 * 1024,
  textChars: 1_000_000,
  requestMs: 120_000,
};
