/**
 * How the corpus commands open their store: --db, $NARRASCOPE_DB or ./narrascope.db (store-location.ts),
 * with store problems as exit code 4. Kept apart from the ingest command so that `search`, `stats`,
 * `clusters`, `watch` and `export --corpus` do not load the analysis pipeline, its models and the input
 * readers just to open a database (that made `narrascope search` take over a second to start).
 */
import { isStoreError, openStore, type Store } from '../store/index.js';
import type { CliIO, ParsedArgs } from './command.js';
import { UserError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { refuseOutputOverStore } from './output-target.js';
import { storeLocation } from './store-location.js';
import { storeUpgradeNotice } from './store-upgrade-notice.js';

export const DB_HELP = '--db PATH|URL     SQLite file or postgres://user@host/db[?schema=name] (default ./narrascope.db, or $NARRASCOPE_DB)';

function str(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** Opens the store named by --db / NARRASCOPE_DB; store problems become exit code 4. */
export async function openCliStore(args: ParsedArgs, io: CliIO, create: boolean): Promise<Store> {
  const location = storeLocation(str(args, 'db'), io);
  await refuseOutputOverStore(str(args, 'out'), location, io.cwd);
  try {
    return await openStore(location, { create, onUpgrade: storeUpgradeNotice(io) });
  } catch (e) {
    if (isStoreError(e)) throw new UserError(e.message, e.hint ?? (e.kind === 'missing' ? 'Ingest documents first with `narrascope ingest`, or pass --db.' : undefined), ExitCode.store);
    throw e;
  }
}

/** Runs `fn` with the store and always closes it; store errors during the run become exit code 4. */
export async function withStore<T>(args: ParsedArgs, io: CliIO, create: boolean, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCliStore(args, io, create);
  try {
    return await fn(store);
  } catch (e) {
    if (isStoreError(e)) throw new UserError(e.message, e.hint, ExitCode.store);
    throw e;
  } finally {
    await store.close();
  }
}
