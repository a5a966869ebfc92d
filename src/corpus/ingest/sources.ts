/**
 * Turns what the user named — files, folders, URLs, feeds, `-` — into one stream of documents and
 * per-item errors. JSONL and CSV files are streamed record by record (memory does not grow with the file);
 * feeds (a `.rss`/`.atom`/`.xml` file or URL, or a URL whose path mentions feed/rss/atom) give one document
 * per item; everything else goes through the ingest readers (`src/ingest/read-input.ts`).
 */
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createDocument, type Document } from '../../core/text/document.js';
import { isBlank } from '../../ingest/blank.js';
import { csvReader, streamCsvFile, type BatchRecord, type ColumnMap } from '../../ingest/csv.js';
import { feedReader, fetchFeedBytes, parseFeed } from '../../ingest/feed.js';
import { htmlReader } from '../../ingest/html.js';
import { jsonlReader, streamJsonlFile } from '../../ingest/jsonl.js';
import { folderFiles } from '../../ingest/file-source.js';
import { readInput, type ReadOptions } from '../../ingest/read-input.js';
import { builtinReaders, extensionOf, isSupportedExtension } from '../../ingest/readers.js';
import { InputError, type Reader } from '../../ingest/types.js';
import { isUrl } from '../../ingest/url-source.js';

export type SourceItem =
  | { readonly kind: 'document'; readonly origin: string; readonly document: Document }
  | { readonly kind: 'error'; readonly origin: string; readonly error: InputError }
  | { readonly kind: 'skipped'; readonly origin: string; readonly reason: string };

export interface SourceOptions extends ReadOptions {
  readonly map?: ColumnMap;
}

/** Progress of reading, in bytes of the named local files (undefined total when some input has no size). */
export interface ReadProgress {
  bytesDone: number;
  bytesTotal: number | undefined;
}

export async function measureInputs(specs: readonly string[], cwd: string): Promise<number | undefined> {
  let total = 0;
  for (const s of specs) {
    if (s === '-' || isUrl(s)) return undefined;
    try {
      const st = await stat(resolve(cwd, s));
      if (!st.isFile()) return undefined;
      total += st.size;
    } catch {
      // reported when read
    }
  }
  return total;
}

/**
 * The inputs with each local file or folder once: `ingest a.jsonl ./a.jsonl` or an overlapping glob read,
 * hashed and counted it twice (documents=2, unchanged=1 for one file). Paths are compared as the file
 * system resolves them (links, `./`, `..`); URLs, `-` and paths that do not exist pass as given.
 * `repeated` pairs each dropped input with the one it repeats.
 */
export async function distinctInputs(specs: readonly string[], cwd: string): Promise<{ inputs: string[]; repeated: [string, string][] }> {
  const first = new Map<string, string>();
  const inputs: string[] = [];
  const repeated: [string, string][] = [];
  for (const spec of specs) {
    const key = spec === '-' || isUrl(spec) ? null : await realpath(resolve(cwd, spec)).catch(() => null);
    const earlier = key === null ? undefined : first.get(key);
    if (earlier !== undefined) {
      repeated.push([spec, earlier]);
      continue;
    }
    if (key !== null) first.set(key, spec);
    inputs.push(spec);
  }
  return { inputs, repeated };
}

const FEED_EXT = /\.(rss|atom|xml)$/iu;
const FEED_URL = /(feed|rss|atom)/iu;

export async function* readSources(specs: readonly string[], options: SourceOptions, progress: ReadProgress): AsyncGenerator<SourceItem> {
  const map = options.map ?? {};
  const cwd = options.cwd ?? process.cwd();
  const readers = [feedReader, jsonlReader(map), csvReader(map), ...builtinReaders];
  for (const spec of specs) {
    const before = progress.bytesDone;
    if (isUrl(spec) && (FEED_EXT.test(new URL(spec).pathname) || FEED_URL.test(new URL(spec).pathname))) {
      let got;
      try {
        got = await fetchFeedBytes(spec, { ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}) });
      } catch (e) {
        yield { kind: 'error', origin: spec, error: e instanceof InputError ? e : new InputError('network', `${spec}: ${(e as Error).message}`) };
        continue;
      }
      if (isWebPage(got.mediaType, got.text)) {
        // An article whose address only mentions feed/rss/atom ("/news/atomic-energy", "/feedback.html")
        // failed as "XML but not an RSS or Atom feed": it is read as the page it is, from the answer in hand.
        const answer = got;
        const type = `${answer.mediaType === 'application/xhtml+xml' ? answer.mediaType : 'text/html'}${answer.charset ? `; charset=${answer.charset}` : ''}`;
        const replay = (async () => new Response(new Uint8Array(answer.bytes), { headers: { 'content-type': type } })) as typeof fetch;
        for await (const item of readInput(answer.url, { ...options, readers, fetch: replay })) yield { ...item, origin: spec };
      } else yield* feedItems(parseFeed(got.text, spec, options.language), spec);
      continue;
    }
    const path = isUrl(spec) || spec === '-' ? null : resolve(cwd, spec);
    const info = path ? await stat(path).catch(() => null) : null;
    const isFile = info?.isFile() ?? false;
    if (path && isFile && STREAMED.test(spec)) {
      yield* streamedFile(spec, path, options, progress, before);
    } else if (spec === '-' && options.stdin && (options.format === 'jsonl' || options.format === 'csv')) {
      // Piped records (`zcat dump.jsonl.gz | narrascope ingest - --input-format jsonl`) are streamed like a
      // file's: read whole, more than --max-bytes of them (10 MiB) was refused and nothing stored.
      yield* streamedFile('standard input', options.stdin, options, progress, before, options.format === 'jsonl');
    } else if (path && info?.isDirectory() && !options.format) {
      yield* folderItems(spec, path, { ...options, cwd }, readers, progress);
    } else {
      for await (const item of readInput(spec, { ...options, readers })) yield item;
      if (path && isFile) progress.bytesDone = before + (await stat(path)).size;
    }
  }
}

/** Record files, streamed record by record whatever their size (a line or row over --max-bytes fails alone). */
const STREAMED = /\.(jsonl|ndjson|csv|tsv)$/iu;

function streamedFile(label: string, path: string | NodeJS.ReadableStream, options: SourceOptions, progress: ReadProgress, before: number, jsonl = typeof path === 'string' && /\.(jsonl|ndjson)$/iu.test(path)): AsyncGenerator<SourceItem> {
  const stream = { label, ...(options.language ? { language: options.language } : {}), ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}), ...(options.encoding ? { encoding: options.encoding } : {}) };
  const map = options.map ?? {};
  return batch(jsonl ? streamJsonlFile(path, map, stream) : streamCsvFile(path, map, stream), label, progress, before);
}

/**
 * A folder's files, as `readInput` reads a folder, but with its JSONL and CSV files streamed as when they
 * are named: read whole, one over --max-bytes (10 MiB by default) failed as "over the limit", though the
 * same file named on the command line is streamed whatever its size.
 */
async function* folderItems(spec: string, path: string, options: SourceOptions, readers: readonly Reader[], progress: ReadProgress): AsyncGenerator<SourceItem> {
  const folder = await folderFiles(spec, path);
  if ('error' in folder) {
    yield { kind: 'error', origin: spec, error: folder.error };
    return;
  }
  for (const { shown, reason } of folder.passed) yield { kind: 'skipped', origin: shown, reason };
  for (const { file, shown } of folder.files) {
    const ext = extensionOf(file);
    if (ext !== '' && !isSupportedExtension(ext, readers)) yield { kind: 'skipped', origin: shown, reason: `unsupported file type "${ext}"` };
    else if (STREAMED.test(file)) yield* streamedFile(shown, file, options, progress, progress.bytesDone);
    else yield* readInput(shown, { ...options, readers });
  }
}

/** An answer that is an HTML page, by its type or its content, and no feed by its content (a feed sent as text/html stays a feed). */
function isWebPage(mediaType: string, text: string): boolean {
  const head = text.slice(0, 4096);
  if ((feedReader.sniff?.(head) ?? 0) > 0) return false;
  return mediaType === 'text/html' || mediaType === 'application/xhtml+xml' || (htmlReader.sniff?.(head) ?? 0) >= 0.7;
}

function* feedItems(outputs: ReturnType<typeof parseFeed>, origin: string): Generator<SourceItem> {
  for (const [i, out] of outputs.entries()) {
    if (out instanceof InputError) yield { kind: 'error', origin: `${origin}#${i + 1}`, error: out };
    else yield { kind: 'document', origin: `${origin}#${i + 1}`, document: createDocument(out) };
  }
}

async function* batch(records: AsyncGenerator<BatchRecord>, spec: string, progress: ReadProgress, before: number): AsyncGenerator<SourceItem> {
  for await (const r of records) {
    if (r.bytes) progress.bytesDone = before + r.bytes;
    const origin = `${spec}:${r.line}`;
    if (r.output instanceof InputError) yield { kind: 'error', origin, error: r.output };
    else if (isBlank(r.output.text)) yield { kind: 'error', origin, error: new InputError('empty', `${origin}: the text is empty`) };
    else yield { kind: 'document', origin, document: createDocument(r.output) };
  }
}
