/**
 * The migration runner: one code path for both databases. Each pending step runs in its own write
 * transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so two processes opening a fresh
 * store at once apply every step exactly once.
 */
import { sql, type Kysely } from 'kysely';
import type { Capabilities } from './capabilities.js';
import { StoreError } from './errors.js';
import { migrations as builtin, type Migration } from './migrations/index.js';

/** Arbitrary constant: the PostgreSQL advisory lock that serialises migrations. */
const LOCK_KEY = 7_350_112;

export async function migrate(
  db: Kysely<unknown>,
  caps: Capabilities,
  write: <T>(fn: (trx: Kysely<unknown>) => Promise<T>) => Promise<T>,
  migrations: readonly Migration[] = builtin,
  onUpgrade?: (step: { readonly id: string; readonly description: string; readonly cost?: string }) => void,
): Promise<string[]> {
  const known = new Set(migrations.map((m) => m.id));
  const applied: string[] = [];
  // Fast path: nothing to do (no lock taken) when every step is recorded already.
  const done = await appliedIds(db).catch(() => null);
  if (done) {
    const unknown = [...done].filter((id) => !known.has(id));
    if (unknown.length) throw tooNew(unknown);
    if (migrations.every((m) => done.has(m.id))) return applied;
  }
  for (const m of migrations) {
    await write(async (trx) => {
      if (caps.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
      await trx.schema
        .createTable('narrascope_migrations')
        .ifNotExists()
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .execute();
      const ids = await appliedIds(trx);
      const unknown = [...ids].filter((id) => !known.has(id));
      if (unknown.length) throw tooNew(unknown);
      if (ids.has(m.id)) return;
      // An existing store being upgraded (not a new one being created): say what runs, since a step may
      // rewrite a large table while every other process waits.
      const cost = m.cost?.[caps.dialect];
      if (done?.size) onUpgrade?.({ id: m.id, description: m.description, ...(cost ? { cost } : {}) });
      try {
        await m.up(trx, caps);
      } catch (e) {
        throw new StoreError('migration', `schema migration ${m.id} failed: ${(e as Error).message}`, 'This is a bug in Narrascope; the database was left at the previous version.', { cause: e });
      }
      await sql`INSERT INTO narrascope_migrations (id, applied_at) VALUES (${m.id}, ${new Date().toISOString()})`.execute(trx);
      applied.push(m.id);
    });
  }
  return applied;
}

async function appliedIds(db: Kysely<unknown>): Promise<Set<string>> {
  const rows = await sql<{ id: string }>`SELECT id FROM narrascope_migrations`.execute(db);
  return new Set(rows.rows.map((r) => r.id));
}

function tooNew(ids: string[]): StoreError {
  return new StoreError('too-new', `the database has schema steps this version does not know (${ids.join(', ')})`, 'Upgrade Narrascope; an older version must not write into a newer store.');
}
