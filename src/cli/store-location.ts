/**
 * Which store a command opens: `--db` when given, else `$NARRASCOPE_DB` (empty counts as unset), else
 * ./narrascope.db; a file path is resolved against the working directory, a PostgreSQL URL kept as is.
 */
import { resolve } from 'node:path';
import { isPostgresUrl } from '../store/index.js';
import type { CliIO } from './command.js';

export function storeLocation(db: string | undefined, io: Pick<CliIO, 'cwd' | 'env'>): string {
  const chosen = db ?? (io.env.NARRASCOPE_DB || 'narrascope.db');
  return isPostgresUrl(chosen) ? chosen : resolve(io.cwd, chosen);
}
