import { extname } from 'node:path';
import { csvReader } from './csv.js';
import { feedReader } from './feed.js';
import { htmlReader } from './html.js';
import { jsonlReader } from './jsonl.js';
import { markdownReader } from './markdown.js';
import { textReader } from './text.js';
import type { Reader } from './types.js';

/**
 * Built-in readers, most specific first. Add one line per new reader file (jsonl, csv, feed ...). Plain
 * text comes last: it is the fallback for anything that decodes as text.
 */
export const builtinReaders: readonly Reader[] = [
  feedReader,
  jsonlReader(),
  csvReader(),
  htmlReader,
  markdownReader,
  textReader,
];

export interface ReaderChoice {
  /** A reader name forced by the user (`--input-format`). */
  readonly format?: string;
  readonly uri?: string;
  /** Media type without parameters, e.g. from an HTTP Content-Type. */
  readonly mediaType?: string;
  /** The first few KB of the decoded text, for sniffing. */
  readonly head?: string;
}

/** Finds a reader by its name. */
export function readerByName(name: string, readers: readonly Reader[] = builtinReaders): Reader | undefined {
  return readers.find((r) => r.name === name.toLowerCase());
}

/** The extension of a path or URL path, lower-case with its dot; '' when there is none. */
export function extensionOf(uri: string): string {
  let path = uri;
  if (/^https?:\/\//iu.test(uri)) {
    try {
      path = new URL(uri).pathname;
    } catch {
      return '';
    }
  }
  return extname(path).toLowerCase();
}

/** True when a reader claims this extension (used to pick files from a directory). */
export function isSupportedExtension(ext: string, readers: readonly Reader[] = builtinReaders): boolean {
  return ext !== '' && readers.some((r) => r.extensions.includes(ext));
}

/**
 * Chooses the reader: the forced format, else the media type (when specific), else the extension, else
 * the best sniff, else plain text.
 */
export function chooseReader(choice: ReaderChoice, readers: readonly Reader[] = builtinReaders): Reader {
  if (choice.format) {
    const r = readerByName(choice.format, readers);
    if (r) return r;
  }
  const fallback = readers.find((r) => r.name === 'text') ?? (readers[readers.length - 1] as Reader);
  if (
    choice.mediaType &&
    choice.mediaType !== 'text/plain' &&
    choice.mediaType !== 'application/octet-stream'
  ) {
    const r = readers.find((x) => x.mediaTypes.includes(choice.mediaType as string));
    if (r) return r;
  }
  const ext = choice.uri ? extensionOf(choice.uri) : '';
  if (ext) {
    const r = readers.find((x) => x.extensions.includes(ext));
    if (r) return r;
  }
  if (choice.head !== undefined) {
    let best: Reader | undefined;
    let bestScore = 0.5;
    for (const r of readers) {
      const s = r.sniff?.(choice.head) ?? 0;
      if (s > bestScore) {
        best = r;
        bestScore = s;
      }
    }
    if (best) return best;
  }
  return fallback;
}
