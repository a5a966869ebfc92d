/**
 * Cleans a document's metadata strings (title, outlet, author, address) the way `normaliseText` cleans its
 * text: a library caller's `analyzeText(text, { title: 't\u0000\u001b[2J' })` kept NUL, escape sequences and
 * half surrogate pairs in the stored title and outlet, which every export then had to defend against.
 * Metadata is one line: controls (C0, DEL, C1) become spaces where they separate words (tab, line breaks) and
 * go otherwise, and a lone surrogate becomes U+FFFD, as UTF-8 encoders read it anyway.
 */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]+/gu;
// eslint-disable-next-line no-control-regex -- controls are what it removes
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
// eslint-disable-next-line no-control-regex -- controls are what it looks for
const NEEDS_CLEANING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\uD800-\uDFFF]/u;

export function cleanMetadataText(value: string): string {
  if (!NEEDS_CLEANING.test(value)) return value;
  return value.replace(LINE_BREAKS, ' ').replace(CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}
