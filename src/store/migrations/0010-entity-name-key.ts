/**
 * `entities.name_key`: the entity name case-folded in JavaScript (casefold.ts), with an index, for the
 * search's entity filter. That filter compared `lower(name)`, and SQLite's lower() folds ASCII only, so
 * on the default store "київ" did not find "Київ" nor "élysée" "ÉLYSÉE", where PostgreSQL's lower() found
 * them (in a UTF-8 database; under the C locale it folds ASCII only too). A key computed by the same
 * function on every store, written with each entity row (repositories/prepared-analysis.ts), compares
 * alike on both and keeps the look-up indexed. Existing rows are keyed here, in batches.
 */
import { sql, type Kysely } from 'kysely';
import { entityNameKey } from '../casefold.js';
import type { Migration } from './types.js';

const BATCH = 1000;

export const migration: Migration = {
  id: '0010-entity-name-key',
  description: 'entities.name_key: the entity name case-folded for every script, indexed, for the entity filter',
  cost: {
    sqlite: 'reads and rewrites every entity row once (about 30 per stored document)',
    postgres: 'reads and rewrites every entity row once (about 30 per stored document)',
  },
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('entities').addColumn('name_key', 'text').execute();
    for (let after = 0; ; ) {
      const rows = (
        await sql<{ id: number | string; name: string }>`
          SELECT id, name FROM entities WHERE id > ${after} ORDER BY id LIMIT ${BATCH}`.execute(db)
      ).rows;
      if (!rows.length) break;
      for (const r of rows) await sql`UPDATE entities SET name_key = ${entityNameKey(r.name)} WHERE id = ${r.id}`.execute(db);
      after = Number(rows[rows.length - 1]?.id);
    }
    await sql`CREATE INDEX entities_name_key ON entities (name_key, document_id)`.execute(db);
  },
};
