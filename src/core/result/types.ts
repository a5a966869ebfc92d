import type { DataValue, Finding } from '../finding/types.js';
import type { SpanText } from '../text/span.js';

export const RESULT_SCHEMA_VERSION = '1.0.0';

/** Something a rebuttal or claim rests on: a link, a named source, a quotation with its speaker, a number ... */
export interface EvidenceItem {
  /** link | source | institution | quote | number | date | document | statistic */
  readonly kind: string;
  readonly span: SpanText;
  /** For quotes: who is quoted, when the text says it. */
  readonly speaker?: SpanText | null;
  /** Normalised value, e.g. the URL or the ISO date. */
  readonly value?: string;
}

export type VerdictLabel = 'false' | 'misleading' | 'partly-false' | 'missing-context' | 'unproven' | 'true' | 'mixed' | 'other';

export interface Verdict {
  /** Normalised rating. */
  readonly label: VerdictLabel;
  /** The word the document itself uses ("Lie", "Fake", "Myth", "Four Pinocchios"). */
  readonly original: SpanText;
}

/** One countered claim of a rebuttal-format document (the ledger of DESIGN.md §1). */
export interface LedgerItem {
  readonly id: string;
  /** The document's own numbering ("3" for "3. Lie: ..."), or null. */
  readonly index: string | null;
  /** Which layout was recognised, e.g. `lie-motive-truth`, `myth-fact`, `question-answer`. */
  readonly format: string;
  readonly claim: SpanText | null;
  readonly attributedTo: SpanText | null;
  /** Whether the attribution is stated in the item or once for the whole document. */
  readonly attributionScope: 'item' | 'document' | null;
  readonly motive: SpanText | null;
  readonly rebuttal: SpanText | null;
  readonly verdict: Verdict | null;
  readonly evidence: readonly EvidenceItem[];
  /** One line, e.g. "no source cited" or "2 links, 1 named source". */
  readonly evidenceSummary: string;
  /** True when a part is missing (a claim without its rebuttal because the text is cut). */
  readonly partial: boolean;
  /** Observations about the item: `future-claim` (about what will be said), `motive-claim`, ... */
  readonly flags: readonly string[];
  /** The whole item in the text. */
  readonly span: SpanText;
  /** Ids of findings the item rests on (label words, headings). */
  readonly findingIds: readonly string[];
}

export interface LedgerSummary {
  readonly items: number;
  readonly citingSource: number;
  readonly partial: number;
  /** e.g. "10 rebuttals, 0 cite a source". */
  readonly text: string;
}

export type ClaimType = 'statistic' | 'event' | 'causal' | 'intent' | 'prediction' | 'quote' | 'opinion' | 'other';

export interface Claim {
  readonly id: string;
  readonly span: SpanText;
  readonly type: ClaimType;
  readonly speaker: SpanText | null;
  readonly hasSource: boolean;
  readonly sources: readonly EvidenceItem[];
  /** Check-worthiness in [0, 1]; claims are listed best first. */
  readonly checkWorthiness: number;
  readonly ledgerItemIds: readonly string[];
  readonly findingIds: readonly string[];
}

export interface NarrativeSupport {
  readonly span: SpanText;
  readonly score: number;
  readonly cues?: readonly string[];
}

export interface NarrativeLabel {
  /** Taxonomy id, e.g. `semeval2025`, `infowar`, or a user taxonomy's id. */
  readonly taxonomy: string;
  /** Full label path, e.g. `URW: Discrediting the West, Diplomacy` or `URW: ...: sub-narrative`. */
  readonly label: string;
  readonly level: 'coarse' | 'fine';
  readonly score: number;
  /** Block indices (paragraphs) that support the label. */
  readonly paragraphs: readonly number[];
  readonly support: readonly NarrativeSupport[];
}

export interface EntityMention extends SpanText {
  readonly role?: { readonly main: string; readonly fine: readonly string[]; readonly confidence: number };
}

export interface EntityFraming {
  readonly id: string;
  readonly name: string;
  /** person | organisation | country | place | group | media | other */
  readonly type: string;
  readonly mentions: readonly EntityMention[];
  /** Main role of the entity in the document as a whole, when the text casts one. */
  readonly mainRole: string | null;
  readonly fineRoles: readonly string[];
  readonly confidence: number;
  readonly support: readonly SpanText[];
}

export interface TechniqueProfileEntry {
  readonly technique: string;
  readonly count: number;
  /** Findings per 1,000 words. */
  readonly density: number;
}

export interface ParagraphTechniques {
  readonly block: number;
  readonly techniques: readonly string[];
}

export interface TechniqueSummary {
  readonly profile: readonly TechniqueProfileEntry[];
  readonly paragraphs: readonly ParagraphTechniques[];
  readonly words: number;
}

export interface AnalysisResult {
  readonly schemaVersion: string;
  readonly document: {
    readonly id: string;
    readonly title: string | null;
    readonly language: string;
    readonly languageConfidence: number | null;
    readonly source: Readonly<Record<string, string>>;
    readonly length: number;
    readonly hash: string;
    /** The normalised text all spans point into; omitted only when the caller asks for a compact result. */
    readonly text?: string;
  };
  readonly rebuttals: readonly LedgerItem[];
  readonly rebuttalSummary: LedgerSummary;
  readonly findings: readonly Finding[];
  readonly claims: readonly Claim[];
  readonly narratives: readonly NarrativeLabel[];
  readonly entities: readonly EntityFraming[];
  readonly techniques: TechniqueSummary;
  readonly warnings: readonly string[];
  readonly stats: {
    readonly totalMs: number;
    readonly segmentMs: number;
    readonly detectors: Readonly<Record<string, number>>;
    readonly aggregators: Readonly<Record<string, number>>;
    readonly counts: Readonly<Record<string, DataValue>>;
  };
  readonly meta: {
    readonly tool: string;
    readonly toolVersion: string;
    readonly detectors: readonly { readonly id: string; readonly version: string }[];
    readonly aggregators: readonly { readonly id: string; readonly version: string }[];
    readonly configHash: string;
  };
}
