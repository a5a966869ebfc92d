/** Health, version, detector metadata (the web app's legend), the OpenAPI document and its reference page. */
import { builtinRegistry } from '../../analyzer.js';
import { TOOL_VERSION } from '../../version.js';
import type { ServerContext } from '../context.js';
import { buildOpenApi } from '../openapi.js';
import { REFERENCE_CSS, renderReference } from '../reference-page.js';

export function registerMetaRoutes(ctx: ServerContext): void {
  let openapi: Record<string, unknown> | null = null;
  let reference: string | null = null;
  // Built lazily: every route is registered by the time the first client asks.
  const doc = (): Record<string, unknown> => (openapi ??= buildOpenApi(ctx.table, { anonymousRead: ctx.anonymousRead }));

  ctx.route({
    method: 'GET',
    url: '/api/health',
    operationId: 'health',
    summary: 'Liveness and configuration',
    tag: 'meta',
    access: 'public',
    responses: { 200: { description: 'The server is up.', schema: { type: 'object', properties: { ok: { type: 'boolean' }, version: { type: 'string' }, store: { type: 'boolean' }, anonymousRead: { type: 'boolean' } } } } },
    handler: async () => ({ ok: true, version: TOOL_VERSION, store: ctx.corpus !== null, anonymousRead: ctx.anonymousRead }),
  });

  ctx.route({
    method: 'GET',
    url: '/api/detectors',
    operationId: 'listDetectors',
    summary: 'Detectors and aggregators with their metadata',
    description: 'Ids, families, descriptions, taxonomy labels and message templates, for clients that list or explain detectors.',
    tag: 'meta',
    access: 'read',
    responses: { 200: { description: 'Detector metadata.', schema: { type: 'object', properties: { detectors: { type: 'array', items: { type: 'object' } }, presets: { type: 'array', items: { type: 'string' } } } } } },
    handler: async () => {
      const registry = builtinRegistry();
      return {
        detectors: registry.detectors.map(({ meta: m }) => ({ id: m.id, version: m.version, family: m.family, description: m.description, taxonomy: m.taxonomy, stability: m.stability, cost: m.cost, severity: m.severity, messages: m.messages, ...(m.docs ? { docs: m.docs } : {}) })),
        presets: ctx.analysis.presets,
      };
    },
  });

  ctx.route({
    method: 'GET',
    url: '/api/openapi.json',
    operationId: 'openapi',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'meta',
    access: 'public',
    responses: { 200: { description: 'OpenAPI 3.1 document.', schema: { type: 'object' } } },
    handler: async () => doc(),
  });

  ctx.route({
    method: 'GET',
    url: '/api/reference',
    operationId: 'reference',
    summary: 'Human-readable API reference (HTML)',
    tag: 'meta',
    access: 'public',
    responses: { 200: { description: 'HTML page.', mediaType: 'text/html' } },
    handler: async (_req, reply) => reply.type('text/html; charset=utf-8').send((reference ??= renderReference(doc()))),
  });

  ctx.route({
    method: 'GET',
    url: '/api/reference.css',
    operationId: 'referenceCss',
    summary: 'Stylesheet of the reference page',
    tag: 'meta',
    access: 'public',
    responses: { 200: { description: 'CSS.', mediaType: 'text/css' } },
    handler: async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(REFERENCE_CSS),
  });
}
