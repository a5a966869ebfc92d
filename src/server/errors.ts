/**
 * Every error the API sends has one shape: `{ "error": { "code", "message", "hint"? } }` with a 4xx or 5xx
 * status. Clients branch on `code` (stable, kebab-case); `message` says what happened and `hint` what to
 * do. No stack trace, file path or SQL ever reaches a response.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isStoreError } from '../store/errors.js';
import { translateError } from '../store/open.js';
import { FORMATS } from './formats.js';
import { PATTERN_MEANINGS } from './schemas.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
    /** Extra response headers, e.g. Retry-After for 429. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly hint?: string };
}

export function errorBody(code: string, message: string, hint?: string): ErrorBody {
  return { error: { code, message, ...(hint ? { hint } : {}) } };
}

/** Store errors that pass (the client may retry), answered 503 with Retry-After; any other is a bug. */
const PASSING_KINDS: ReadonlySet<string> = new Set(['locked', 'unreachable', 'busy', 'timeout']);

/** Fastify's own error codes for bad requests, mapped to ours. */
const FASTIFY_CODES: Readonly<Record<string, { status: number; code: string; hint?: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed-json', hint: 'Send a valid JSON document with Content-Type: application/json.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'malformed-json', hint: 'The body is empty; send a JSON object.' },
  // There is no option to raise the limits; a long text fits as a file (5 MiB) where JSON (2 MiB) does not.
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body-too-large', hint: 'Send a long text as a file to POST /api/analyse/upload (up to 5 MiB), or split it.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported-media-type', hint: 'Use application/json, or text/plain / text/html for uploads.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad-content-length' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'bad-content-type' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad-url', hint: 'The request path is not valid; check its percent-encoding.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 400, code: 'invalid-request', hint: 'Identifiers are at most 128 characters (document ids 64 hex digits).' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, code: 'bad-request' },
};

function validationMessage(e: FastifyError): string {
  const v = e.validation?.[0];
  if (!v) return e.message.slice(0, 300);
  const where = e.validationContext ?? 'request';
  const path = v.instancePath ? `${where}${v.instancePath.replace(/\//gu, '.')}` : where;
  const params = v.params as Record<string, unknown>;
  if (v.keyword === 'additionalProperties') return `${path}: unknown field "${String(params.additionalProperty)}"`;
  if (v.keyword === 'required') return `${path}: missing field "${String(params.missingProperty)}"`;
  if (v.keyword === 'pattern' && where === 'params') return `${path}: not a valid identifier`;
  const meaning = v.keyword === 'pattern' ? PATTERN_MEANINGS[String(params.pattern)] : v.keyword === 'format' ? FORMATS[String(params.format)]?.meaning : undefined;
  if (meaning) return `${path} ${meaning}`;
  return `${path} ${v.message ?? 'is invalid'}`;
}

/**
 * Sends any error in the JSON shape above. Also fastify's `frameworkErrors` handler: errors found while
 * routing (a path with bad percent-encoding, an over-long path parameter) never reach setErrorHandler, and
 * fastify's own answer to them has another shape and none of the security headers.
 */
export function sendError(raw: FastifyError | ApiError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (raw instanceof ApiError) {
    for (const [k, v] of Object.entries(raw.headers)) void reply.header(k, v);
    return reply.status(raw.status).send(errorBody(raw.code, raw.message, raw.hint));
  }
  // Store.write translates driver errors; reads through the query builder throw SQLite's own
  // SQLITE_BUSY / SQLITE_LOCKED, which are the same passing condition, not a bug, and SQLITE_IOERR /
  // SQLITE_FULL, the disk's trouble rather than ours (a 503 store-unavailable, not a 500 "bug").
  // (Only those: a network error code from elsewhere must not read as an unreachable database.)
  const code = (raw as { code?: unknown }).code;
  const store = typeof code === 'string' && /^SQLITE_(BUSY|LOCKED|IOERR|FULL)/u.test(code) ? translateError(raw, 'the store') : raw;
  if (isStoreError(store) && PASSING_KINDS.has(store.kind)) {
    // Passing conditions of the store, not bugs: the client may retry. The store's own message names
    // the file or server, which stays in the log.
    request.log.warn({ err: store }, 'store unavailable');
    if (store.kind === 'locked') {
      // The server waits at most SERVE_BUSY_TIMEOUT_MS (1 s) for the lock; an ingest releases it after
      // each batch of documents, so a retry a moment later usually gets through.
      return reply
        .status(503)
        .header('retry-after', '2')
        .send(errorBody('store-locked', 'the store is busy (another process is writing); retry shortly', 'Retry in a few seconds (see Retry-After): a `narrascope ingest` or other writer holds the store\'s write lock while it writes.'));
    }
    if (store.kind === 'busy') {
      return reply
        .status(503)
        .header('retry-after', '2')
        .send(errorBody('store-busy', 'every connection to the corpus store is in use by other requests; retry shortly', 'Retry in a few seconds (see Retry-After): the database is reachable but busy.'));
    }
    if (store.kind === 'timeout') {
      return reply
        .status(503)
        .header('retry-after', '5')
        .send(errorBody('store-timeout', 'the corpus store did not answer in time', 'Retry later; if it persists, the database or the network to it is overloaded or hung.'));
    }
    return reply.status(503).header('retry-after', '5').send(errorBody('store-unavailable', 'the corpus store cannot be reached', 'Retry in a few seconds; if it persists, check that the database is running.'));
  }
  const e = raw as FastifyError;
  if (e.validation) {
    // A raw file sent where a JSON object is expected fails validation as "not an object" or a missing
    // field; the hint names the endpoint that takes raw bodies.
    const raw = e.validationContext === 'body' && Buffer.isBuffer(request.body);
    const hint = raw ? 'This endpoint takes a JSON object such as {"text": "..."}; to send a file as the raw body, POST it to /api/analyse/upload.' : 'See /api/openapi.json for the accepted fields.';
    return reply.status(400).send(errorBody('invalid-request', validationMessage(e), hint));
  }
  const known = e.code ? FASTIFY_CODES[e.code] : undefined;
  if (known) {
    const message = known.code === 'malformed-json' ? 'the body is not valid JSON' : e.message.slice(0, 300);
    // An upload that is too large was already sent as a file: pointing it at the upload route would go round in circles.
    const hint = known.code === 'body-too-large' && request.url.startsWith('/api/analyse/upload') ? 'Split the file: uploads are limited to 5 MiB (the server\'s default).' : known.hint;
    return reply.status(known.status).send(errorBody(known.code, message, hint));
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return reply.status(e.statusCode).send(errorBody('bad-request', e.message.slice(0, 300)));
  }
  request.log.error({ err: e }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', 'the server failed to handle this request', 'This is a bug in Narrascope; the server log has the details.'));
}

/**
 * Installs the error and not-found handlers that give every failure the JSON shape above. `notFound` may
 * answer first (a known path under another method is a 405); it returns false to leave the 404 to this.
 */
export function installErrorHandlers(app: FastifyInstance, notFound: (request: FastifyRequest, reply: FastifyReply) => boolean = () => false): void {
  app.setErrorHandler(sendError);
  app.setNotFoundHandler((request, reply) => {
    if (notFound(request, reply)) return;
    void reply.status(404).send(errorBody('not-found', `no route for ${request.method} ${request.url.split('?')[0]?.slice(0, 200) ?? ''}`, 'See /api/openapi.json for the routes.'));
  });
}
