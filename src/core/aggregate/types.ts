import type { OptionsSchema, OptionValues } from '../config/options.js';
import type { SharedCache } from '../detect/types.js';
import type { Finding, Signal } from '../finding/types.js';
import type { Claim, EntityFraming, LedgerItem, NarrativeLabel, TechniqueSummary } from '../result/types.js';
import type { Segments } from '../segment/types.js';
import type { Document } from '../text/document.js';

export interface AggregatorMeta {
  readonly id: string;
  readonly version: string;
  readonly description: string;
  readonly produces: readonly ('rebuttals' | 'claims' | 'narratives' | 'entities' | 'techniques' | 'findings')[];
  readonly options?: OptionsSchema;
  /** Messages for findings the aggregator itself emits (document-level observations). */
  readonly messages?: Readonly<Record<string, string>>;
  readonly family?: string;
  readonly taxonomy?: readonly string[];
}

/** What aggregators have produced so far; each aggregator sees the output of those before it. */
export interface PartialResult {
  rebuttals: LedgerItem[];
  claims: Claim[];
  narratives: NarrativeLabel[];
  entities: EntityFraming[];
  techniques: TechniqueSummary | null;
  warnings: string[];
}

export interface AggregateContext {
  readonly document: Document;
  readonly text: string;
  readonly language: string;
  readonly segments: Segments;
  readonly findings: readonly Finding[];
  readonly options: OptionValues;
  readonly shared: SharedCache;
  readonly partial: Readonly<PartialResult>;
}

export interface AggregateOutput {
  readonly rebuttals?: readonly LedgerItem[];
  readonly claims?: readonly Claim[];
  readonly narratives?: readonly NarrativeLabel[];
  readonly entities?: readonly EntityFraming[];
  readonly techniques?: TechniqueSummary;
  /** Document-level observations; validated like detector signals against `meta.messages`. */
  readonly signals?: readonly Signal[];
  readonly warnings?: readonly string[];
}

export interface Aggregator {
  readonly meta: AggregatorMeta;
  aggregate(ctx: AggregateContext): AggregateOutput | Promise<AggregateOutput>;
}
