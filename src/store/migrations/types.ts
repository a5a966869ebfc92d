import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

/**
 * One forward-only schema step. `id` is `NNNN-short-name` (four digits, then kebab-case); steps run in
 * the order of the list in `migrations/index.ts`, each in its own transaction, once per database.
 * A step must never be edited after it is committed: add a new one instead.
 */
export interface Migration {
  readonly id: string;
  readonly description: string;
  /** For a step that takes long on a large store (a table rewrite): what it costs, per database, told before it runs. */
  readonly cost?: Partial<Record<Capabilities['dialect'], string>>;
  up(db: Kysely<unknown>, caps: Capabilities): Promise<void>;
}
