/** Escapes text for HTML element content and attribute values (double- or single-quoted). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/** Makes a string safe as a CSS class fragment (technique labels, detector ids). */
export function cssIdent(text: string): string {
  return text.replace(/[^a-zA-Z0-9_-]/gu, '_');
}

/** Terminal output must not carry control sequences from documents (an ANSI escape in a quote could rewrite the screen). */
export function stripControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '');
}
