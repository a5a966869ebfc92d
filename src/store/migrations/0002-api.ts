/**
 * Tables of the HTTP API (src/server): API tokens (only the SHA-256 of each secret is kept) and analysts'
 * confirmations of ledger items (a verdict an analyst stands behind, exported as ClaimReview).
 */
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';
import type { Migration } from './types.js';

export const migration: Migration = {
  id: '0002-api',
  description: 'API tokens (hashed) and analyst confirmations of ledger items',
  async up(db: Kysely<unknown>, caps: Capabilities) {
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createTable('ledger_confirmations')
      .addColumn('id', caps.serialType, (c) => c.primaryKey())
      .addColumn('document_hash', 'text', (c) => c.notNull())
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('verdict', 'text', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ledger_confirmations_document').on('ledger_confirmations').column('document_hash').execute();
  },
};
