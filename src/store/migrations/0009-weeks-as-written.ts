/**
 * `documents.published_week` recomputed from the publication day as written (repositories/rows.ts
 * `weekOf`). It was the week of the UTC instant, so a document published "2024-03-03T23:30:00-05:00" (a
 * Sunday) was counted in the week of 4 March, outside a timeline or stats range `to=2024-03-03` that
 * included it, and in another week than the month it was counted in. Only dates with a time can change;
 * they are read and rewritten in batches.
 */
import { sql, type Kysely } from 'kysely';
import { weekOf } from '../repositories/rows.js';
import type { Migration } from './types.js';

const BATCH = 1000;

export const migration: Migration = {
  id: '0009-weeks-as-written',
  description: 'documents.published_week: the ISO week of the publication day as written, not of its UTC instant',
  cost: {
    sqlite: 'reads every document with a publication time and rewrites the week of those whose UTC day differs',
    postgres: 'reads every document with a publication time and rewrites the week of those whose UTC day differs',
  },
  async up(db: Kysely<unknown>) {
    for (let after = 0; ; ) {
      const rows = (
        await sql<{ id: number | string; published_at: string; published_week: string | null }>`
          SELECT id, published_at, published_week FROM documents
          WHERE id > ${after} AND length(published_at) > 10 ORDER BY id LIMIT ${BATCH}`.execute(db)
      ).rows;
      if (!rows.length) return;
      for (const r of rows) {
        const week = weekOf(r.published_at);
        if (week !== r.published_week) await sql`UPDATE documents SET published_week = ${week} WHERE id = ${r.id}`.execute(db);
      }
      after = Number(rows[rows.length - 1]?.id);
    }
  },
};
