/**
 * Table types of the store, as Kysely sees them. Columns are portable across SQLite and PostgreSQL:
 * integers for ids and booleans (0/1), text for ISO dates and JSON. A migration that adds a table also adds
 * its interface here (or in its own module: `Kysely<StoreSchema & MyTables>` via `store.db.withTables<...>()`).
 */
import type { Generated } from 'kysely';

export interface MigrationRow {
  id: string;
  applied_at: string;
}

export interface OutletRow {
  id: Generated<number>;
  name: string;
}

/** One document, keyed by the sha256 of its normalised text. */
export interface DocumentRow {
  id: Generated<number>;
  /** sha256 of the normalised text (hex): the identity of a document. */
  hash: string;
  title: string | null;
  text: string;
  language: string | null;
  outlet_id: number | null;
  author: string | null;
  url: string | null;
  /** ISO 8601 date or date-time, as given by the source. */
  published_at: string | null;
  /** Monday (YYYY-MM-DD) of the ISO week of published_at, for outlet × week statistics. */
  published_week: string | null;
  source_kind: string;
  /** JSON of the DocumentSource. */
  source_json: string;
  length: number;
  /** MinHash signature for near-duplicate clustering (base64 of little-endian uint32s), or null. */
  minhash: string | null;
  current_analysis_id: number | null;
  ingested_at: string;
}

export interface AnalysisRow {
  id: Generated<number>;
  document_id: number;
  tool_version: string;
  config_hash: string;
  /** JSON: [{id, version}] of detectors and aggregators used. */
  versions_json: string;
  /**
   * The full AnalysisResult JSON (DESIGN.md §3), without the document text (it is in documents.text) — or
   * the empty string when the result is in `result_packed` (every row written since migration 0006).
   */
  result_json: string;
  /** The same JSON compressed (src/store/result-codec.ts); NULL in rows written before migration 0006. */
  result_packed: Uint8Array | null;
  total_ms: number;
  created_at: string;
}

export interface FindingRow {
  id: Generated<number>;
  document_id: number;
  analysis_id: number;
  finding_key: string;
  detector: string;
  detector_version: string;
  message_id: string;
  start_offset: number;
  end_offset: number;
  quote: string;
  confidence: number;
  severity: string;
  taxonomy_json: string;
}

export interface LedgerItemRow {
  id: Generated<number>;
  document_id: number;
  analysis_id: number;
  item_key: string;
  item_index: string | null;
  format: string;
  claim: string | null;
  claim_start: number | null;
  claim_end: number | null;
  attributed_to: string | null;
  motive: string | null;
  rebuttal: string | null;
  verdict: string | null;
  verdict_original: string | null;
  evidence_count: number;
  evidence_summary: string;
  partial: number;
  flags_json: string;
}

export interface ClaimRow {
  id: Generated<number>;
  document_id: number;
  analysis_id: number;
  claim_key: string;
  text: string;
  start_offset: number;
  end_offset: number;
  type: string;
  speaker: string | null;
  has_source: number;
  check_worthiness: number;
}

export interface NarrativeRow {
  id: Generated<number>;
  document_id: number;
  analysis_id: number;
  taxonomy: string;
  label: string;
  level: string;
  score: number;
}

export interface EntityRow {
  id: Generated<number>;
  document_id: number;
  analysis_id: number;
  entity_key: string;
  name: string;
  type: string;
  main_role: string | null;
  fine_roles_json: string;
  mentions: number;
  /** The name case-folded (casefold.ts `entityNameKey`), for the entity filter; null only in rows written by hand. */
  name_key: string | null;
}

/** Techniques per document (from the technique profile, else from findings' taxonomy labels). */
export interface DocumentTechniqueRow {
  document_id: number;
  technique: string;
  count: number;
}

export interface ClusterRow {
  id: Generated<number>;
  /** near-duplicate | same-claim */
  kind: string;
  size: number;
  first_seen: string | null;
  last_seen: string | null;
  outlets: number;
  /** Representative text (a title or claim), for listing. */
  label: string;
  created_at: string;
}

export interface ClusterMemberRow {
  cluster_id: number;
  document_id: number;
  /** For same-claim clusters: the claim row (claims.id or ledger item), else null. */
  item_ref: string | null;
  text: string | null;
  /** Estimated similarity to the cluster's first member. */
  similarity: number;
}

/** The highest id ever issued for a table whose ids are public (migration 0008): `clusters`. */
export interface IdCounterRow {
  name: string;
  value: number;
}

/** An analyst's judgement that a finding is wrong; anchored so it survives re-analysis. */
export interface DismissalRow {
  id: Generated<number>;
  document_hash: string;
  detector: string;
  message_id: string | null;
  quote: string;
  start_offset: number;
  end_offset: number;
  author: string;
  reason: string;
  created_at: string;
}

/** A document (or a record of a batch file) that could not be read, analysed or stored. */
export interface FailureRow {
  id: Generated<number>;
  /** file path (with :line for batch records) or URL */
  source: string;
  /** read | analyse | store */
  stage: string;
  hash: string | null;
  error: string;
  created_at: string;
}

export interface WatchEntryRow {
  id: Generated<number>;
  text: string;
  /** typed | ledger */
  origin: string;
  origin_document_id: number | null;
  origin_item_key: string | null;
  note: string | null;
  created_at: string;
}

export interface WatchMatchRow {
  id: Generated<number>;
  watch_id: number;
  document_id: number;
  matched_text: string;
  start_offset: number;
  end_offset: number;
  score: number;
  found_at: string;
}

/** A claim asserted in one document and countered in another's ledger (read both ways). */
export interface CounterLinkRow {
  id: Generated<number>;
  asserted_document_id: number;
  asserted_text: string;
  asserted_start: number;
  asserted_end: number;
  countering_document_id: number;
  ledger_item_id: number;
  score: number;
  created_at: string;
}

export interface StoreSchema {
  narrascope_migrations: MigrationRow;
  outlets: OutletRow;
  documents: DocumentRow;
  analyses: AnalysisRow;
  findings: FindingRow;
  ledger_items: LedgerItemRow;
  claims: ClaimRow;
  narratives: NarrativeRow;
  entities: EntityRow;
  document_techniques: DocumentTechniqueRow;
  clusters: ClusterRow;
  cluster_members: ClusterMemberRow;
  id_counters: IdCounterRow;
  dismissals: DismissalRow;
  failures: FailureRow;
  watch_entries: WatchEntryRow;
  watch_matches: WatchMatchRow;
  counter_links: CounterLinkRow;
}
