/**
 * A file's bytes as UTF-8, chunk by chunk, for the readers that stream (JSONL, CSV). They split records on
 * bytes, which holds only for UTF-8: a UTF-16 file (PowerShell's `Out-File`, Excel's "Unicode text")
 * failed on every line in `ingest` while `analyze` read it, and `--encoding` never reached them, so a
 * windows-1251 table could not be ingested but as U+FFFD. The encoding is the file's BOM, else the one
 * the user names, else UTF-8 (passed through untouched, but checked, so that a record can say its
 * bytes were replaced).
 */
import { openForReading } from './read-stream.js';
import { TextDecoder } from 'node:util';
import { fsError } from './file-source.js';
import { InputError } from './types.js';

/** What reading found out; `invalidUtf8` turns true once a UTF-8 file has shown a byte sequence that is not UTF-8. */
export interface ChunkState {
  encoding: string;
  invalidUtf8: boolean;
  /** Bytes of the file read so far. */
  readBytes: number;
  /** Bytes of UTF-8 yielded so far (the same as `readBytes` for a UTF-8 file). */
  producedBytes: number;
}

export function chunkState(): ChunkState {
  return { encoding: 'utf-8', invalidUtf8: false, readBytes: 0, producedBytes: 0 };
}

/**
 * Where in the file a reader stands that has consumed `utf8Bytes` of the UTF-8 that `utf8Chunks` yields:
 * the same number for a UTF-8 file; for a transcoded one (`--encoding windows-1251`, a UTF-16 file) that
 * number scaled by what was read over what was yielded, since a Cyrillic letter is one byte in the file
 * and two in UTF-8. Progress counted UTF-8 bytes against the files' sizes, so a windows-1251 file was at
 * 100 % when half of it was read, and a UTF-16 one at 50 % when done.
 */
export function fileOffset(state: ChunkState, utf8Bytes: number): number {
  if (state.producedBytes === 0 || state.producedBytes === state.readBytes) return Math.min(utf8Bytes, state.readBytes || utf8Bytes);
  return Math.min(state.readBytes, Math.round((utf8Bytes * state.readBytes) / state.producedBytes));
}

function bomEncoding(head: Uint8Array): string | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** A decoder for a user-named encoding; an unknown name is the same error as for `analyze --encoding`. */
export function namedDecoder(encoding: string): TextDecoder {
  try {
    return new TextDecoder(encoding);
  } catch {
    throw new InputError(
      'unsupported',
      `unknown encoding "${encoding}"`,
      'Use a WHATWG encoding name such as utf-8, windows-1251, windows-1252, koi8-r, iso-8859-2, gbk, shift_jis.',
    );
  }
}

/** The encoding `utf8Chunks` will use for a file that starts with `head`. */
export function chunkEncoding(head: Uint8Array, encoding: string | undefined): string {
  return (
    bomEncoding(head) ??
    (encoding && !/^utf-?8$/iu.test(encoding) ? namedDecoder(encoding).encoding : 'utf-8')
  );
}

/** Decodes the start of a file as `utf8Chunks` would (a header line to sniff a separator from). */
export function decodeHead(head: Uint8Array, encoding: string | undefined): string {
  return new TextDecoder(chunkEncoding(head, encoding)).decode(head);
}

/** A file's (or a stream's: standard input) content as UTF-8 Buffers; BOMs are dropped. */
export async function* utf8Chunks(
  path: string | AsyncIterable<Buffer | string>,
  encoding: string | undefined,
  state: ChunkState = chunkState(),
): AsyncGenerator<Buffer> {
  let decoder: TextDecoder | null = null;
  let check: TextDecoder | null = null;
  let first = true;
  for await (const part of typeof path === 'string' ? ((await openForReading(path)) as AsyncIterable<Buffer>) : path) {
    const chunk = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    state.readBytes += chunk.length;
    if (first) {
      first = false;
      state.encoding = chunkEncoding(chunk, encoding);
      if (state.encoding === 'utf-8') check = new TextDecoder('utf-8', { fatal: true });
      else decoder = new TextDecoder(state.encoding);
    }
    if (decoder) {
      const out = Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
      state.producedBytes += out.length;
      yield out;
      continue;
    }
    if (check && !state.invalidUtf8) {
      try {
        check.decode(chunk, { stream: true });
      } catch {
        state.invalidUtf8 = true;
      }
    }
    state.producedBytes += chunk.length;
    yield chunk;
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest) {
      const out = Buffer.from(rest, 'utf8');
      state.producedBytes += out.length;
      yield out;
    }
  }
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The warning for a record that holds U+FFFD from a file with invalid UTF-8, in the words of decode.ts. */
export function replacedWarning(where: string): string {
  return `${where}: invalid UTF-8 byte sequences were replaced with U+FFFD — if the file is in another encoding, run again with --encoding NAME (windows-1251, windows-1252 ...)`;
}

/** A streamed file that could not be read (any more): an InputError naming where reading stopped. */
export function readFailure(where: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const err = fsError(where, e);
  return new InputError(
    err.kind,
    err.message,
    'The records before this point were read; check the file and run again (stored records are skipped).',
  );
}

/** The items until reading them fails; the error is kept in `failure` instead of thrown. */
export async function* untilError<T>(items: AsyncIterable<T>, failure: { error?: unknown }): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (e) {
    failure.error = e;
  }
}

/** The first chunks of `chunks`, at least `size` bytes (or all), and the whole sequence again from its start. */
export async function peekChunks(chunks: AsyncIterable<Buffer>, size: number): Promise<{ head: Buffer; all: AsyncGenerator<Buffer> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    taken.push(next.value);
    length += next.value.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* taken;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head: Buffer.concat(taken), all: all() };
}
