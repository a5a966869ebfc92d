import { createHash } from 'node:crypto';
import { checkDocumentInit } from './document-fields.js';
import { cleanMetadataText } from './metadata-text.js';
import { normaliseText } from './normalise.js';
import type { SourceMap } from './source-map.js';

/** Where a document came from. Everything here is metadata: analysis reads only `Document.text`. */
export interface DocumentSource {
  /** Reader that produced the document: text, html, markdown, stdin, url, jsonl, csv, feed ... */
  readonly kind: string;
  /** File path or URL, when there is one. */
  readonly uri?: string;
  readonly outlet?: string;
  readonly author?: string;
  /** ISO 8601 date or date-time of publication, when known. */
  readonly publishedAt?: string;
  /** Media type of the original bytes, e.g. text/html. */
  readonly mediaType?: string;
}

export interface Document {
  /** Stable id: the content hash unless the caller gives one. */
  readonly id: string;
  readonly title?: string;
  /** Normalised text; all spans point into it. */
  readonly text: string;
  /** sha256 of the normalised text, hex. Two documents with the same text are the same document. */
  readonly hash: string;
  readonly source: DocumentSource;
  /** Language given by the caller (BCP 47); detection fills it in when absent. */
  readonly language?: string;
  /**
   * Language the record's metadata states (a CSV or JSONL column, a feed's <language>): a hint, not an
   * order. It often describes the outlet rather than the text (EUvsDisinfo gives the language of the
   * original article beside an English summary), so identification overrides it when sure of another.
   */
  readonly declaredLanguage?: string;
  /** Normalised → original offsets (for HTML: offsets into the raw markup). */
  readonly sourceMap: SourceMap;
  /** Warnings raised while reading, e.g. invalid UTF-8 replaced. */
  readonly warnings: readonly string[];
}

export interface DocumentInit {
  readonly text: string;
  readonly id?: string;
  readonly title?: string;
  readonly source?: DocumentSource;
  readonly language?: string;
  /** See `Document.declaredLanguage`. */
  readonly declaredLanguage?: string;
  /** Map from the given text back to the original, when the reader already transformed it (HTML). */
  readonly sourceMap?: SourceMap;
  readonly warnings?: readonly string[];
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Normalises the text and builds a Document; the one way documents are made. */
export function createDocument(init: DocumentInit): Document {
  checkDocumentInit(init);
  const normalised = normaliseText(init.text);
  const sourceMap = init.sourceMap ? normalised.sourceMap.compose(init.sourceMap) : normalised.sourceMap;
  const hash = contentHash(normalised.text);
  return {
    id: init.id ?? hash.slice(0, 16),
    ...(init.title !== undefined ? { title: cleanMetadataText(init.title) } : {}),
    text: normalised.text,
    hash,
    source: init.source ? cleanSource(init.source) : { kind: 'text' },
    ...(init.language !== undefined ? { language: init.language } : {}),
    ...(init.declaredLanguage !== undefined && init.language === undefined ? { declaredLanguage: init.declaredLanguage } : {}),
    sourceMap,
    warnings: init.warnings ?? [],
  };
}

/**
 * The source with its strings cleaned like the title (see metadata-text.ts); the same object when clean. The
 * address is left as given: it names a file or page, and a cleaned one could name another (exports escape it).
 */
function cleanSource(source: DocumentSource): DocumentSource {
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    const clean = typeof value === 'string' && key !== 'uri' ? cleanMetadataText(value) : value;
    if (clean !== value) changed = true;
    out[key] = clean;
  }
  return changed ? (out as unknown as DocumentSource) : source;
}
