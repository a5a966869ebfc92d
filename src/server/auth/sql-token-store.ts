/** API tokens in the store's `api_tokens` table (migration 0002-api). */
import type { Generated, Kysely } from 'kysely';
import type { Store } from '../../store/index.js';
import { isRole } from './roles.js';
import type { TokenRecord, TokenStore } from './tokens.js';

interface TokenTables {
  api_tokens: { id: string; hash: string; name: string; role: string; created_at: string; last_used_at: string | null; revoked_at: string | null; _?: Generated<never> };
}

type Row = Omit<TokenTables['api_tokens'], '_'>;

function toRecord(r: Row): TokenRecord {
  return { id: r.id, name: r.name, role: isRole(r.role) ? r.role : 'viewer', createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

export class SqlTokenStore implements TokenStore {
  private readonly db: Kysely<TokenTables>;

  constructor(private readonly store: Store) {
    this.db = store.db as unknown as Kysely<TokenTables>;
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('api_tokens').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
  async insert(record: TokenRecord, hash: string): Promise<void> {
    await this.store.write(async (trx) => {
      await (trx as unknown as Kysely<TokenTables>)
        .insertInto('api_tokens')
        .values({ id: record.id, hash, name: record.name, role: record.role, created_at: record.createdAt, last_used_at: record.lastUsedAt, revoked_at: record.revokedAt })
        .execute();
    });
  }
  async findByHash(hash: string): Promise<TokenRecord | null> {
    const r = await this.db.selectFrom('api_tokens').select(['id', 'hash', 'name', 'role', 'created_at', 'last_used_at', 'revoked_at']).where('hash', '=', hash).executeTakeFirst();
    return r ? toRecord(r) : null;
  }
  async list(): Promise<TokenRecord[]> {
    const rows = await this.db.selectFrom('api_tokens').select(['id', 'hash', 'name', 'role', 'created_at', 'last_used_at', 'revoked_at']).orderBy('created_at').execute();
    return rows.map(toRecord);
  }
  async revoke(id: string, at: string): Promise<boolean> {
    return this.store.write(async (trx) => {
      const t = trx as unknown as Kysely<TokenTables>;
      const r = await t.selectFrom('api_tokens').select('revoked_at').where('id', '=', id).executeTakeFirst();
      if (!r) return false;
      if (!r.revoked_at) await t.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
      return true;
    });
  }
  async touch(id: string, at: string): Promise<void> {
    await this.store.write(async (trx) => {
      await (trx as unknown as Kysely<TokenTables>).updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    });
  }
}
