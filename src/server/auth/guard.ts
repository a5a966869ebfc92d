/**
 * Turns the Authorization header into a Principal and checks it against what a route needs. A token that
 * is present but malformed, unknown or revoked is always a 401, even on routes open to anonymous readers:
 * a client that believes it is authenticated must learn that it is not.
 */
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';
import { roleRank, type Access, type Principal } from './roles.js';
import { hashToken, looksLikeToken, type TokenStore } from './tokens.js';

export interface GuardOptions {
  readonly tokens: TokenStore;
  /** Reads without a token are allowed. */
  readonly anonymousRead: boolean;
}

/** The secret of an `Authorization: Bearer <secret>` header, or null when the header has another form. */
export function bearerSecret(header: string): string | null {
  return /^Bearer\s+(\S+)\s*$/iu.exec(header)?.[1] ?? null;
}

const ANONYMOUS: Principal = { kind: 'anonymous', tokenId: null, name: 'anonymous', role: null };
const TOUCH_EVERY_MS = 60_000;

export class Guard {
  private readonly touched = new Map<string, number>();

  constructor(private readonly options: GuardOptions) {}

  async authenticate(request: FastifyRequest): Promise<Principal> {
    const header = request.headers.authorization;
    if (header === undefined || header === '') return ANONYMOUS;
    const secret = bearerSecret(header);
    if (secret === null) throw new ApiError(401, 'unauthorized', 'the Authorization header must be "Bearer <token>"', 'Send the API token as: Authorization: Bearer nsc_...');
    if (!looksLikeToken(secret)) throw new ApiError(401, 'invalid-token', 'the token is not a Narrascope API token', 'Tokens start with "nsc_"; ask an admin for one.');
    const record = await this.options.tokens.findByHash(hashToken(secret));
    if (!record) throw new ApiError(401, 'invalid-token', 'the token is not known to this server', 'Ask an admin for a token (POST /api/tokens).');
    if (record.revokedAt) throw new ApiError(401, 'revoked-token', 'the token has been revoked', 'Ask an admin for a new token.');
    const now = Date.now();
    if ((this.touched.get(record.id) ?? 0) < now - TOUCH_EVERY_MS) {
      this.touched.set(record.id, now);
      await this.options.tokens.touch(record.id, new Date(now).toISOString()).catch(() => undefined);
    }
    return { kind: 'token', tokenId: record.id, name: record.name, role: record.role };
  }

  async authorise(request: FastifyRequest, access: Access): Promise<Principal> {
    const principal = await this.authenticate(request);
    if (access === 'public') return principal;
    if (access === 'read') {
      if (principal.role || this.options.anonymousRead) return principal;
      throw new ApiError(401, 'unauthorized', 'this server requires an API token for reads', 'Send Authorization: Bearer <token>.');
    }
    if (!principal.role) throw new ApiError(401, 'unauthorized', `this action needs a token with the ${access} role`, 'Send Authorization: Bearer <token>.');
    if (roleRank(principal.role) < roleRank(access)) {
      throw new ApiError(403, 'forbidden', `this action needs the ${access} role; the token has the ${principal.role} role`, 'Ask an admin for a token with that role.');
    }
    return principal;
  }
}
