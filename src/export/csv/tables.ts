import type { AnalysisResult } from '../../core/result/types.js';
import { exportableUri } from '../uri.js';
import { csvRows, toCsv, type CsvOptions, type CsvValue } from './csv.js';

/**
 * The three CSV tables analysts ask for: ledger items, claims and findings, one row each, across any
 * number of documents (the first columns identify the document). Offsets are UTF-16 code units into the
 * document's normalised text, as everywhere in Narrascope.
 */
export type CsvTable = 'ledger' | 'claims' | 'findings';
export const CSV_TABLES: readonly CsvTable[] = ['ledger', 'claims', 'findings'];

function docColumns(r: AnalysisResult): CsvValue[] {
  // document_uri: an http(s) link, or a path / record label; never a `javascript:` or `data:` address that a
  // spreadsheet or dashboard would show as a link (see ../uri.ts).
  return [r.document.hash, r.document.title, exportableUri(r.document.source.uri) ?? null, r.document.source.outlet ?? null];
}
const DOC_HEADER = ['document_hash', 'document_title', 'document_uri', 'outlet'];

const LEDGER_HEADER = [
  ...DOC_HEADER,
  'item_id',
  'index',
  'format',
  'claim',
  'attributed_to',
  'attribution_scope',
  'motive',
  'rebuttal',
  'verdict',
  'verdict_label',
  'evidence_summary',
  'evidence_count',
  'partial',
  'flags',
  'start',
  'end',
];
function ledgerRows(results: readonly AnalysisResult[]): CsvValue[][] {
  return results.flatMap((r) =>
    r.rebuttals.map((it) => [
      ...docColumns(r),
      it.id,
      it.index,
      it.format,
      it.claim?.text,
      it.attributedTo?.text,
      it.attributionScope,
      it.motive?.text,
      it.rebuttal?.text,
      it.verdict?.original.text,
      it.verdict?.label,
      it.evidenceSummary,
      it.evidence.length,
      it.partial,
      it.flags.join(';'),
      it.span.start,
      it.span.end,
    ]),
  );
}

const CLAIMS_HEADER = [
  ...DOC_HEADER,
  'claim_id',
  'text',
  'type',
  'speaker',
  'has_source',
  'sources',
  'check_worthiness',
  'ledger_item_ids',
  'start',
  'end',
];
function claimRows(results: readonly AnalysisResult[]): CsvValue[][] {
  return results.flatMap((r) =>
    r.claims.map((c) => [
      ...docColumns(r),
      c.id,
      c.span.text,
      c.type,
      c.speaker?.text,
      c.hasSource,
      c.sources.map((s) => s.value ?? s.span.text).join(' | '),
      Math.round(c.checkWorthiness * 1000) / 1000,
      c.ledgerItemIds.join(';'),
      c.span.start,
      c.span.end,
    ]),
  );
}

const FINDINGS_HEADER = [
  ...DOC_HEADER,
  'finding_id',
  'detector',
  'message_id',
  'message',
  'quote',
  'start',
  'end',
  'confidence',
  'severity',
  'taxonomy',
];
function findingRows(results: readonly AnalysisResult[]): CsvValue[][] {
  return results.flatMap((r) =>
    r.findings.map((f) => [
      ...docColumns(r),
      f.id,
      f.detector,
      f.messageId,
      f.message,
      f.span.text,
      f.span.start,
      f.span.end,
      Math.round(f.confidence * 1000) / 1000,
      f.severity,
      f.taxonomy.join(';'),
    ]),
  );
}

const TABLES: Readonly<Record<CsvTable, { readonly header: readonly string[]; readonly rows: (results: readonly AnalysisResult[]) => CsvValue[][] }>> = {
  ledger: { header: LEDGER_HEADER, rows: ledgerRows },
  claims: { header: CLAIMS_HEADER, rows: claimRows },
  findings: { header: FINDINGS_HEADER, rows: findingRows },
};

export function ledgerCsv(results: readonly AnalysisResult[], options: CsvOptions = {}): string {
  return tableCsv('ledger', results, options);
}

export function claimsCsv(results: readonly AnalysisResult[], options: CsvOptions = {}): string {
  return tableCsv('claims', results, options);
}

export function findingsCsv(results: readonly AnalysisResult[], options: CsvOptions = {}): string {
  return tableCsv('findings', results, options);
}

export function tableCsv(table: CsvTable, results: readonly AnalysisResult[], options: CsvOptions = {}): string {
  return toCsv(TABLES[table].header, TABLES[table].rows(results), options);
}

/** The header line of a table (CRLF-terminated, after the BOM if asked): the start of a table written in parts. */
export function tableCsvHeader(table: CsvTable, options: CsvOptions = {}): string {
  return toCsv(TABLES[table].header, [], options);
}

/** The rows of a table for some documents, without the header: the next part of a table written in parts. */
export function tableCsvRows(table: CsvTable, results: readonly AnalysisResult[]): string {
  return csvRows(TABLES[table].rows(results));
}
