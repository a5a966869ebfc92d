/**
 * Reads a user taxonomy from disk (CLI `--taxonomy FILE`, library callers). Kept apart from parse.ts so
 * analysis code, which may not use the file system, never imports it.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { parseTaxonomy } from './parse.js';
import { TaxonomyError, type Taxonomy } from './types.js';

const MAX_BYTES = 5 * 1024 * 1024;

export function loadTaxonomyFile(path: string): Taxonomy {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new TaxonomyError(
      path,
      1,
      1,
      '(file)',
      `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  if (size > MAX_BYTES)
    throw new TaxonomyError(path, 1, 1, '(file)', `too large (${size} bytes; at most ${MAX_BYTES})`);
  let buffer: Buffer;
  try {
    // Also a folder (EISDIR) or a file without read permission: a TaxonomyError (exit 2), not a crash.
    buffer = readAtMost(path, MAX_BYTES + 1);
  } catch (error) {
    throw new TaxonomyError(path, 1, 1, '(file)', `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  // A device or pipe reports size 0 (/dev/zero, /dev/urandom): its size is known only by reading.
  if (buffer.length > MAX_BYTES)
    throw new TaxonomyError(path, 1, 1, '(file)', `too large (more than ${MAX_BYTES} bytes)`);
  return parseTaxonomy(decodeText(buffer, path), path);
}

/** The first `max` bytes of a file (all of a smaller one): readFileSync of /dev/zero never returns. */
function readAtMost(path: string, max: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < max) {
      const chunk = Buffer.alloc(Math.min(65536, max - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Text such as `id: x` saved as UTF-16 without a BOM: a NUL beside every ASCII letter, on one side. */
function looksLikeUtf16(buffer: Buffer): boolean {
  const n = Math.min(buffer.length, 4096) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buffer[i] === 0) even++;
    if (buffer[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) >= 0.9 * (n / 2) && Math.min(even, odd) === 0;
}

/**
 * The file's text: UTF-8 (a BOM is dropped), or UTF-16 with a BOM (a spreadsheet's or Notepad's
 * "Unicode" save). Invalid UTF-8 (a file saved as Latin-1 or Windows-1252) is an error naming its first
 * bad line: decoded leniently, its accented letters would become U+FFFD inside labels and keywords.
 */
function decodeText(buffer: Buffer, path: string): string {
  // UTF-32's byte-order mark starts like UTF-16's: decoded as UTF-16, the file was a string of NULs and
  // letters, reported as 'expected a mapping'.
  if (buffer.subarray(0, 4).equals(Buffer.from([0xff, 0xfe, 0, 0])) || buffer.subarray(0, 4).equals(Buffer.from([0, 0, 0xfe, 0xff])))
    throw new TaxonomyError(path, 1, 1, '(file)', 'is UTF-32 text; save it as UTF-8');
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer);
  if (buffer.includes(0)) throw new TaxonomyError(path, 1, 1, '(file)', looksLikeUtf16(buffer) ? 'is UTF-16 text without a byte-order mark; save it as UTF-8' : 'is binary, not YAML or JSON text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    let start = 0;
    for (let line = 1; ; line++) {
      const nl = buffer.indexOf(0x0a, start);
      const end = nl < 0 ? buffer.length : nl;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(start, end));
      } catch {
        throw new TaxonomyError(path, line, 1, '(file)', 'is not UTF-8 text; save it as UTF-8');
      }
      if (nl < 0) throw new TaxonomyError(path, 1, 1, '(file)', 'is not UTF-8 text; save it as UTF-8');
      start = nl + 1;
    }
  }
}
