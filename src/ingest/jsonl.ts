/**
 * JSON Lines: one JSON object per line, one document per object (fields mapped as for CSV, see csv.ts).
 * A line that is not a JSON object is reported with its file and line number; the other lines are read.
 * Records without a field to take the text from fail the file once (text-field-gate.ts), not line by line.
 */
import { mapRecord, type BatchRecord, type ColumnMap } from './csv.js';
import { DEFAULT_MAX_BYTES, formatBytes } from './limits.js';
import { TextFieldGate } from './text-field-gate.js';
import { InputError, type Reader, type ReaderOutput } from './types.js';
import { chunkState, fileOffset, isValidUtf8, readFailure, replacedWarning, untilError, utf8Chunks } from './utf8-chunks.js';

/** One line's output, with the record's field names (none for a line that is no JSON object). */
function parseLine(line: string, where: string, map: ColumnMap, language: string | undefined): { output: ReaderOutput; fields?: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { output: new InputError('malformed', `${where}: invalid JSON (${(e as Error).message})`, 'Each line must be one JSON object; fix or remove that line.') };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    // typeof null is 'object': a line `null` was reported as "expected a JSON object, got object".
    const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
    return { output: new InputError('malformed', `${where}: expected a JSON object, got ${got}`, 'Each line must be one JSON object such as {"text": "...", "outlet": "..."}.') };
  }
  const record = value as Record<string, unknown>;
  return { output: mapRecord(record, map, { where, kind: 'jsonl', ...(language ? { language } : {}) }), fields: Object.keys(record) };
}

/**
 * Streams a JSONL file line by line in bounded memory. Blank lines are skipped; a line longer than
 * `maxBytes` (default 10 MiB, as for one input) is reported and skipped without being held: readline
 * kept the whole line, and a single-line file of a few hundred MB crashed the process ("Invalid string
 * length") instead of failing one record.
 */
export async function* streamJsonlFile(path: string | NodeJS.ReadableStream, map: ColumnMap, options: { language?: string; label?: string; maxBytes?: number; encoding?: string } = {}): AsyncGenerator<BatchRecord> {
  const label = options.label ?? (typeof path === 'string' ? path : 'standard input');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const state = chunkState();
  let n = 0;
  // A file that vanished or cannot be read (EIO, EACCES) ended the whole ingest as an internal error, the
  // inputs after it unread: it is this file's error, after the records read before it.
  const failure: { error?: unknown } = {};
  // The gate's error is the file's, placed at its first line as a CSV header's is.
  const gate = new TextFieldGate<BatchRecord>(map, label, (error) => ({ line: 1, bytes: 0, output: error }));
  for await (const { line: bytes, consumed } of boundedLines(untilError(utf8Chunks(typeof path === 'string' ? path : (path as AsyncIterable<Buffer | string>), options.encoding, state), failure), maxBytes)) {
    n++;
    if (bytes === null) {
      yield { line: n, bytes: fileOffset(state, consumed), output: new InputError('too-large', `${label}:${n}: the record is over the limit of ${formatBytes(maxBytes)}`, 'Split it, or raise the limit with --max-bytes.') };
      continue;
    }
    const raw = bytes.toString('utf8');
    const line = n === 1 ? raw.replace(/^\ufeff/u, '') : raw;
    if (!line.trim()) continue;
    const { output, fields } = parseLine(line, `${label}:${n}`, map, options.language);
    // The line's own bytes say whether its U+FFFD were written so or stand for bytes that are not UTF-8.
    const replaced = state.invalidUtf8 && line.includes('\ufffd') && !isValidUtf8(bytes) && !(output instanceof InputError);
    const passed = gate.pass({ line: n, bytes: fileOffset(state, consumed), output: replaced ? { ...output, warnings: [...(output.warnings ?? []), replacedWarning(`${label}:${n}`)] } : output }, fields, n, output instanceof InputError ? output.message : undefined);
    yield* passed.items;
    if (passed.stop) return;
  }
  yield* gate.end();
  if (failure.error !== undefined) yield { line: n + 1, bytes: 0, output: readFailure(`${label}:${n + 1}`, failure.error) };
}

/** The lines of a file (UTF-8 chunks) as bytes without the newline, or null for a line over `maxBytes`; `consumed` counts bytes read so far. */
async function* boundedLines(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<{ line: Buffer | null; consumed: number }> {
  let parts: Buffer[] = [];
  let size = 0;
  let over = false;
  let consumed = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
      if (!over && size + piece.length > maxBytes) {
        over = true;
        parts = [];
        size = 0;
      }
      if (!over && piece.length) {
        parts.push(piece);
        size += piece.length;
      }
      if (nl === -1) {
        consumed += chunk.length - start;
        break;
      }
      consumed += nl - start + 1;
      yield { line: over ? null : Buffer.concat(parts, size), consumed };
      parts = [];
      size = 0;
      over = false;
      start = nl + 1;
    }
  }
  if (over || size > 0) yield { line: over ? null : Buffer.concat(parts, size), consumed };
}

/** JSONL as a Reader (for stdin and URLs; files are streamed by `streamJsonlFile`). */
export function jsonlReader(map: ColumnMap = {}): Reader {
  return {
    name: 'jsonl',
    description: 'JSON Lines, one document per object (fields mapped with --map)',
    extensions: ['.jsonl', '.ndjson'],
    mediaTypes: ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines'],
    sniff: (head) => (/^\s*\{.*\}\s*\n\s*\{/u.test(head) ? 0.9 : 0),
    *read(input) {
      const label = input.uri ?? 'standard input';
      const lines = input.text.split(/\r?\n/u);
      const gate = new TextFieldGate<ReaderOutput>(map, label, (error) => error);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as string;
        if (!line.trim()) continue;
        const { output, fields } = parseLine(line, `${label}:${i + 1}`, map, input.language);
        const passed = gate.pass(output, fields, i + 1, output instanceof InputError ? output.message : undefined);
        yield* passed.items;
        if (passed.stop) return;
      }
      yield* gate.end();
    },
  };
}
