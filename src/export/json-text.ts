/**
 * JSON text that survives line-oriented and JavaScript consumers. JSON.stringify writes U+2028 LINE
 * SEPARATOR and U+2029 PARAGRAPH SEPARATOR as raw characters: valid JSON, but line terminators in
 * JavaScript source before ES2019 (a JSON Lines record pasted into a script, or eval'd by an old
 * consumer, breaks) and line breaks to splitters such as Python's `str.splitlines()`, which also splits
 * on U+0085 NEXT LINE — so one JSON Lines record could read as two. Documents are adversarial and can
 * carry these characters in any text field. They can only occur inside JSON strings (JSON.stringify
 * writes no other white space than space and line feed), where `\uXXXX` is the same character, so the
 * replacement never changes what the JSON means.
 */
export function escapeLineSeparators(json: string): string {
  return json.replace(/[\u0085\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * An escape of half a surrogate pair (`\ud800`). JSON.stringify writes whole pairs as they are and a lone
 * half as such an escape; preceded by an even number of backslashes it is an escape, not the text `\ud800`.
 */
const LONE_SURROGATE_ESCAPE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/gu;

/**
 * The JSON text of an export (JSON Lines, STIX, ClaimReview, analysis JSON): line separators escaped (see
 * escapeLineSeparators) and each lone UTF-16 surrogate written as U+FFFD, one unit for one, so offsets
 * into the text stay right. A lone surrogate (a results file's or a library caller's `"\ud800"`) is no
 * character and no UTF-8 can encode it: JSON.stringify wrote it as the escape `\ud800`, which I-JSON
 * (RFC 7493) forbids, PHP's json_decode refuses (JSON_ERROR_UTF16) and Python reads into a string
 * it cannot encode as UTF-8 again. The document's hash is unchanged by it: sha256 of the text
 * as UTF-8 already read each lone surrogate as U+FFFD. CSV and HTML, written as UTF-8, get U+FFFD too.
 */
export function exportJsonText(json: string): string {
  const wellFormed = json.includes('\\ud') ? json.replace(LONE_SURROGATE_ESCAPE, '$1\ufffd') : json;
  return escapeLineSeparators(wellFormed);
}
