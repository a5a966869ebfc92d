import { open, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { decodeDeclared } from '../../ingest/decode.js';
import { folderFiles, fsError } from '../../ingest/file-source.js';
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
    // 'no such file or directory', 'permission denied', 'is a directory' rather than the system's words
    // with the absolute path ('ENOENT: no such file or directory, open '/home/...'').
    const reason = (e as NodeJS.ErrnoException).code ? fsError(label, e).message : `${label}: ${(e as Error).message}`;
    throw new Error(`cannot read ${reason}`, { cause: e });
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

/** Extensions of the fact-check files read from a folder (other files in it are passed over). */
export const LIBRARY_FILE_EXTENSIONS: readonly string[] = ['.json', '.jsonld', '.jsonl', '.ndjson', '.html', '.htm', '.csv', '.tsv'];

/**
 * The fact-check files a path names: the file itself, or the library files of a folder (recursively, in
 * order, hidden files left out, as analyze walks folders), each with the name it is reported by. A folder
 * was read as one file and refused with the system's 'EISDIR: illegal operation on a directory'. Throws an
 * Error with the reason when a folder cannot be listed or holds no such file.
 */
export async function libraryFiles(spec: string, cwd: string): Promise<{ path: string; label: string }[]> {
  // An empty path (an unset variable in "$LIB") resolves to the working directory, whose every table and
  // JSON file would be read as the library.
  if (spec.trim() === '') throw new Error('the path is empty');
  const path = resolve(cwd, spec);
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) return [{ path, label: spec }];
  const listed = await folderFiles(spec, path);
  if ('error' in listed) throw new Error(`cannot read ${listed.error.message}`, { cause: listed.error });
  const files = listed.files.filter((f) => LIBRARY_FILE_EXTENSIONS.includes(extname(f.file).toLowerCase()));
  if (files.length === 0)
    throw new Error(`the folder ${spec} holds no fact-check file (${LIBRARY_FILE_EXTENSIONS.join(', ')})`);
  return files.map((f) => ({ path: f.file, label: f.shown }));
}
