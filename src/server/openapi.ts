/**
 * Builds the OpenAPI 3.1 document from the route table: the same JSON Schemas fastify validates requests
 * with become the parameters and request bodies, so the description always matches the server.
 */
import { TOOL_VERSION } from '../version.js';
import type { JsonSchema, RouteTable } from './route.js';

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', description: 'Stable machine-readable code, e.g. `invalid-request`, `unauthorized`.' },
        message: { type: 'string' },
        hint: { type: 'string' },
      },
    },
  },
};

const COMMON_ERRORS: Readonly<Record<number, string>> = {
  400: 'Bad request: malformed JSON, unknown or invalid fields, invalid identifier.',
  401: 'No token, or an invalid or revoked token.',
  403: 'The token\'s role may not do this.',
  413: 'Body larger than the server limit.',
  415: 'Content-Type not accepted by this route.',
  429: 'Rate limit reached; see Retry-After.',
};

const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };

function toOpenApiPath(url: string): string {
  return url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/gu, '{$1}');
}

function parameters(schema: JsonSchema | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s as { description?: string } & Record<string, unknown>;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

export function buildOpenApi(table: RouteTable, options: { anonymousRead: boolean }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of table.routes) {
    const path = toOpenApiPath(r.url);
    const responses: Record<string, unknown> = {};
    for (const [status, resp] of Object.entries(r.responses)) {
      // A route's own error statuses (404, 422, 503 ...) have the one error shape too.
      const content = resp.schema || resp.mediaType ? { [resp.mediaType ?? 'application/json']: { schema: resp.schema ?? { type: 'string' } } } : Number(status) >= 400 ? ERROR_CONTENT : null;
      responses[status] = { description: resp.description, ...(content ? { content } : {}) };
    }
    const errorStatuses = [400, 429, ...(r.access === 'public' || (r.access === 'read' && options.anonymousRead) ? [] : [401, 403]), ...(r.body ? [413, 415] : [])];
    for (const s of errorStatuses) {
      responses[String(s)] ??= { description: COMMON_ERRORS[s], content: ERROR_CONTENT };
    }
    const op: Record<string, unknown> = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      'x-narrascope-access': r.access,
      parameters: [...parameters(r.params, 'path'), ...parameters(r.querystring, 'query')],
      responses,
    };
    if (r.access !== 'public') op.security = r.access === 'read' && options.anonymousRead ? [{}, { bearer: [] }] : [{ bearer: [] }];
    if (r.body) {
      const types = r.bodyTypes ?? ['application/json'];
      op.requestBody = { required: true, content: Object.fromEntries(types.map((t) => [t, { schema: t === 'application/json' ? r.body : { type: 'string' } }])) };
    }
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Narrascope API',
      version: TOOL_VERSION,
      description:
        'Analyse texts from information wars into rebuttal ledgers, persuasion-technique spans, claims, narratives and entity framing; browse a stored corpus. Errors are always `{"error":{"code","message","hint"}}`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    tags: [...new Set(table.routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API token created by `narrascope serve` (first run) or POST /api/tokens.' } },
    },
  };
}
