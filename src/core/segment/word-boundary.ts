/**
 * The Unicode word boundary that patterns use in place of `\b` (which only knows ASCII letters), and a fast
 * way to run such patterns. A long alternation of words wrapped in these lookarounds is slow to try at every
 * position of a text; the same alternation without them is fast. `BoundaryPattern` first finds the places
 * where the pattern without its boundaries matches (a superset of where the full pattern can start), then
 * tries the full pattern only there, so it gives exactly the matches of the full pattern, only sooner.
 */
export const WORD_BOUNDARY = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;

/**
 * Whether every WORD_BOUNDARY in the source stands outside any negative lookaround, so that leaving them out
 * can only widen the matches. A small scan of groups (escapes and character classes skipped).
 */
function boundariesOnlyPositive(source: string): boolean {
  const negative: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    if (!inClass && source.startsWith(WORD_BOUNDARY, i)) {
      if (negative.includes(true)) return false;
      i += WORD_BOUNDARY.length - 1;
      continue;
    }
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') negative.push(source.startsWith('(?!', i) || source.startsWith('(?<!', i));
    else if (ch === ')') negative.pop();
  }
  return true;
}

export class BoundaryPattern {
  /** The full pattern, sticky: tried at one position. */
  private readonly sticky: RegExp;
  /** The pattern without its word boundaries, global: finds where the full one may start. */
  private readonly loose: RegExp | null;
  /** The full pattern, global: used as it is when the boundaries cannot be left out. */
  private readonly global: RegExp;
  private readonly unicode: boolean;

  /** `re` without the `g` or `y` flag; its matches are what `exec`, `test` and `matchAll` give. */
  constructor(readonly re: RegExp) {
    const flags = re.flags.replace(/[gy]/gu, '');
    this.sticky = new RegExp(re.source, `${flags}y`);
    const parts = re.source.split(WORD_BOUNDARY);
    this.loose = parts.length > 1 && boundariesOnlyPositive(re.source) ? new RegExp(parts.join(''), `${flags}g`) : null;
    this.global = new RegExp(re.source, `${flags}g`);
    this.unicode = /[uv]/u.test(flags);
  }

  /** The first match of the full pattern starting at or after `from` (what a global `exec` with lastIndex `from` gives). */
  exec(text: string, from = 0): RegExpExecArray | null {
    if (!this.loose) {
      this.global.lastIndex = from;
      return this.global.exec(text);
    }
    const loose = this.loose;
    loose.lastIndex = from;
    for (;;) {
      const m = loose.exec(text);
      if (!m) return null;
      const at = m.index;
      this.sticky.lastIndex = at;
      const full = this.sticky.exec(text);
      if (full) return full;
      loose.lastIndex = this.advance(text, at);
    }
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }

  /** Every match, as `text.matchAll` of the global pattern gives them. */
  *matchAll(text: string): Generator<RegExpExecArray> {
    let from = 0;
    while (from <= text.length) {
      const m = this.exec(text, from);
      if (!m) return;
      yield m;
      from = m[0].length > 0 ? m.index + m[0].length : this.advance(text, m.index);
    }
  }

  /** The next position after `at`: one code unit, or a whole surrogate pair in a Unicode pattern. */
  private advance(text: string, at: number): number {
    if (this.unicode && at + 1 < text.length) {
      const c = text.charCodeAt(at);
      const d = text.charCodeAt(at + 1);
      if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) return at + 2;
    }
    return at + 1;
  }
}
