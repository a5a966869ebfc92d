/** Small helpers shared by the repositories. */
import type { Kysely } from 'kysely';
import type { StoreSchema } from '../schema.js';

export type Db = Kysely<StoreSchema>;

/** Rows per multi-row INSERT: keeps below SQLite's 32,766 bound parameters for any of our tables. */
export const CHUNK = 400;

export function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** PostgreSQL returns COUNT and bigint as strings. */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v ?? 0);
}

export function nowIso(): string {
  return new Date().toISOString();
}

/**
 * Monday (YYYY-MM-DD) of the ISO week of the day `date` names as written, or null when it is not a date:
 * "2024-03-03T23:30:00-05:00" is Sunday 3 March (the week of 26 February), though it is 4 March in UTC.
 * Months, years and the from/to filters read the date as written; weeks were taken from the UTC instant,
 * so such a document was counted in a week the filters put it outside of, and in another week than its
 * month's (migration 0009 recomputes the stored weeks).
 */
export function weekOf(date: string | null | undefined): string | null {
  if (!date) return null;
  const written = /^\d{4}-\d{2}-\d{2}/u.exec(date)?.[0];
  const t = Date.parse(written ? `${written}T00:00:00Z` : date);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day);
  return d.toISOString().slice(0, 10);
}
