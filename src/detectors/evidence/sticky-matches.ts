/**
 * Runs a pattern only where the caller has shown a match can start. A pattern that opens with a name or a
 * long alternation is tried by the regex engine at nearly every position of a text; when a cheap scan can
 * list a superset of the possible starts, trying the sticky pattern there alone gives the same matches.
 */

/**
 * The matches of a pattern as `matchAll` of its global form gives them, trying `sticky` (the same pattern
 * with the `y` flag) at each of `starts` (ascending, a superset of the positions where a match can start).
 * The global scan takes the first match at or after the end of the last one; so does this. For patterns
 * that cannot match the empty string (each use says why its pattern cannot).
 */
export function* stickyMatches(text: string, sticky: RegExp, starts: readonly number[]): Generator<RegExpExecArray> {
  let from = 0;
  for (let k = 0; k < starts.length; k++) {
    const at = starts[k] as number;
    if (at < from) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    yield m;
    from = at + Math.max(1, m[0].length);
  }
}

/** JavaScript's `\s`: Unicode White_Space, line terminators and U+FEFF. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const UPPER = /^\p{Lu}$/u;
/** `\p{Lu}` for each code unit below 0x10000 as found so far (0: not yet asked, 1: yes, 2: no). */
const UPPER_BMP = new Uint8Array(0x10000);

/**
 * Whether a code point may start with the code unit `c` that matches `\p{Lu}`: true for an upper-case
 * letter and for any surrogate (an astral character is not looked into: a candidate too many is harmless).
 */
export function mayBeUpper(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  if (c >= 0xd800 && c <= 0xdfff) return true;
  let k = UPPER_BMP[c] as number;
  if (k === 0) UPPER_BMP[c] = k = UPPER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}
