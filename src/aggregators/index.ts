import type { Aggregator } from '../core/aggregate/types.js';
import { claimsAggregator } from './claims/claims.js';
import { framingAggregator } from './framing/framing.js';
import { ledger } from './ledger/ledger.js';
import { narrativeAggregator } from './narrative/narratives.js';
import { techniqueProfile } from './technique/technique-profile.js';

/** Built-in aggregators in run order: ledger, techniques, claims (which link to both), narratives, entities. */
export const builtinAggregators: readonly Aggregator[] = [ledger, techniqueProfile, claimsAggregator, narrativeAggregator, framingAggregator];
