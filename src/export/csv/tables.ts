import type { AnalysisResult } from '../../core/result/types.js';
import { toCsv, type CsvValue } from './csv.js';

/**
 * The three CSV tables analysts ask for: ledger items, claims and findings, one row each, across any
 * number of documents (the first columns identify the document). Offsets are UTF-16 code units into the
 * document's normalised text, as everywhere in Narrascope.
 */
export type CsvTable = 'ledger' | 'claims' | 'findings';
export const CSV_TABLES: readonly CsvTable[] = ['ledger', 'claims', 'findings'];

function docColumns(r: AnalysisResult): CsvValue[] {
  return [r.document.hash, r.document.title, r.document.source.uri ?? null, r.document.source.outlet ?? null];
}
const DOC_HEADER = ['document_hash', 'document_title', 'document_uri', 'outlet'];

export function ledgerCsv(results: readonly AnalysisResult[]): string {
  const header = [
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
  const rows = results.flatMap((r) =>
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
  return toCsv(header, rows);
}

export function claimsCsv(results: readonly AnalysisResult[]): string {
  const header = [
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
  const rows = results.flatMap((r) =>
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
  return toCsv(header, rows);
}

export function findingsCsv(results: readonly AnalysisResult[]): string {
  const header = [
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
  const rows = results.flatMap((r) =>
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
  return toCsv(header, rows);
}

export function tableCsv(table: CsvTable, results: readonly AnalysisResult[]): string {
  return table === 'ledger'
    ? ledgerCsv(results)
    : table === 'claims'
      ? claimsCsv(results)
      : findingsCsv(results);
}
