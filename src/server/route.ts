/**
 * One description per route feeds three things: fastify's request validation (params, query, body), the
 * access check, and the OpenAPI document. Routes are declared with `defineRoute`, never with `app.get`
 * directly, so the API description cannot drift from what the server accepts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Access, Principal } from './auth/roles.js';

export type JsonSchema = Readonly<Record<string, unknown>>;

export interface RouteResponse {
  readonly description: string;
  readonly schema?: JsonSchema;
  /** Media type when not JSON, e.g. text/csv. */
  readonly mediaType?: string;
}

export interface RouteSpec<P = Record<string, string>, Q = Record<string, unknown>, B = unknown> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Fastify path, `:param` style. */
  readonly url: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly access: Access;
  readonly params?: JsonSchema;
  readonly querystring?: JsonSchema;
  readonly body?: JsonSchema;
  /** Media types the body may have; default application/json. */
  readonly bodyTypes?: readonly string[];
  /** Rate-limit cost of one call (analysis costs more than a read). */
  readonly cost?: number;
  readonly responses: Readonly<Record<number, RouteResponse>>;
  handler(request: FastifyRequest<{ Params: P; Querystring: Q; Body: B }>, reply: FastifyReply, principal: Principal): Promise<unknown>;
}

/** Routes registered so far, in order; read by the OpenAPI builder. */
export class RouteTable {
  readonly routes: RouteSpec<never, never, never>[] = [];
}

export interface RouteHooks {
  /** Authenticates and authorises; throws ApiError 401/403. */
  authorise(request: FastifyRequest, access: Access): Promise<Principal>;
  /** Charges the rate limiter: the token's bucket, or the address's when there is no principal. */
  charge(request: FastifyRequest, principal: Principal | null, cost: number): void;
}

export function defineRoute<P, Q, B>(app: FastifyInstance, table: RouteTable, hooks: RouteHooks, spec: RouteSpec<P, Q, B>): void {
  table.routes.push(spec as unknown as RouteSpec<never, never, never>);
  const schema: Record<string, JsonSchema> = {};
  if (spec.params) schema.params = spec.params;
  if (spec.querystring) schema.querystring = spec.querystring;
  if (spec.body && !(spec.bodyTypes && !spec.bodyTypes.includes('application/json'))) schema.body = spec.body;
  app.route<{ Params: P; Querystring: Q; Body: B }>({
    method: spec.method,
    url: spec.url,
    schema,
    // Auth and rate limiting run before the body is parsed, so a rejected client costs little.
    onRequest: async (request) => {
      let principal: Principal;
      try {
        principal = await hooks.authorise(request, spec.access);
      } catch (e) {
        // Rejected requests cost the address too, or guessing tokens (each guess a store lookup) and
        // hammering a private server without one would be the only unlimited use of the API.
        hooks.charge(request, null, 1);
        throw e;
      }
      hooks.charge(request, principal, spec.cost ?? 1);
      (request as FastifyRequest & { principal?: Principal }).principal = principal;
    },
    handler: async (request, reply) => {
      const principal = (request as FastifyRequest & { principal?: Principal }).principal as Principal;
      const out = await spec.handler(request, reply, principal);
      return out === undefined ? reply : out;
    },
  });
}

/** Common parameter schemas. Ids are restricted so that a path, a dot-dot or SQL never reaches a lookup. */
export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$';
export const idParams = (name = 'id'): JsonSchema => ({
  type: 'object',
  properties: { [name]: { type: 'string', pattern: ID_PATTERN, description: 'Identifier: letters, digits, "-" and "_".' } },
  required: [name],
  additionalProperties: false,
});
