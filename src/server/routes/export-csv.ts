/**
 * CSV of a result's ledger items (RFC 4180 quoting). Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) are prefixed with an apostrophe: document text is untrusted.
 */
import type { AnalysisResult } from '../../core/result/types.js';

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/u.test(s)) s = `'${s}`;
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function ledgerCsv(result: AnalysisResult): string {
  const header = ['document', 'index', 'format', 'claim', 'attributed_to', 'motive', 'rebuttal', 'verdict', 'verdict_original', 'evidence', 'claim_start', 'claim_end'];
  const rows = result.rebuttals.map((r) =>
    [result.document.hash, r.index, r.format, r.claim?.text, r.attributedTo?.text, r.motive?.text, r.rebuttal?.text, r.verdict?.label, r.verdict?.original.text, r.evidenceSummary, r.claim?.start, r.claim?.end].map(csvCell).join(','),
  );
  return [header.join(','), ...rows].join('\r\n') + '\r\n';
}
