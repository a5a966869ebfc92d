/** Who am I, and token management (admin): list, create (secret shown once), revoke. */
import type { FastifyRequest } from 'fastify';
import { ROLES, type Role } from '../auth/roles.js';
import { createToken } from '../auth/tokens.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors.js';
import { idParams } from '../route.js';
import { NO_CONTROLS } from '../schemas.js';

const tokenSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', enum: [...ROLES] }, createdAt: { type: 'string' }, lastUsedAt: { type: ['string', 'null'] }, revokedAt: { type: ['string', 'null'] } },
};

export function registerTokenRoutes(ctx: ServerContext): void {
  ctx.route({
    method: 'GET',
    url: '/api/whoami',
    operationId: 'whoami',
    summary: 'The caller: token id, name and role, or anonymous',
    tag: 'auth',
    access: 'public',
    responses: { 200: { description: 'The principal.', schema: { type: 'object', properties: { kind: { type: 'string' }, tokenId: { type: ['string', 'null'] }, name: { type: 'string' }, role: { type: ['string', 'null'] }, anonymousRead: { type: 'boolean' } } } } },
    handler: async (_req, _reply, principal) => ({ ...principal, anonymousRead: ctx.anonymousRead }),
  });

  ctx.route({
    method: 'GET',
    url: '/api/tokens',
    operationId: 'listTokens',
    summary: 'List API tokens (never their secrets)',
    tag: 'auth',
    access: 'admin',
    responses: { 200: { description: 'Tokens.', schema: { type: 'object', properties: { tokens: { type: 'array', items: tokenSchema } } } } },
    handler: async () => ({ tokens: await ctx.tokens.list() }),
  });

  ctx.route<Record<string, never>, Record<string, never>, { name: string; role: Role }>({
    method: 'POST',
    url: '/api/tokens',
    operationId: 'createToken',
    summary: 'Create an API token; the secret is in this response only',
    tag: 'auth',
    access: 'admin',
    body: { type: 'object', additionalProperties: false, required: ['name', 'role'], properties: { name: { type: 'string', minLength: 1, maxLength: 100, pattern: NO_CONTROLS }, role: { type: 'string', enum: [...ROLES] } } },
    responses: { 201: { description: 'The token and its secret.', schema: { type: 'object', properties: { token: tokenSchema, secret: { type: 'string' } } } } },
    handler: async (request: FastifyRequest<{ Body: { name: string; role: Role } }>, reply) => {
      // The name is how admins tell tokens apart in the list (and whose dismissals these are): not blank.
      if (request.body.name.trim() === '') throw new ApiError(400, 'invalid-request', 'body.name must not be blank', 'Name the token after its holder, e.g. "Ana (desk 3)".');
      const { record, secret } = await createToken(ctx.tokens, request.body.name.trim(), request.body.role);
      return reply.status(201).send({ token: record, secret });
    },
  });

  ctx.route<{ id: string }, Record<string, never>, unknown>({
    method: 'DELETE',
    url: '/api/tokens/:id',
    operationId: 'revokeToken',
    summary: 'Revoke a token',
    tag: 'auth',
    access: 'admin',
    params: idParams(),
    responses: { 200: { description: 'Revoked.', schema: { type: 'object', properties: { revoked: { type: 'string' } } } }, 404: { description: 'No such token.' } },
    handler: async (request: FastifyRequest<{ Params: { id: string } }>) => {
      if (!(await ctx.tokens.revoke(request.params.id, new Date().toISOString()))) throw new ApiError(404, 'not-found', `no token with id "${request.params.id}"`);
      return { revoked: request.params.id };
    },
  });
}
