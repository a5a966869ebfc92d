/**
 * JSON Lines: one JSON object per line, one document per object (fields mapped as for CSV, see csv.ts).
 * A line that is not a JSON object is reported with its file and line number; the other lines are read.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { mapRecord, type BatchRecord, type ColumnMap } from './csv.js';
import { InputError, type Reader, type ReaderOutput } from './types.js';

function parseLine(line: string, where: string, map: ColumnMap, language: string | undefined): ReaderOutput {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return new InputError('malformed', `${where}: invalid JSON (${(e as Error).message})`, 'Each line must be one JSON object; fix or remove that line.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return new InputError('malformed', `${where}: expected a JSON object, got ${Array.isArray(value) ? 'an array' : typeof value}`, 'Each line must be one JSON object such as {"text": "...", "outlet": "..."}.');
  }
  return mapRecord(value as Record<string, unknown>, map, { where, kind: 'jsonl', ...(language ? { language } : {}) });
}

/** Streams a JSONL file line by line (bounded memory). Blank lines are skipped. */
export async function* streamJsonlFile(path: string, map: ColumnMap, options: { language?: string; label?: string } = {}): AsyncGenerator<BatchRecord> {
  const label = options.label ?? path;
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  let bytes = 0;
  for await (const raw of lines) {
    n++;
    bytes += Buffer.byteLength(raw, 'utf8') + 1;
    const line = n === 1 ? raw.replace(/^\ufeff/u, '') : raw;
    if (!line.trim()) continue;
    yield { line: n, bytes, output: parseLine(line, `${label}:${n}`, map, options.language) };
  }
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
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as string;
        if (!line.trim()) continue;
        yield parseLine(line, `${label}:${i + 1}`, map, input.language);
      }
    },
  };
}
