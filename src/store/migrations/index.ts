/**
 * Every migration, in order. To change the schema add `NNNN-short-name.ts` beside this file (next free
 * number) exporting `migration: Migration`, and append it here. Never edit or reorder a committed step.
 */
import { migration as core } from './0001-core.js';
import { migration as api } from './0002-api.js';
import { migration as factChecks } from './0003-fact-checks.js';
import { migration as searchIndexes } from './0004-search-indexes.js';
import { migration as postgresSearch } from './0005-postgres-search.js';
import { migration as packedResults } from './0006-packed-results.js';
import { migration as phrasePairs } from './0007-phrase-pairs.js';
import { migration as idCounters } from './0008-id-counters.js';
import { migration as weeksAsWritten } from './0009-weeks-as-written.js';
import { migration as entityNameKey } from './0010-entity-name-key.js';
import type { Migration } from './types.js';

export const migrations: readonly Migration[] = [core, api, factChecks, searchIndexes, postgresSearch, packedResults, phrasePairs, idCounters, weeksAsWritten, entityNameKey];
export type { Migration } from './types.js';
