/**
 * API tokens. A token is `nsc_` + 32 random bytes in base64url; only its SHA-256 is stored, so a leaked
 * database does not leak usable tokens (the secret has 256 bits of entropy, so a plain hash is enough; a
 * slow password hash would only slow every request). The token's public id is a prefix of that hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from './roles.js';

export const TOKEN_PREFIX = 'nsc_';
const TOKEN_RE = /^nsc_[A-Za-z0-9_-]{43}$/u;

export interface TokenRecord {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** Where token hashes live: the store's `api_tokens` table, or memory for tests and `--no-store` runs. */
export interface TokenStore {
  count(): Promise<number>;
  insert(record: TokenRecord, hash: string): Promise<void>;
  /** The record for a hash, revoked or not; null when unknown. */
  findByHash(hash: string): Promise<TokenRecord | null>;
  list(): Promise<TokenRecord[]>;
  /** Marks a token revoked; false when there is no such token. */
  revoke(id: string, at: string): Promise<boolean>;
  touch(id: string, at: string): Promise<void>;
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function looksLikeToken(secret: string): boolean {
  return TOKEN_RE.test(secret);
}

export function tokenIdOf(hash: string): string {
  return `tok_${hash.slice(0, 16)}`;
}

/** Creates a token; the secret is returned once and never stored. */
export async function createToken(store: TokenStore, name: string, role: Role, now = new Date()): Promise<{ record: TokenRecord; secret: string }> {
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const hash = hashToken(secret);
  const record: TokenRecord = { id: tokenIdOf(hash), name, role, createdAt: now.toISOString(), lastUsedAt: null, revokedAt: null };
  await store.insert(record, hash);
  return { record, secret };
}

/** Creates the first admin token when the store has none; returns its secret (to print once) or null. */
export async function ensureAdminToken(store: TokenStore): Promise<string | null> {
  if ((await store.count()) > 0) return null;
  return (await createToken(store, 'first admin (created by narrascope serve)', 'admin')).secret;
}

export class MemoryTokenStore implements TokenStore {
  private readonly byHash = new Map<string, TokenRecord>();

  async count(): Promise<number> {
    return this.byHash.size;
  }
  async insert(record: TokenRecord, hash: string): Promise<void> {
    this.byHash.set(hash, record);
  }
  async findByHash(hash: string): Promise<TokenRecord | null> {
    return this.byHash.get(hash) ?? null;
  }
  async list(): Promise<TokenRecord[]> {
    return [...this.byHash.values()];
  }
  async revoke(id: string, at: string): Promise<boolean> {
    for (const [h, r] of this.byHash) {
      if (r.id === id) {
        this.byHash.set(h, { ...r, revokedAt: r.revokedAt ?? at });
        return true;
      }
    }
    return false;
  }
  async touch(id: string, at: string): Promise<void> {
    for (const [h, r] of this.byHash) if (r.id === id) this.byHash.set(h, { ...r, lastUsedAt: at });
  }
}
