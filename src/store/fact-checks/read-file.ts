import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeDeclared } from '../../ingest/decode.js';
import { importClaimReviews } from './claimreview-import.js';
import { importFactCheckTable, type ColumnMapping } from './table-import.js';
import type { ImportBatch } from './types.js';

export type FactCheckFileFormat = 'claimreview' | 'csv' | 'tsv';
export const FACT_CHECK_FILE_FORMATS: readonly FactCheckFileFormat[] = ['claimreview', 'csv', 'tsv'];

/** Largest library file read at once (a 10,000-row TSV is ~2 MB). */
const MAX_BYTES = 256 * 1024 * 1024;

/**
 * The first `max` bytes of a file. Reading it whole first, as before, read a device such as /dev/zero
 * until memory ran out before the size limit could refuse it.
 */
async function readAtMost(path: string, max: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < max) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, max - total));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await file.close();
  }
}

/**
 * Reads one fact-check file: ClaimReview JSON-LD (.json, .jsonld, .html pages embedding it) or a CSV/TSV
 * table, by the given format or the extension (content decides for other names). Throws an Error with
 * the reason when the file cannot be read at all; records it cannot use are in `rejected`.
 */
export async function readFactCheckFile(
  path: string,
  options: {
    format?: FactCheckFileFormat;
    mapping?: ColumnMapping;
    label?: string;
    maxBytes?: number;
    /** The file's encoding (`windows-1251` ...); else UTF-8, UTF-16 by its BOM, or a page's <meta charset>. */
    encoding?: string;
  } = {},
): Promise<ImportBatch> {
  const label = options.label ?? path;
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  let bytes: Buffer;
  try {
    bytes = await readAtMost(path, maxBytes + 1);
    if (bytes.length > maxBytes) throw new Error(`larger than ${maxBytes / 1024 / 1024} MB`);
  } catch (e) {
    throw new Error(`cannot read ${label}: ${(e as Error).message}`, { cause: e });
  }
  // The ingest decoder: UTF-16 with a BOM (Excel's "Unicode text" export) is read as such, and a binary
  // file (a database, an image) is refused instead of being parsed as a CSV whose "header" of raw bytes
  // was then printed to the terminal in the rejection message.
  // A saved page's <meta charset> is followed too, and bytes that are not UTF-8 leave a notice naming the
  // encoding to pass: they were replaced with U+FFFD in silence, a windows-1251 table stored as noise.
  let text: string;
  let notices: readonly string[];
  try {
    ({ text, warnings: notices } = decodeDeclared(bytes, label, options.encoding));
  } catch (e) {
    throw new Error((e as Error).message, { cause: e });
  }
  const batch = readAs(text, path, label, options);
  // The decoder's notices first, then the importer's (a table's repeated ids).
  const all = [...notices, ...(batch.notices ?? [])];
  return all.length ? { ...batch, notices: all } : batch;
}

/** The fact-checks of decoded text, by the given format, else the extension, else the content. */
function readAs(
  text: string,
  path: string,
  label: string,
  options: { format?: FactCheckFileFormat; mapping?: ColumnMapping },
): ImportBatch {
  const ext = extname(path).toLowerCase();
  const format: FactCheckFileFormat =
    options.format ??
    (['.json', '.jsonld', '.html', '.htm'].includes(ext)
      ? 'claimreview'
      : ext === '.tsv'
        ? 'tsv'
        : ext === '.csv'
          ? 'csv'
          : /^\s*[[{<]/u.test(text)
            ? 'claimreview'
            : text.slice(0, 2000).includes('\t')
              ? 'tsv'
              : 'csv');
  if (format === 'claimreview') return importClaimReviews(text, label);
  // A CSV's separator (comma, semicolon or tab) is read from its header by the importer.
  return importFactCheckTable(text, label, {
    ...(format === 'tsv' ? { delimiter: '\t' as const } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
}
