/**
 * Which store a command opens: `--db` when given, else `$NARRASCOPE_DB` (empty counts as unset), else
 * ./narrascope.db; a file path is resolved against the working directory, a PostgreSQL URL kept as is.
 */
import { resolve } from 'node:path';
import { isPostgresUrl, isStoreError, parsePostgresUrl } from '../store/index.js';
import type { CliIO } from './command.js';
import { UserError } from './errors.js';

export function storeLocation(db: string | undefined, io: Pick<CliIO, 'cwd' | 'env'>): string {
  // An empty --db (an unset shell variable: --db "$DB") resolved to the working directory and failed as a
  // store error, "is a directory" (exit 4); it is a usage error.
  if (db !== undefined && db.trim() === '') throw new UserError('--db is empty', 'Give a SQLite file or a postgres:// URL, or leave out --db for ./narrascope.db (or $NARRASCOPE_DB).');
  const chosen = db ?? (io.env.NARRASCOPE_DB || 'narrascope.db');
  if (!isPostgresUrl(chosen)) return resolve(io.cwd, chosen);
  // A URL that does not parse or names a schema Narrascope cannot use (?schema=bad-name;drop, pg_x) is
  // the user's to fix: exit 2 before connecting (it was a store error, exit 4, or an internal error).
  try {
    parsePostgresUrl(chosen);
  } catch (e) {
    if (!isStoreError(e)) throw e;
    const from = db !== undefined ? '--db' : '$NARRASCOPE_DB';
    throw new UserError(`${from}: ${e.message}`, e.hint);
  }
  return chosen;
}
