/**
 * An export written in parts, whatever its format: `add` turns the analysis results of some documents
 * into the next piece of output text, `end` closes it. What `narrascope export --corpus` and the HTTP
 * API's corpus export (`GET /api/export`) stream, so that any number of stored documents exports in
 * bounded memory. Every part is validated as it is made (see the streams of each format).
 */
import type { AnalysisResult } from '../core/result/types.js';
import type { AnalystConfirmation, ClaimReviewContext } from './claimreview/index.js';
import { claimReviewEncoder } from './claimreview/encoder.js';
import { tableCsvHeader, tableCsvRows, type CsvTable } from './csv/index.js';
import { jsonlLines } from './jsonl.js';
import { StixBundleStream } from './stix/index.js';
import { unsafeAddresses } from './uri.js';

export type ExportFormat = 'claimreview' | 'stix' | 'csv' | 'jsonl';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['claimreview', 'stix', 'csv', 'jsonl'];

export interface ExportEncoderOptions {
  /** csv: which table (default ledger). */
  readonly table?: CsvTable;
  /** csv: start with the UTF-8 byte order mark, for Excel (default false; see CSV_BOM). */
  readonly bom?: boolean;
  /** claimreview: fallbacks for documents that name no publisher or date. */
  readonly claimReview?: ClaimReviewContext;
  /** stix: names the selection in the bundle id. */
  readonly key?: string;
  /** stix: creation time of the objects (default now). */
  readonly now?: Date;
  /**
   * claimreview: export analysts' confirmed verdicts (the analyst as reviewer) instead of the documents' own
   * verdicts; `of` gives a document's confirmations (the latest per ledger item), looked up as each part is added.
   */
  readonly confirmed?: { readonly of: (documentHash: string) => readonly AnalystConfirmation[] };
  /**
   * claimreview: whether a later stored version of the same page (same address) supersedes a document, so
   * that its items make no reviews (see claimreview/versions.ts); the store's exports ask the store.
   */
  readonly superseded?: (documentHash: string) => boolean;
}

export interface ExportEncoder {
  /** `ingestedAt`: when each document (by content hash) was first stored, for formats that date objects (STIX). */
  add(results: readonly AnalysisResult[], ingestedAt?: ReadonlyMap<string, string>): string;
  /** The end of the output (the whole of it when nothing was added). */
  end(): string;
  /** What was written: STIX objects, ClaimReviews, or CSV rows. */
  readonly written: number;
  /** "STIX objects", "ClaimReviews", "ledger rows" ... */
  readonly unit: string;
  /** claimreview: ledger items that could not make a valid review. */
  readonly skippedItems: number;
  /** claimreview: the reasons of the skipped items, with how many items each (an item may have several). */
  readonly skipped: ReadonlyMap<string, number>;
  /**
   * Documents whose address no format writes (`javascript:`, `data:` ... see ./uri.ts), by reason: what the
   * CLI warns about. Counted in every format, since each leaves such an address out.
   */
  readonly addressesLeftOut: ReadonlyMap<string, number>;
}

export function createExportEncoder(format: ExportFormat, options: ExportEncoderOptions = {}): ExportEncoder {
  const inner = formatEncoder(format, options);
  const addressesLeftOut = new Map<string, number>();
  return {
    add(results, ingestedAt) {
      for (const u of unsafeAddresses(results)) addressesLeftOut.set(u.reason, (addressesLeftOut.get(u.reason) ?? 0) + 1);
      return inner.add(results, ingestedAt);
    },
    end: () => inner.end(),
    get written() { return inner.written; },
    unit: inner.unit,
    get skippedItems() { return inner.skippedItems; },
    get skipped() { return inner.skipped; },
    addressesLeftOut,
  };
}

function formatEncoder(format: ExportFormat, options: ExportEncoderOptions): Omit<ExportEncoder, 'addressesLeftOut'> {
  if (format === 'jsonl') {
    // One analysis result per line (see jsonl.ts: line separators escaped, unsafe addresses left out).
    let lines = 0;
    return {
      add(results) {
        lines += results.length;
        return jsonlLines(results);
      },
      end: () => '',
      get written() { return lines; },
      unit: 'analysis results',
      skippedItems: 0,
      skipped: new Map(),
    };
  }
  if (format === 'stix') {
    const stream = new StixBundleStream(options.key ?? '', options.now ? { now: options.now } : {});
    return { add: (r, ingestedAt) => stream.add(r, ingestedAt), end: () => stream.end(), get written() { return stream.count; }, unit: 'STIX objects', skippedItems: 0, skipped: new Map() };
  }
  if (format === 'csv') {
    const table = options.table ?? 'ledger';
    let rows = 0;
    let started = false;
    const header = (): string => {
      if (started) return '';
      started = true;
      return tableCsvHeader(table, { bom: options.bom === true });
    };
    return {
      add(results) {
        // Counted where they are made: a quoted field may hold a line break.
        for (const r of results) rows += table === 'ledger' ? r.rebuttals.length : table === 'claims' ? r.claims.length : r.findings.length;
        return header() + tableCsvRows(table, results);
      },
      end: () => header(),
      get written() { return rows; },
      unit: `${table} rows`,
      skippedItems: 0,
      skipped: new Map(),
    };
  }
  return claimReviewEncoder({
    ...(options.claimReview ? { claimReview: options.claimReview } : {}),
    ...(options.confirmed ? { confirmed: options.confirmed } : {}),
    ...(options.superseded ? { superseded: options.superseded } : {}),
  });
}
