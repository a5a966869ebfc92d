/**
 * The HTTP server: `createServer(options)` returns a fastify instance with every route, ready for
 * `app.inject` in tests or `app.listen` in `narrascope serve`. Nothing here opens ports or files by itself.
 */
import { Ajv } from 'ajv';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { LocalAnalysisService } from './analysis/service.js';
import { Guard } from './auth/guard.js';
import type { Access, Principal } from './auth/roles.js';
import { MemoryTokenStore } from './auth/tokens.js';
import { DownloadTickets } from './download-tickets.js';
import { installErrorHandlers, sendError } from './errors.js';
import { loggerOptions } from './log.js';
import { FORMATS } from './formats.js';
import { installJsonBodyParser } from './json-body.js';
import { replyMethodNotAllowed } from './method-not-allowed.js';
import { DEFAULT_LIMITS, type ServerOptions } from './options.js';
import { clientKey, RateLimiter } from './rate-limit.js';
import { defineRoute, RouteTable, type RouteHooks, type RouteSpec } from './route.js';
import { registerAnalyseRoutes } from './routes/analyse.js';
import { registerCorpusRoutes } from './routes/corpus.js';
import { registerCorpusExportRoutes, ticketBytes, type ExportTicket } from './routes/corpus-export.js';
import { registerMetaRoutes } from './routes/meta.js';
import { registerTokenRoutes } from './routes/tokens.js';
import { registerWebApp } from './routes/web.js';
import { applySecurityHeaders, installSecurityHeaders } from './security.js';
import { wellFormedBody } from './well-formed-body.js';
import type { ServerContext } from './context.js';

export async function createServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const app = Fastify({
    // Request lines name the route, never a download ticket (log.ts).
    logger: loggerOptions(options.logger),
    bodyLimit: limits.bodyBytes,
    requestTimeout: limits.requestMs,
    // Node 20 heeds requestTimeout only when the server is constructed with it (fastify sets it after),
    // and looks for requests past their time every 30 s by default: a quarter of the limit keeps a short
    // limit (tests, or a server configured so) from being overrun several times over.
    http: {
      requestTimeout: limits.requestMs,
      connectionsCheckingInterval: Math.max(250, Math.min(30_000, Math.floor(limits.requestMs / 4) || 30_000)),
    },
    // Only the named proxies' header is believed (src/server/trusted-proxies.ts says why not `true` or a hop count).
    trustProxy: options.trustProxy?.length ? [...options.trustProxy] : false,
    // Long enough that an over-long id reaches the schema (400 invalid-request) instead of missing every
    // route (a 404 'no route for GET /api/documents/…' for a route that exists): Node refuses a request line
    // over its 16 KiB header limit before the router sees it.
    routerOptions: { maxParamLength: 16 * 1024 },
    return503OnClosing: true,
    // Errors found while routing (bad percent-encoding) skip the error handler and the onSend hooks.
    frameworkErrors: (error, request, reply) => sendError(error, request, applySecurityHeaders(request, reply)),
  });
  const table = new RouteTable();
  installErrorHandlers(app, (request, reply) => replyMethodNotAllowed(table, request, reply));
  // Unknown fields are an error, never silently dropped. Query strings and path parameters are text, so
  // their values are coerced to the schema's types; JSON bodies are not ("42" is not 42).
  const bodyAjv = new Ajv({ removeAdditional: false, coerceTypes: false, useDefaults: true, allErrors: false, strict: false });
  const paramAjv = new Ajv({ removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, strict: false });
  for (const [name, f] of Object.entries(FORMATS)) for (const ajv of [bodyAjv, paramAjv]) ajv.addFormat(name, { type: 'string', validate: f.validate });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : paramAjv).compile(schema));
  installSecurityHeaders(app);

  const tokens = options.tokens ?? new MemoryTokenStore();
  const anonymousRead = options.anonymousRead ?? true;
  const guard = new Guard({ tokens, anonymousRead });
  const limiter = options.rateLimit === false ? null : new RateLimiter(options.rateLimit ?? { perMinute: 600, burst: 120 });
  const hooks: RouteHooks = {
    authorise: (request: FastifyRequest, access: Access) => guard.authorise(request, access),
    charge: (request: FastifyRequest, principal: Principal | null, cost: number) => limiter?.take(principal?.tokenId ?? clientKey(request.ip), cost),
  };
  const analysis = options.analysis ?? new LocalAnalysisService();
  const ctx: ServerContext = {
    app,
    limits,
    analysis,
    corpus: options.corpus ?? null,
    tokens,
    anonymousRead,
    table,
    allowPrivateUrls: options.allowPrivateUrls ?? false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    route: <P, Q, B>(spec: RouteSpec<P, Q, B>) => defineRoute(app, table, hooks, spec),
  };

  installJsonBodyParser(app);
  // Raw bodies for uploads: bytes, decoded by the same readers as the CLI.
  app.addContentTypeParser(['text/plain', 'text/html', 'text/markdown', 'application/xhtml+xml', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: limits.uploadBytes }, (_req, body, done) => done(null, body));

  // Before validation, so that the schemas check the text that will be analysed and stored (well-formed-body.ts).
  app.addHook('preValidation', async (request) => {
    request.body = wellFormedBody(request.body);
  });

  registerMetaRoutes(ctx);
  registerAnalyseRoutes(ctx);
  registerCorpusRoutes(ctx);
  registerCorpusExportRoutes(ctx, new DownloadTickets<ExportTicket>(options.downloadTickets, ticketBytes));
  registerTokenRoutes(ctx);
  registerWebApp(ctx, options.webRoot ?? null);
  app.addHook('onClose', async () => {
    if (!options.analysis) await analysis.close();
  });
  return app;
}
