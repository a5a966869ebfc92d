/**
 * Reads a user taxonomy from disk (CLI `--taxonomy FILE`, library callers). Kept apart from parse.ts so
 * analysis code, which may not use the file system, never imports it.
 */
import { readFileSync, statSync } from 'node:fs';
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
    buffer = readFileSync(path);
  } catch (error) {
    throw new TaxonomyError(path, 1, 1, '(file)', `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (buffer.includes(0)) throw new TaxonomyError(path, 1, 1, '(file)', 'is binary, not YAML or JSON text');
  return parseTaxonomy(buffer.toString('utf8').replace(/^\uFEFF/u, ''), path);
}
