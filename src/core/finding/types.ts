import type { Span, SpanText } from '../text/span.js';

export type Severity = 'info' | 'warning';

/** A value a detector can attach to a finding or message: kept flat so it serialises and renders simply. */
export type DataValue = string | number | boolean | null;

/** What a finding rests on, in words a person can check: a lexicon hit, a pattern, a model feature. */
export interface Evidence {
  /** lexicon | pattern | feature | model | structure | quote | source ... */
  readonly kind: string;
  /** Short readable description, e.g. `lexicon "infowar"` or `feature word=desperate (+1.3)`. */
  readonly label: string;
  readonly span?: Span;
  readonly weight?: number;
}

/** Another place the finding points at, e.g. the attribution span of a straw-man-risk finding. */
export interface RelatedSpan extends SpanText {
  readonly role: string;
}

/** What a detector returns; the kernel validates it and turns it into a Finding. */
export interface Signal {
  readonly span: Span;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, DataValue>>;
  /** How sure the detector is, in [0, 1]. Not the same thing as severity. */
  readonly confidence: number;
  readonly severity?: Severity;
  readonly evidence?: readonly Evidence[];
  readonly related?: readonly { role: string; span: Span }[];
  /** Taxonomy labels for this particular finding; defaults to the detector's `meta.taxonomy`. */
  readonly taxonomy?: readonly string[];
  /** Optional explanation shown under the message. */
  readonly note?: string;
}

export interface Finding {
  /** Stable within one analysis: `f1`, `f2`, ... in output order. */
  readonly id: string;
  readonly detector: string;
  readonly detectorVersion: string;
  readonly family: string;
  readonly messageId: string;
  readonly message: string;
  readonly span: SpanText;
  readonly confidence: number;
  readonly severity: Severity;
  readonly data: Readonly<Record<string, DataValue>>;
  readonly evidence: readonly Evidence[];
  readonly related: readonly RelatedSpan[];
  readonly taxonomy: readonly string[];
  readonly note?: string;
}
