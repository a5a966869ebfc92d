import type { Aggregator } from '../core/aggregate/types.js';
import { ledger } from './ledger/ledger.js';
import { narrativeAggregator } from './narrative/narratives.js';

/** Built-in aggregators in run order: ledger, techniques, claims (which link to both), narratives, entities. */
export const builtinAggregators: readonly Aggregator[] = [ledger, narrativeAggregator];
