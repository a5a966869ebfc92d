/**
 * Analysis results stored compressed (src/store/result-codec.ts): a new column `analyses.result_packed`
 * holds the Brotli-compressed result JSON, and `result_json` of such rows is the empty string. Rows written
 * before this step keep their plain `result_json` and `result_packed` NULL; readers take whichever is set
 * (`getAnalysis`), so no existing row has to be rewritten.
 */
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';
import type { Migration } from './types.js';

export const migration: Migration = {
  id: '0006-packed-results',
  description: 'analyses.result_packed: the analysis result JSON compressed (Brotli), result_json left empty for such rows',
  async up(db: Kysely<unknown>, caps: Capabilities) {
    await db.schema.alterTable('analyses').addColumn('result_packed', caps.binaryType).execute();
  },
};
