import type { ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';

/**
 * The largest count or id an option accepts: PostgreSQL's `integer`. A larger value (`--limit
 * 99999999999999999999`) reached the database and came back as an internal error — "value out of range
 * for type integer/bigint" on PostgreSQL, "datatype mismatch" from SQLite for a value past 2^63 — where
 * it is a typo, and no corpus holds that many documents, clusters or watch entries.
 */
export const MAX_COUNT = 2_147_483_647;

/** A whole-number option (`--limit`, `--offset`, `--top` ...) from `min` to MAX_COUNT, or `dflt` when absent. */
export function countOption(args: ParsedArgs, name: string, dflt: number, min = 0): number {
  const v = args.values[name];
  if (v === undefined) return dflt;
  const text = String(v).trim();
  // Number('') is 0 and Number('1e3') 1000: only digits are a count.
  const n = /^\d+$/u.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > MAX_COUNT)
    throw new UserError(`--${name} must be a whole number from ${min} to ${MAX_COUNT}, got "${String(v)}"`);
  return n;
}
