/**
 * Whether a text has nothing to analyse: only white space and invisible format characters (zero-width
 * space, word joiner, BOM, soft hyphen, direction marks). `trim()` keeps those, so a file or record holding
 * only U+200B or U+FEFF was stored and analysed as a document with no visible word.
 */
export function isBlank(text: string): boolean {
  return /^[\s\p{Cf}]*$/u.test(text);
}
