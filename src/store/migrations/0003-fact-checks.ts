/**
 * The fact-check library (src/store/fact-checks): earlier fact-checks that `narrascope match` searches —
 * imported from ClaimReview JSON-LD, CSV/TSV, or the ledger items of analysed rebuttal documents.
 */
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';
import type { Migration } from './types.js';

export const migration: Migration = {
  id: '0003-fact-checks',
  description: 'fact-check library for claim matching',
  async up(db: Kysely<unknown>, caps: Capabilities) {
    await db.schema
      .createTable('fact_checks')
      .addColumn('id', caps.serialType, (c) => c.primaryKey())
      // sha256 of the normalised claim + url (or publisher): re-importing the same fact-check is a no-op.
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('claim', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('rebuttal', 'text')
      .addColumn('verdict', 'text')
      .addColumn('rating', 'text')
      .addColumn('rating_value', caps.realType)
      .addColumn('publisher', 'text')
      .addColumn('url', 'text')
      .addColumn('date_published', 'text')
      .addColumn('claim_author', 'text')
      .addColumn('appearances', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('warnings', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('fact_checks_origin').on('fact_checks').column('origin').execute();
  },
};
