/**
 * The highest id ever issued for tables whose ids are public and must never name something else later.
 *
 * Cluster ids appear in links (`/clusters/42` in the web app, `GET /api/clusters/42`). Clusters are
 * recomputed as a whole, and SQLite's plain integer keys hand out max(id) + 1, so after a recompute or a
 * deletion a new cluster could take the id of an old one and a shared link would silently show another
 * cluster. `id_counters` keeps the high-water mark; clusters.ts issues ids above it.
 */
import { sql, type Kysely } from 'kysely';
import type { Migration } from './types.js';

export const migration: Migration = {
  id: '0008-id-counters',
  description:
    'id_counters: the highest cluster id ever issued, so a recomputed cluster never takes an old id',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('id_counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    await sql`INSERT INTO id_counters (name, value) SELECT 'clusters', coalesce(max(id), 0) FROM clusters`.execute(
      db,
    );
  },
};
