import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createDocument, type Document } from '../core/text/document.js';
import { isBlank } from './blank.js';
import { decodeDeclared, type Decoded } from './decode.js';
import { folderFiles, fsError, readFileBytes, readStreamBytes } from './file-source.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { builtinReaders, chooseReader, extensionOf, isSupportedExtension, readerByName } from './readers.js';
import { InputError, type Reader, type ReaderInput } from './types.js';
import { fetchUrl, isUrl } from './url-source.js';

export interface ReadOptions {
  /** Decode every input with this encoding (WHATWG name, e.g. windows-1251) instead of UTF-8 / BOM / charset. */
  readonly encoding?: string;
  /** Largest input accepted, in bytes (default 10 MiB). */
  readonly maxBytes?: number;
  /** Force a reader by name (text, html, markdown ...) instead of choosing by extension / type / content. */
  readonly format?: string;
  /** Language to give every document (BCP 47), overriding detection. */
  readonly language?: string;
  /** Base for relative paths (default process.cwd()). */
  readonly cwd?: string;
  /** Stream read for the input `-`. */
  readonly stdin?: NodeJS.ReadableStream;
  /** URL fetching: time limit for one URL (default 20 s), redirects followed (default 5), fetch to use. */
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  readonly fetch?: typeof fetch;
  readonly readers?: readonly Reader[];
}

/** One outcome of reading: a document, an input that failed, or a directory entry that was not a candidate. */
export type ReadItem =
  | { readonly kind: 'document'; readonly origin: string; readonly document: Document }
  | { readonly kind: 'error'; readonly origin: string; readonly error: InputError }
  | { readonly kind: 'skipped'; readonly origin: string; readonly reason: string };

/**
 * Reads inputs in order — file paths, directories (every supported file in them, recursively, sorted),
 * http(s) URLs, or `-` for standard input — and yields documents and per-input errors. It never throws for
 * a bad input: the caller decides what a failure means (the CLI exits 2, 3 or 5).
 */
export async function* readInputs(
  specs: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<ReadItem> {
  for (const spec of specs) yield* readInput(spec, options);
}

export async function* readInput(spec: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  // Plain JavaScript callers may pass anything; '' would read the whole working folder (a path resolved
  // from nothing is the folder itself). Both are an error item, as the contract says: never a throw.
  if (typeof spec !== 'string' || spec.trim() === '') {
    const shown = typeof spec === 'string' ? JSON.stringify(spec) : String(spec as unknown);
    yield {
      kind: 'error',
      origin: typeof spec === 'string' ? spec : shown,
      error: new InputError('not-found', `no input named: got ${shown}`, 'Name a file, a folder, an http(s) URL, or - for standard input.'),
    };
    return;
  }
  const readers = options.readers ?? builtinReaders;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (options.format && !readerByName(options.format, readers)) {
    yield {
      kind: 'error',
      origin: spec,
      error: new InputError(
        'unsupported',
        `unknown input format "${options.format}"`,
        `Formats: ${readers.map((r) => r.name).join(', ')}.`,
      ),
    };
    return;
  }
  if (spec === '-') {
    if (!options.stdin) {
      yield { kind: 'error', origin: spec, error: new InputError('unreadable', 'no standard input to read') };
      return;
    }
    const stdin = options.stdin;
    yield* fromBytes(
      spec,
      async () => ({ bytes: await readStreamBytes(stdin, maxBytes) }),
      { origin: 'stdin' },
      options,
      readers,
    );
    return;
  }
  if (isUrl(spec)) {
    const fetchOptions = {
      maxBytes,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.maxRedirects !== undefined ? { maxRedirects: options.maxRedirects } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    };
    // The final URL (after redirects), media type and charset are known only once the answer is in.
    const load = async (): Promise<Loaded> => {
      const got = await fetchUrl(spec, fetchOptions);
      return {
        bytes: got.bytes,
        where: { origin: 'url', uri: got.url, mediaType: got.mediaType, charset: got.charset },
      };
    };
    yield* fromBytes(spec, load, { origin: 'url', uri: spec }, options, readers);
    return;
  }
  const path = resolve(options.cwd ?? process.cwd(), spec);
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (e) {
    yield { kind: 'error', origin: spec, error: fsError(spec, e) };
    return;
  }
  if (!isDir) {
    yield* fromBytes(
      spec,
      async () => ({ bytes: await readFileBytes(path, maxBytes, spec) }),
      { origin: 'file', uri: spec },
      options,
      readers,
    );
    return;
  }
  const folder = await folderFiles(spec, path);
  if ('error' in folder) {
    yield { kind: 'error', origin: spec, error: folder.error };
    return;
  }
  for (const { shown, reason } of folder.passed) yield { kind: 'skipped', origin: shown, reason };
  for (const { file, shown } of folder.files) {
    const ext = extensionOf(file);
    if (ext !== '' && !isSupportedExtension(ext, readers) && !options.format) {
      yield { kind: 'skipped', origin: shown, reason: `unsupported file type "${ext}"` };
      continue;
    }
    yield* fromBytes(
      shown,
      async () => ({ bytes: await readFileBytes(file, maxBytes, shown) }),
      { origin: 'file', uri: shown },
      options,
      readers,
    );
  }
}

interface Where {
  readonly origin: ReaderInput['origin'];
  readonly uri?: string | undefined;
  readonly mediaType?: string | undefined;
  readonly charset?: string | undefined;
}

/** Bytes of one input, and what loading them taught about where they came from (a URL's final address). */
interface Loaded {
  readonly bytes: Uint8Array;
  readonly where?: Where;
}

async function* fromBytes(
  origin: string,
  load: () => Promise<Loaded>,
  asked: Where,
  options: ReadOptions,
  readers: readonly Reader[],
): AsyncGenerator<ReadItem> {
  let decoded: Decoded;
  let where: Where;
  try {
    const loaded = await load();
    where = loaded.where ?? asked;
    decoded = decodeDeclared(
      loaded.bytes,
      where.uri ?? (where.origin === 'stdin' ? 'standard input' : origin),
      options.encoding ?? where.charset,
    );
  } catch (e) {
    yield { kind: 'error', origin, error: asInputError(origin, e) };
    return;
  }
  if (isBlank(decoded.text)) {
    yield { kind: 'error', origin, error: emptyError(where.uri ?? origin) };
    return;
  }
  const reader = chooseReader(
    {
      ...(options.format ? { format: options.format } : {}),
      ...(where.uri ? { uri: where.uri } : {}),
      ...(where.mediaType ? { mediaType: where.mediaType } : {}),
      head: decoded.text.slice(0, 4096),
    },
    readers,
  );
  const input: ReaderInput = {
    text: decoded.text,
    origin: where.origin,
    ...(where.uri ? { uri: where.uri } : {}),
    ...(where.mediaType ? { mediaType: where.mediaType } : {}),
    warnings: decoded.warnings,
    ...(options.language ? { language: options.language } : {}),
  };
  let count = 0;
  try {
    for await (const out of reader.read(input)) {
      // A batch reader reports a bad record as an InputError whose message names the record (line, row).
      if (out instanceof InputError) {
        yield { kind: 'error', origin, error: out };
        continue;
      }
      count++;
      if (isBlank(out.text)) {
        yield {
          kind: 'error',
          origin,
          error: emptyError(`${where.uri ?? origin}${count > 1 ? ` (document ${count})` : ''}`, reader.name),
        };
        continue;
      }
      const init = options.language && !out.language ? { ...out, language: options.language } : out;
      yield { kind: 'document', origin, document: createDocument(init) };
    }
  } catch (e) {
    yield { kind: 'error', origin, error: asInputError(origin, e, reader.name) };
  }
}

function emptyError(label: string, reader?: string): InputError {
  return new InputError(
    'empty',
    reader === 'html'
      ? `${label}: no readable text found in the page`
      : `${label} is empty: there is no text to analyse`,
    reader === 'html'
      ? 'The page may build its text with JavaScript; save the rendered page or copy its text into a file.'
      : undefined,
  );
}

function asInputError(origin: string, e: unknown, reader?: string): InputError {
  if (e instanceof InputError) return e;
  const err = e as Error;
  return new InputError(
    'malformed',
    `${origin}: ${reader ? `the ${reader} reader failed` : 'cannot be read'}: ${err.message}`,
  );
}
