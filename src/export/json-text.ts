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
