/** Escapes text for HTML element content and attribute values (double- or single-quoted). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/gu, (c) => `&#${c.charCodeAt(0)};`);
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
