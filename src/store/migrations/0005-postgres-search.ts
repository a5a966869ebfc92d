/**
 * PostgreSQL search performance (src/corpus/search-postgres.ts); SQLite needs neither step.
 *
 * - Keep the `documents` heap compact: `text` and `tsv` go out of line (TOAST) as soon as a row passes 256
 *   bytes instead of the default 2 kB. Search maps each GIN match to its document id through the heap; with
 *   the text and the tsvector inline (≈1.4 kB per synthetic document) the heap of 100,000 documents was
 *   137 MB, more than the default shared_buffers, and a word's matches cost one uncached page read each
 *   (0.3 s for 11,000 matches); laid out this way it is 14 MB. Only rows written after this step are laid
 *   out this way: rewriting every document on open would stall a large store; docs/corpus.md gives the
 *   one-off statement.
 * - The narrative filter matches a coarse label's sub-narratives with `label LIKE 'coarse:%'`, which a
 *   plain index serves only under the C collation; `text_pattern_ops` serves it under any.
 * - Search without words lists newest publication date first with undated documents last; PostgreSQL sorts
 *   NULL first in a descending order unless told `NULLS LAST`, which the ascending `documents_published`
 *   index cannot serve.
 */
import { sql, type Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';
import type { Migration } from './types.js';

export const migration: Migration = {
  id: '0005-postgres-search',
  description: 'PostgreSQL: documents text and tsvector stored out of line (toast_tuple_target 256), narrative-label prefix index, newest-first date index',
  async up(db: Kysely<unknown>, caps: Capabilities) {
    if (caps.dialect !== 'postgres') return;
    await sql`ALTER TABLE documents SET (toast_tuple_target = 256)`.execute(db);
    await sql`CREATE INDEX narratives_label_prefix ON narratives (label text_pattern_ops, document_id)`.execute(db);
    await sql`CREATE INDEX documents_published_desc ON documents (published_at DESC NULLS LAST, id DESC)`.execute(db);
  },
};
