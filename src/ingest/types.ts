import type { DocumentInit } from '../core/text/document.js';

/**
 * The reader contract. A reader turns the decoded text of one input (a file, stdin, a fetched URL) into one
 * or more documents. Single-document formats (text, HTML, Markdown) yield one DocumentInit; batch formats
 * (JSONL, CSV, feeds) yield one per record and may yield an `InputError` for a bad record and go on.
 *
 * Byte handling (size limit, decoding, binary sniffing, BOMs) is done once, before a reader runs, by
 * `readInput` (read-input.ts); a reader only sees text. To add a format: write `src/ingest/<name>.ts`
 * exporting a `Reader`, and add it to `builtinReaders` in `src/ingest/readers.ts`.
 */
export interface Reader {
  /** Short name, also accepted by `--input-format`: text, html, markdown, jsonl, csv, feed ... */
  readonly name: string;
  readonly description: string;
  /** Lower-case file extensions with the dot, e.g. ['.html', '.htm']. */
  readonly extensions: readonly string[];
  /** Media types (without parameters) this reader accepts, e.g. ['text/html']. */
  readonly mediaTypes: readonly string[];
  /**
   * How much the start of a text looks like this format, in [0, 1]; used when neither the extension nor
   * the media type decides (stdin, extension-less files). Plain text is the fallback and needs none.
   */
  sniff?(head: string): number;
  read(input: ReaderInput): Iterable<ReaderOutput> | AsyncIterable<ReaderOutput>;
}

/** One input, decoded. */
export interface ReaderInput {
  /** The decoded text (BOM removed). Offsets in source maps point into this string. */
  readonly text: string;
  /** File path or URL; undefined for stdin. */
  readonly uri?: string;
  /** Where the bytes came from. */
  readonly origin: 'file' | 'stdin' | 'url';
  /** Media type from the HTTP response or the reader's guess, without parameters. */
  readonly mediaType?: string;
  /** Warnings raised while decoding (e.g. invalid UTF-8 replaced): a reader must pass them on. */
  readonly warnings: readonly string[];
  /** Language forced by the user (`--language`), if any. */
  readonly language?: string;
}

/** A reader yields documents, or an InputError for a record it could not read (batch formats). */
export type ReaderOutput = DocumentInit | InputError;

/** Why an input could not be read; `readInput` reports it and goes on with the next input. */
export type InputErrorKind =
  'not-found' | 'unreadable' | 'too-large' | 'binary' | 'empty' | 'unsupported' | 'malformed' | 'network';

/**
 * An input that could not be read, in words a user can act on: `message` says what happened, `hint` what
 * to do. The CLI maps `network` to exit code 5 and every other kind to 2.
 */
export class InputError extends Error {
  constructor(
    readonly kind: InputErrorKind,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export function isInputError(value: unknown): value is InputError {
  return value instanceof InputError;
}
