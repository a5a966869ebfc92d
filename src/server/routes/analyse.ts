/** POST /api/analyse (text), /api/analyse/url, /api/analyse/upload (raw bytes). */
import type { FastifyRequest } from 'fastify';
import type { AnalysisResult } from '../../core/result/types.js';
import type { DocumentInit } from '../../core/text/document.js';
import { charsetOf } from '../analysis/charset.js';
import { isBlank } from '../../ingest/blank.js';
import { readBytes, readUrl } from '../analysis/input.js';
import type { Principal } from '../auth/roles.js';
import { roleRank } from '../auth/roles.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { analyseOptionsProps, analyseResponseSchema, NO_CONTROLS, sourceSchema } from '../schemas.js';

interface AnalyseOptionsBody {
  preset?: string;
  language?: string;
  minConfidence?: number;
  store?: boolean;
}
interface TextBody extends AnalyseOptionsBody {
  text: string;
  title?: string;
  source?: { outlet?: string; author?: string; uri?: string; publishedAt?: string };
}
interface UrlBody extends AnalyseOptionsBody {
  url: string;
}
interface UploadQuery extends AnalyseOptionsBody {
  filename?: string;
}

const responses = {
  200: { description: 'The analysis (and where it was stored, when `store` was asked).', schema: analyseResponseSchema },
  422: { description: 'The input could not be read (binary file, empty text, URL not allowed).' },
  503: { description: 'Too many analyses waiting, or no corpus store for `store: true`.' },
};

export function registerAnalyseRoutes(ctx: ServerContext): void {
  const { limits } = ctx;

  /** `store: true` needs the analyst role and a store; checked before any page is fetched or file read. */
  function checkStore(opts: AnalyseOptionsBody, principal: Principal): void {
    if (!opts.store) return;
    if (!principal.role || roleRank(principal.role) < roleRank('analyst')) {
      throw new ApiError(principal.role ? 403 : 401, principal.role ? 'forbidden' : 'unauthorized', 'storing an analysis needs a token with the analyst role', 'Send Authorization: Bearer <token>, or leave out "store".');
    }
    if (!ctx.corpus) throw new ApiError(503, 'no-store', 'this server runs without a corpus store', 'Start it with --db to store analyses.');
  }

  async function run(init: DocumentInit, opts: AnalyseOptionsBody, principal: Principal): Promise<{ result: AnalysisResult; stored: { id: string; created: boolean } | null }> {
    checkStore(opts, principal);
    if (init.text.length > limits.textChars) {
      throw new ApiError(413, 'text-too-long', `the text has ${init.text.length} characters; the limit is ${limits.textChars}`, 'Split the document.');
    }
    // White space and invisible format characters only (a pasted zero-width space, a BOM): trim() keeps the
    // latter, and such a text was analysed and could be stored as a document with no visible word.
    if (isBlank(init.text)) throw new ApiError(422, 'empty-input', 'the text is empty (white space or invisible characters only)', 'Send some text to analyse.');
    const withLang = opts.language ? { ...init, language: opts.language } : init;
    const result = await ctx.analysis.analyze(withLang, { ...(opts.preset ? { preset: opts.preset } : {}), ...(opts.minConfidence !== undefined ? { minConfidence: opts.minConfidence } : {}) });
    const stored = opts.store && ctx.corpus ? await ctx.corpus.storeAnalysis(withLang, result) : null;
    return { result, stored };
  }

  ctx.route<Record<string, never>, Record<string, never>, TextBody>({
    method: 'POST',
    url: '/api/analyse',
    operationId: 'analyseText',
    summary: 'Analyse a text',
    description: 'Runs the detectors and aggregators on the text and returns the AnalysisResult. Needs no token unless `store` is true (analyst) or the server is private.',
    tag: 'analyse',
    access: 'read',
    cost: 5,
    body: {
      type: 'object',
      additionalProperties: false,
      required: ['text'],
      properties: { text: { type: 'string', minLength: 1 }, title: { type: 'string', maxLength: 500, pattern: NO_CONTROLS }, source: sourceSchema, ...analyseOptionsProps },
    },
    responses,
    handler: async (request: FastifyRequest<{ Body: TextBody }>, _reply, principal) => {
      const b = request.body;
      const s = b.source ?? {};
      const init: DocumentInit = {
        text: b.text,
        ...(b.title ? { title: b.title } : {}),
        source: { kind: 'api', ...(s.uri ? { uri: s.uri } : {}), ...(s.outlet ? { outlet: s.outlet } : {}), ...(s.author ? { author: s.author } : {}), ...(s.publishedAt ? { publishedAt: s.publishedAt } : {}) },
      };
      return run(init, b, principal);
    },
  });

  ctx.route<Record<string, never>, Record<string, never>, UrlBody>({
    method: 'POST',
    url: '/api/analyse/url',
    operationId: 'analyseUrl',
    summary: 'Fetch a web page and analyse it',
    description: 'Fetches an http(s) URL (size and time limits; loopback and private addresses refused unless the server allows them), extracts the text with the same readers as the CLI, and analyses it.',
    tag: 'analyse',
    access: 'read',
    cost: 10,
    body: { type: 'object', additionalProperties: false, required: ['url'], properties: { url: { type: 'string', minLength: 8, maxLength: 2000, pattern: '^https?://' }, ...analyseOptionsProps } },
    responses: { ...responses, 502: { description: 'The page could not be fetched.' } },
    handler: async (request: FastifyRequest<{ Body: UrlBody }>, _reply, principal) => {
      checkStore(request.body, principal);
      const init = await readUrl(request.body.url, { maxBytes: limits.uploadBytes, allowPrivateUrls: ctx.allowPrivateUrls, ...(ctx.fetch ? { fetch: ctx.fetch } : {}) }, request.body.language);
      return run(init, request.body, principal);
    },
  });

  ctx.route<Record<string, never>, UploadQuery, Buffer>({
    method: 'POST',
    url: '/api/analyse/upload',
    operationId: 'analyseUpload',
    summary: 'Analyse an uploaded file',
    description: 'The request body is the file itself (text/plain, text/html, application/xhtml+xml, text/markdown or application/octet-stream); `filename` helps choose the reader. A `charset` in the Content-Type (e.g. `text/plain; charset=windows-1251`) says how the bytes are encoded; without one, UTF-8 (or a UTF-16 BOM), or an HTML file\'s `<meta charset>` when the bytes are not UTF-8.',
    tag: 'analyse',
    access: 'read',
    cost: 5,
    bodyTypes: ['text/plain', 'text/html', 'application/xhtml+xml', 'text/markdown', 'application/octet-stream'],
    body: { type: 'string' },
    querystring: {
      type: 'object',
      additionalProperties: false,
      properties: { filename: { type: 'string', maxLength: 255, pattern: '^[^/\\\\\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]+$', description: 'A file name: no folder, no control characters.' }, ...analyseOptionsProps },
    },
    responses,
    handler: async (request: FastifyRequest<{ Querystring: UploadQuery; Body: Buffer }>, _reply, principal) => {
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw new ApiError(415, 'unsupported-media-type', 'send the file as the raw request body', 'Use Content-Type text/plain, text/html, text/markdown or application/octet-stream.');
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      const charset = charsetOf(request.headers['content-type']);
      const q = request.query;
      checkStore(q, principal);
      const init = await readBytes(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
        ...(q.filename ? { uri: q.filename } : {}),
        ...(mediaType && mediaType !== 'application/octet-stream' ? { mediaType } : {}),
        ...(charset ? { charset } : {}),
        origin: 'file',
        ...(q.language ? { language: q.language } : {}),
      });
      return run(init, q, principal);
    },
  });
}
