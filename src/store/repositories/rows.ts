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

/** Monday (YYYY-MM-DD, UTC) of the ISO week containing `date`, or null when it is not a date. */
export function weekOf(date: string | null | undefined): string | null {
  if (!date) return null;
  const t = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day);
  return d.toISOString().slice(0, 10);
}
