/**
 * An analysis result in the form the store writes it: the compressed result JSON, the analysis row's
 * fields and every derived row as an array of values. `prepareAnalysis` is pure, so an ingest worker
 * thread runs it next to the analysis and posts the outcome (a few small arrays, cheap to copy between
 * threads); the writing thread then never parses the ≈ 80 KB result JSON of a news article nor builds its
 * object graph, which was most of its work besides SQLite's own.
 */
import type { AnalysisResult } from '../../core/result/types.js';
import { entityNameKey } from '../casefold.js';
import { jsonBytes, packResultJson } from '../result-codec.js';

export type DerivedTable = 'findings' | 'ledger_items' | 'claims' | 'narratives' | 'entities';

/** The columns of each derived table after `document_id` and `analysis_id`, in the order rows give them. */
export const DERIVED_COLUMNS: Readonly<Record<DerivedTable, readonly string[]>> = {
  findings: ['finding_key', 'detector', 'detector_version', 'message_id', 'start_offset', 'end_offset', 'quote', 'confidence', 'severity', 'taxonomy_json'],
  ledger_items: ['item_key', 'item_index', 'format', 'claim', 'claim_start', 'claim_end', 'attributed_to', 'motive', 'rebuttal', 'verdict', 'verdict_original', 'evidence_count', 'evidence_summary', 'partial', 'flags_json'],
  claims: ['claim_key', 'text', 'start_offset', 'end_offset', 'type', 'speaker', 'has_source', 'check_worthiness'],
  narratives: ['taxonomy', 'label', 'level', 'score'],
  entities: ['entity_key', 'name', 'type', 'main_role', 'fine_roles_json', 'mentions', 'name_key'],
};

export type Row = readonly unknown[];

export interface PreparedAnalysis {
  readonly kind: 'prepared';
  /** From the result's document: used when the Document itself has none. */
  readonly title: string | null;
  readonly language: string | null;
  readonly toolVersion: string;
  readonly configHash: string;
  readonly versionsJson: string;
  readonly totalMs: number;
  /** The result JSON without the document text, compressed (result-codec.ts). */
  readonly packed: Uint8Array;
  readonly rows: Readonly<Record<DerivedTable, readonly Row[]>>;
  /** Technique name → count (see techniquesOf). */
  readonly techniques: readonly (readonly [string, number])[];
}

export function isPreparedAnalysis(x: AnalysisResult | PreparedAnalysis): x is PreparedAnalysis {
  return (x as PreparedAnalysis).kind === 'prepared';
}

/** Technique names of a result: its technique profile, else the `semeval2023:` labels of its findings. */
export function techniquesOf(result: AnalysisResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of result.techniques.profile) out.set(p.technique, p.count);
  if (out.size === 0) {
    for (const f of result.findings) {
      for (const t of f.taxonomy) {
        if (t.startsWith('semeval2023:')) {
          const name = t.slice('semeval2023:'.length);
          out.set(name, (out.get(name) ?? 0) + 1);
        }
      }
    }
  }
  return out;
}

export interface PrepareOptions {
  /** The result already serialised as JSON without the document text (as a worker thread has it). */
  readonly resultJson?: string;
  /** That JSON already compressed with `packResultJson`. */
  readonly resultPacked?: Uint8Array;
}

/** The stored form of a result: its JSON without the document text, compressed. */
function packedResult(result: AnalysisResult, options: PrepareOptions): Uint8Array {
  // A caller's JSON or packed bytes describe `result` only when the result carries no text (the worker
  // path analyses with includeText: false); otherwise the text must be left out here.
  if (result.document.text === undefined) {
    if (options.resultPacked !== undefined) return options.resultPacked;
    if (options.resultJson !== undefined) return packResultJson(options.resultJson);
    return packResultJson(jsonBytes(result));
  }
  return packResultJson(jsonBytes({ ...result, document: { ...result.document, text: undefined } }));
}

// Values that may be missing become null: SQLite cannot bind `undefined`.
export function prepareAnalysis(result: AnalysisResult, options: PrepareOptions = {}): PreparedAnalysis {
  return {
    kind: 'prepared',
    title: result.document.title ?? null,
    language: result.document.language ?? null,
    toolVersion: result.meta.toolVersion,
    configHash: result.meta.configHash,
    versionsJson: JSON.stringify({ detectors: result.meta.detectors, aggregators: result.meta.aggregators }),
    totalMs: result.stats.totalMs,
    packed: packedResult(result, options),
    rows: {
      findings: result.findings.map((f) => [f.id, f.detector, f.detectorVersion, f.messageId, f.span.start, f.span.end, f.span.text, f.confidence, f.severity, JSON.stringify(f.taxonomy)]),
      ledger_items: result.rebuttals.map((r) => [
        r.id,
        r.index ?? null,
        r.format,
        r.claim?.text ?? null,
        r.claim?.start ?? null,
        r.claim?.end ?? null,
        r.attributedTo?.text ?? null,
        r.motive?.text ?? null,
        r.rebuttal?.text ?? null,
        r.verdict?.label ?? null,
        r.verdict?.original.text ?? null,
        r.evidence.length,
        r.evidenceSummary,
        r.partial ? 1 : 0,
        JSON.stringify(r.flags),
      ]),
      claims: result.claims.map((c) => [c.id, c.span.text, c.span.start, c.span.end, c.type, c.speaker?.text ?? null, c.hasSource ? 1 : 0, c.checkWorthiness]),
      narratives: storedNarratives(result.narratives).map((n) => [n.taxonomy, n.label, n.level, n.score]),
      entities: result.entities.map((e) => [e.id, e.name, e.type, e.mainRole ?? null, JSON.stringify(e.fineRoles), e.mentions.length, entityNameKey(e.name)]),
    },
    techniques: [...techniquesOf(result)],
  };
}

/**
 * The narrative rows of a document. In one analysis each taxonomy answers for itself, so a document can be
 * `Other` in one (nothing of the infowar storylines) and labelled by another (a SemEval-2025 narrative). The
 * store's facets, filters and stats count labels across taxonomies, where that `Other` would say the
 * opposite of the labels beside it: there `Other` means that no taxonomy found a narrative, and a labelled
 * document keeps its labels only. (A coarse label's `X: Other` sub-narrative is a label and stays.)
 */
function storedNarratives(narratives: AnalysisResult['narratives']): AnalysisResult['narratives'] {
  return narratives.some((n) => n.label !== OTHER) ? narratives.filter((n) => n.label !== OTHER) : narratives;
}

const OTHER = 'Other';

/** [start, end) of each ledger item's claim, from the prepared rows (watch and counter-link matching skip them). */
export function preparedClaimRanges(p: PreparedAnalysis): [number, number][] {
  const cols = DERIVED_COLUMNS.ledger_items;
  const start = cols.indexOf('claim_start');
  const end = cols.indexOf('claim_end');
  const out: [number, number][] = [];
  for (const r of p.rows.ledger_items) if (typeof r[start] === 'number' && typeof r[end] === 'number') out.push([r[start] as number, r[end] as number]);
  return out;
}
