/**
 * The Unicode word boundary that patterns use in place of `\b` (which only knows ASCII letters), and a fast
 * way to run patterns full of such assertions. A long alternation wrapped in lookarounds (or `\b`) is slow
 * to try at every position of a text; the same pattern without its assertions is fast. `BoundaryPattern`
 * first finds the places where the assertion-free pattern matches (a superset of where the full pattern
 * can start), then tries the full pattern only there, so it gives exactly the matches of the full pattern.
 */
export const WORD_BOUNDARY = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;

/**
 * The pattern source without its assertions: every outermost lookaround group and every `\b` / `\B` outside
 * a character class. Leaving out an assertion that is not inside a lookaround can only widen the matches.
 * Null when there is nothing to leave out, or when the source has backreferences (to be safe).
 */
export function withoutAssertions(source: string): string | null {
  if (/\\(?:[1-9]|k<)/u.test(source)) return null;
  let out = '';
  let inClass = false;
  let changed = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (next === 'b' || next === 'B')) changed = true;
      else out += ch + next;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      continue;
    }
    if (ch === '(' && /^\(\?(?:=|!|<=|<!)/u.test(source.slice(i, i + 4))) {
      i = groupEnd(source, i);
      changed = true;
      continue;
    }
    out += ch;
  }
  return changed ? out : null;
}

/** Index of the `)` that closes the group opening at `open` (escapes and character classes skipped). */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
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
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return source.length;
}

export class BoundaryPattern {
  /** The full pattern, sticky: tried at one position. */
  private readonly sticky: RegExp;
  /** The pattern without its assertions, global: finds where the full one may start. */
  private readonly loose: RegExp | null;
  /** The full pattern, global: used as it is when the boundaries cannot be left out. */
  private readonly global: RegExp;
  private readonly unicode: boolean;

  /** `re` without the `g` or `y` flag; its matches are what `exec`, `test` and `matchAll` give. */
  constructor(readonly re: RegExp) {
    const flags = re.flags.replace(/[gy]/gu, '');
    this.sticky = new RegExp(re.source, `${flags}y`);
    const loose = withoutAssertions(re.source);
    this.loose = loose === null ? null : new RegExp(loose, `${flags}g`);
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
