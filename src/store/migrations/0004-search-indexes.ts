/**
 * Indexes for corpus search: the entity filter compares names case-insensitively (`lower(name)`), which
 * the plain `entities_name` index cannot serve.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from './types.js';

export const migration: Migration = {
  id: '0004-search-indexes',
  description: 'case-insensitive entity-name index for search filters',
  async up(db: Kysely<unknown>) {
    await sql`CREATE INDEX entities_lower_name ON entities (lower(name), document_id)`.execute(db);
  },
};
