/**
 * What the HTML report leaves out of document text: control characters other than newline and tab, and
 * the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which made a quoted
 * claim read in an order other than its characters' (`\u202e` reversed the rest of a line or cell). The
 * report of the terminal (stripControls) leaves them out too. Left-to-right and right-to-left marks
 * (U+200E, U+200F) stay: Arabic, Hebrew and Persian text uses them to place punctuation, and they reorder
 * nothing.
 */
// eslint-disable-next-line no-control-regex
const HTML_HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Escapes text for HTML element content and attribute values (double- or single-quoted); see HTML_HIDDEN. */
export function escapeHtml(text: string): string {
  return text.replace(HTML_HIDDEN, '').replace(/[&<>"'`]/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Document text set inline beside other text (an address in the line under the heading, evidence after a
 * tag): escaped, and isolated in <bdi>, so that right-to-left text takes its own direction without
 * reordering the report's words around it.
 */
export function isolatedHtml(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}

/** Makes a string safe as a CSS class fragment (technique labels, detector ids). */
export function cssIdent(text: string): string {
  return text.replace(/[^a-zA-Z0-9_-]/gu, '_');
}

/**
 * What text from documents must not bring to a terminal: control characters other than newline and tab (an
 * ANSI escape in a quote could rewrite the screen) and bidirectional marks, overrides and isolates (they can
 * make a quoted claim read differently from the bytes it is).
 */
// eslint-disable-next-line no-control-regex
export const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Terminal output must not carry control sequences from documents: they are removed (see TERMINAL_UNSAFE). */
export function stripControls(text: string): string {
  return text.replace(TERMINAL_UNSAFE, '');
}
