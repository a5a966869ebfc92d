import type { OptionsSchema, OptionValues } from '../config/options.js';
import type { Finding, Severity, Signal } from '../finding/types.js';
import type { Segments, SegmentLayer } from '../segment/types.js';
import type { Document } from '../text/document.js';

export type Cost = 'cheap' | 'model';
export type Stability = 'stable' | 'experimental' | 'deprecated';

/** An example that must produce exactly the stated findings. `text` marks each expected span with ⟦ and ⟧. */
export interface InvalidExample {
  readonly text: string;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number | boolean | null>>;
  readonly options?: Readonly<Record<string, unknown>>;
  /** Language to analyse the example as; defaults to 'en'. */
  readonly language?: string;
}

export interface DetectorMeta {
  /** Stable kebab-case id `family/name`, e.g. `technique/loaded-language`. Never reused. */
  readonly id: string;
  /** Bumped whenever the detector's output on the same text can change. */
  readonly version: string;
  readonly description: string;
  /** Family: structure, ledger, technique, claim, evidence, narrative, entity ... */
  readonly family: string;
  /** Taxonomy references, e.g. `semeval2023:Loaded_Language`, `ptc2020:Loaded_Language`. */
  readonly taxonomy: readonly string[];
  readonly messages: Readonly<Record<string, string>>;
  readonly requires: readonly SegmentLayer[];
  readonly cost: Cost;
  readonly stability: Stability;
  readonly severity: Severity;
  /** Languages the detector is meaningful for (BCP 47 primary tags), or 'any'. */
  readonly languages: readonly string[] | 'any';
  readonly options?: OptionsSchema;
  /** Off unless a preset or the user turns it on. */
  readonly defaultEnabled?: boolean;
  readonly examples: { readonly valid: readonly string[]; readonly invalid: readonly InvalidExample[] };
  /** Longer explanation for `explain`: category, known limits, references. */
  readonly docs?: { readonly category?: string; readonly limits?: string; readonly references?: readonly string[] };
  /** For a removed detector's stub: the id that replaces it. */
  readonly replacedBy?: string;
  /**
   * Detectors whose findings this one gives way to: a finding of this detector that lies within a finding
   * of one of them is dropped, one that starts or ends on such a finding is cut back to the rest. (A label word such as "Myth:" or "Lie:" repeated down a rebuttal page is
   * layout, not the persuasion device a model scoring repeated words would call it.)
   */
  readonly yieldsTo?: readonly string[];
}

/**
 * A memo shared by all detectors and aggregators of one document, so that work several of them need (a
 * model's predictions, an entity index) runs once. Keys are namespaced by the component that computes them.
 */
export interface SharedCache {
  get<T>(key: string, compute: () => T): T;
}

export interface DetectContext {
  readonly document: Document;
  readonly text: string;
  /** Language used for analysis (detected or given). */
  readonly language: string;
  readonly segments: Segments;
  readonly options: OptionValues;
  readonly shared: SharedCache;
  /** Findings of detectors that ran earlier in the pipeline order (for detectors with `after`). */
  readonly earlierFindings: readonly Finding[];
}

export interface Detector {
  readonly meta: DetectorMeta;
  detect(ctx: DetectContext): readonly Signal[] | Promise<readonly Signal[]>;
}
