import { basename, extname } from 'node:path';

/**
 * Metadata (a title, an outlet, an author) as one line of text: control characters (ESC, BEL, a NUL, line
 * breaks) become spaces, runs of white space one space, and the ends are trimmed — what the JSONL and CSV
 * readers already did with a record's fields. A page's <title> or a Markdown front-matter title kept an
 * ESC ]0;... sequence, which was stored and written raw into every export and report.
 */
export function oneLine(text: string): string {
  return wellFormed(text)
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The text with each lone UTF-16 surrogate (a JSON `"\ud800"`) made U+FFFD, one unit for one, so offsets
 * stay. They were stored as they came: no UTF-8 encodes them, so each store, export and terminal made of
 * them what it would (a JSON export wrote `\ud800`, which some parsers refuse). `\p{Cs}` in a Unicode
 * pattern matches only unpaired halves.
 */
export function wellFormed(text: string): string {
  return text.replace(/\p{Cs}/gu, '\ufffd');
}

/** A fallback title from a file name ("myths-and-facts.txt" → "myths-and-facts"); none for URLs or stdin. */
export function titleFromPath(uri: string | undefined): { title?: string } {
  if (!uri || /^[a-z][a-z0-9+.-]*:\/\//iu.test(uri)) return {};
  const name = oneLine(basename(uri, extname(uri)));
  return name ? { title: name } : {};
}
