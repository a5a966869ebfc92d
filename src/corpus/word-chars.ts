/**
 * Letters and digits of any script (`[\p{L}\p{N}]`, `\p{L}`) tested at a position of a string, for the
 * hand-written word scans of the ingest path (minhash.ts, text-match.ts) that replaced regex walks: ASCII by
 * a table (the common case, without a regex), other code points by the Unicode classes. Callers test only
 * positions inside the string.
 */
const ASCII_WORD = new Uint8Array(128).map((_, c) => ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0));
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** Length in UTF-16 units of the letter or digit at i (2 outside the BMP), or 0 when s[i] starts none. */
export function wordCharLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] as number;
  const cp = s.codePointAt(i) as number;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** Length in UTF-16 units of the letter at i (2 outside the BMP), or 0 when s[i] starts none. */
export function letterLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return c > 57 ? (ASCII_WORD[c] as number) : 0;
  const cp = s.codePointAt(i) as number;
  return LETTER.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}
