/**
 * `narrascope export <format> --results FILE`: analysis results written by `narrascope analyze --format
 * json` (one result, an array, `{ results: [...] }`) or `narrascope export jsonl` (one per line), each
 * checked against the schema. The file is read up to a limit (`--max-bytes`, default 256 MiB): read whole
 * without one, `--results /dev/zero` took about 2 GB of memory before failing.
 */
import { constants } from 'node:buffer';
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AnalysisResult } from '../../core/result/types.js';
import { formatBytes } from '../../ingest/limits.js';
import { UserError } from '../errors.js';

/**
 * The default limit: the largest fact-check library `factchecks import` reads, and about 3,500 news
 * articles' results (~70 KB each). Parsing takes several times the file in memory; larger selections
 * export from the store with `--corpus`, which streams.
 */
export const DEFAULT_RESULTS_MAX_BYTES = 256 * 1024 * 1024;

const HINT = 'Write them with `narrascope analyze ... --format json --out FILE` or `narrascope export jsonl`.';

export async function readResultsFile(path: string, cwd: string, options: { maxBytes?: number } = {}): Promise<AnalysisResult[]> {
  const text = await readBounded(path, resolve(cwd, path), options.maxBytes ?? DEFAULT_RESULTS_MAX_BYTES);
  // An empty file was "Unexpected end of JSON input", and `[]` "nothing was analysed ... See the messages
  // above", with no message above and nothing to analyse: the file holds no result, and says so.
  if (!text.replace(/^\ufeff/u, '').trim()) throw noResults(path, 'is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // JSON Lines (`narrascope export jsonl`): one result per line.
    const lines = text.split('\n').map((l) => l.trim());
    if (lines.filter(Boolean).length < 2) throw badResults(path, (e as Error).message);
    value = lines.flatMap((line, i) => {
      if (!line) return [];
      try {
        return [JSON.parse(line) as unknown];
      } catch (lineError) {
        throw badResults(`${path}:${i + 1}`, (lineError as Error).message);
      }
    });
  }
  const list = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as { results?: unknown }).results)
      ? (value as { results: unknown[] }).results
      : [value];
  if (list.length === 0) throw noResults(path, 'holds an empty list');
  // Loaded here: the schema validator is only needed for result files.
  const { validateAnalysisResult } = await import('../../export/format/schema.js');
  list.forEach((r, i) => {
    const problems = validateAnalysisResult(r as AnalysisResult);
    if (problems.length)
      throw new UserError(
        `${path}: result ${i + 1} is not a Narrascope analysis result: ${problems.slice(0, 3).join('; ')}`,
        'Write results with `narrascope analyze ... --format json`.',
      );
  });
  return list as AnalysisResult[];
}

/**
 * The file's text, refused over `max` bytes: a regular file by its size before any reading, a pipe
 * (`--results <(narrascope analyze ...)`) as soon as it passes the limit. Directories and devices are
 * refused by what they are: /dev/zero never ends, /dev/stdin is not what `--results` means.
 */
async function readBounded(shown: string, path: string, max: number): Promise<string> {
  let kind: 'file' | 'pipe';
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw notAFile(shown, 'a directory');
    if (st.isCharacterDevice() || st.isBlockDevice()) throw notAFile(shown, 'a device');
    if (st.isSocket()) throw notAFile(shown, 'a socket');
    kind = st.isFIFO() ? 'pipe' : 'file';
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw cannotRead(shown, e);
  }
  if (kind === 'file' && size > max) throw tooLarge(shown, max, `it is ${formatBytes(size)}`);
  // A JavaScript string holds at most MAX_STRING_LENGTH characters (about 512 MiB), and a UTF-8 byte makes at
  // most one: past that no limit helps, the text cannot be made.
  const cap = Math.min(max, constants.MAX_STRING_LENGTH);
  if (kind === 'file' && size > cap) throw tooLongForOneText(shown, size);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    const file = await open(path, 'r');
    try {
      // One byte past the limit tells a file that grew, or a pipe, from one that is exactly at it.
      while (total <= cap) {
        const chunk = Buffer.alloc(Math.min(1024 * 1024, cap + 1 - total));
        const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
      }
    } finally {
      await file.close();
    }
  } catch (e) {
    throw cannotRead(shown, e);
  }
  if (total > cap) {
    if (cap < max) throw tooLongForOneText(shown, total);
    throw tooLarge(shown, max, kind === 'pipe' ? 'the pipe gave more' : 'it grew while read');
  }
  const text = Buffer.concat(chunks, total).toString('utf8');
  // A byte order mark (a file saved by a Windows editor) is not JSON.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function tooLarge(shown: string, max: number, detail: string): UserError {
  return new UserError(
    `${shown} is over the limit of ${formatBytes(max)} for a --results file (${detail})`,
    'Raise the limit with --max-bytes (e.g. --max-bytes 1GB), or export stored documents with --corpus, which streams.',
  );
}

function tooLongForOneText(shown: string, bytes: number): UserError {
  return new UserError(
    `${shown}: over ${formatBytes(Math.min(bytes, constants.MAX_STRING_LENGTH))} of analysis results is more than one JSON text can hold in memory`,
    'Export stored documents with --corpus (it streams), or split the results into several files.',
  );
}

function notAFile(shown: string, what: string): UserError {
  return new UserError(`cannot read analysis results from ${shown}: it is ${what}, not a file`, HINT);
}

function cannotRead(shown: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
  return new UserError(`cannot read analysis results from ${shown}: ${reason}`, HINT);
}

function badResults(where: string, message: string): UserError {
  return new UserError(`cannot read analysis results from ${where}: ${message}`, HINT);
}

function noResults(path: string, what: string): UserError {
  return new UserError(`${path} ${what}: it holds no analysis result to export`, HINT);
}
