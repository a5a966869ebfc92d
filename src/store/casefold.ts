/**
 * Case-insensitive "contains" for plain-text filters (the API's ledger and claim `q`), the same on both
 * stores. SQLite's lower() and LIKE fold only ASCII letters, so on the default store "польша" did not find
 * "ПОЛЬША" (nor "straße" "STRASSE"-like capitals, nor "ЇЖАК" "їжак") where PostgreSQL's lower() found them.
 * SQLite connections get CASEFOLD_FUNCTION, JavaScript's Unicode lower case; PostgreSQL keeps its lower().
 */
import type Database from 'better-sqlite3';

/** The SQL function name registered on every SQLite connection of a store. */
export const CASEFOLD_FUNCTION = 'narrascope_lower';

/**
 * Unicode lower case. İ (capital I with dot) becomes a plain i, as PostgreSQL's lower() makes it, not
 * JavaScript's i + combining dot, which "istanbul" would not find.
 */
export function casefold(text: string): string {
  return text.replace(/\u0130/gu, 'i').toLowerCase();
}

/**
 * The stored key of an entity name (`entities.name_key`, migration 0010), and what the entity filter
 * compares with it: `casefold` of the name, the same on both stores.
 */
export function entityNameKey(name: string): string {
  return casefold(name);
}

/** Registers CASEFOLD_FUNCTION on `sqlite`: deterministic, NULL and non-text values passed through. */
export function registerCasefold(sqlite: Database.Database): void {
  sqlite.function(CASEFOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? casefold(value) : value,
  );
}
