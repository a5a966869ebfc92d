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

/**
 * The structural characters of a pattern source from `from` to `to` — `(`, `)`, `|` and the rest outside
 * escapes and character classes — each with its index, until `visit` returns true; returns that index, or -1.
 */
function scanStructure(
  source: string,
  from: number,
  to: number,
  visit: (ch: string, i: number) => boolean,
): number {
  let inClass = false;
  for (let i = from; i < to; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (visit(ch, i)) return i;
  }
  return -1;
}

/** Index of the `)` that closes the group opening at `open` (escapes and character classes skipped). */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  const close = scanStructure(source, open, source.length, (ch) =>
    ch === '(' ? (depth++, false) : ch === ')' && --depth === 0,
  );
  return close < 0 ? source.length : close;
}

export class BoundaryPattern {
  /** The pattern without its assertions, global: finds where the full one may start. */
  private readonly loose: RegExp | null;
  private readonly flags: string;
  private readonly unicode: boolean;
  // The full pattern is compiled only when it is first needed. V8 parses a pattern when it is built, and each
  // `[\p{L}\p{N}]` of a boundary costs ~0.3 ms to build: a long cue list costs tens of milliseconds per copy,
  // at every process start. The global copy is needed only when there is no loose pattern, and the sticky one
  // only once the loose pattern has matched (many documents never match a rebuttal cue at all).
  private stickyRe: RegExp | null = null;
  private globalRe: RegExp | null = null;

  /** `re` without the `g` or `y` flag; its matches are what `exec`, `test` and `matchAll` give. */
  constructor(readonly re: RegExp) {
    this.flags = re.flags.replace(/[gy]/gu, '');
    const loose = withoutAssertions(re.source);
    this.loose = loose === null ? null : new RegExp(loose, `${this.flags}g`);
    this.unicode = /[uv]/u.test(this.flags);
  }

  /** The full pattern, sticky: tried at one position. */
  private get sticky(): RegExp {
    this.stickyRe ??= new RegExp(tightenBoundaries(this.re.source, this.flags), `${this.flags}y`);
    return this.stickyRe;
  }

  /** The full pattern, global: used as it is when the boundaries cannot be left out. */
  private get global(): RegExp {
    this.globalRe ??= new RegExp(tightenBoundaries(this.re.source, this.flags), `${this.flags}g`);
    return this.globalRe;
  }

  /** The first match of the full pattern starting at or after `from` (what a global `exec` with lastIndex `from` gives). */
  exec(text: string, from = 0): RegExpExecArray | null {
    if (!this.loose) {
      const global = this.global;
      global.lastIndex = from;
      return global.exec(text);
    }
    const loose = this.loose;
    loose.lastIndex = from;
    for (;;) {
      const m = loose.exec(text);
      if (!m) return null;
      const at = m.index;
      const sticky = this.sticky;
      sticky.lastIndex = at;
      const full = sticky.exec(text);
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

/** `WORD_BOUNDARY` where the character after it is known to be a letter or digit: no letter or digit before. */
export const BOUNDARY_BEFORE_WORD = String.raw`(?<![\p{L}\p{N}])`;
/** `WORD_BOUNDARY` where the character before it is known to be a letter or digit: no letter or digit after. */
export const BOUNDARY_AFTER_WORD = String.raw`(?![\p{L}\p{N}])`;

const WORD_CHAR = /^[A-Za-z0-9]$/u;

/**
 * The pattern source with each `WORD_BOUNDARY` next to a literal letter or digit reduced to its one live
 * half: before "myth" the boundary can only be "no letter or digit before", after it only "none after".
 * The matches are the same (a boundary is a change of letter-or-digit status, and one side is known), but
 * the pattern has a quarter of the `[\p{L}\p{N}]` classes, which V8 builds slowly (~0.3 ms each) and which
 * make the compiled pattern large: a long cue list compiled 4× faster. Only for Unicode (`u`/`v`) patterns,
 * where `\p{L}` is a Unicode property; other sources are returned as they are.
 */
export function tightenBoundaries(source: string, flags: string): string {
  if (!/[uv]/u.test(flags)) return source;
  let out = '';
  let from = 0;
  for (;;) {
    const at = source.indexOf(WORD_BOUNDARY, from);
    if (at < 0) return out + source.slice(from);
    const end = at + WORD_BOUNDARY.length;
    out += source.slice(from, at);
    if (endsWithWordChar(source, at)) out += BOUNDARY_AFTER_WORD;
    else if (startsWithWordChar(source, end)) out += BOUNDARY_BEFORE_WORD;
    else out += WORD_BOUNDARY;
    from = end;
  }
}

/** A quantifier that can take its atom zero times (`{` counted as one: `{0,n}` can). */
function mayRepeatZeroTimes(ch: string | undefined): boolean {
  return ch === '?' || ch === '*' || ch === '{';
}

/** Whether every match of the pattern text that starts at `pos` begins with a literal ASCII letter or digit. */
function startsWithWordChar(source: string, pos: number): boolean {
  const c = source[pos] ?? '';
  if (WORD_CHAR.test(c)) return !mayRepeatZeroTimes(source[pos + 1]);
  if (c !== '(') return false;
  const isGroup = !source.startsWith('(?', pos) || source.startsWith('(?:', pos);
  if (!isGroup) return false;
  const close = groupEnd(source, pos);
  if (mayRepeatZeroTimes(source[close + 1])) return false;
  const inner = pos + (source.startsWith('(?:', pos) ? 3 : 1);
  return topLevelAlternatives(source, inner, close).every(
    ([s, e]) => s < e && startsWithWordChar(source.slice(0, e), s),
  );
}

/** Whether every match of the pattern text that ends at `pos` ends with a literal ASCII letter or digit. */
function endsWithWordChar(source: string, pos: number): boolean {
  const c = source[pos - 1] ?? '';
  if (WORD_CHAR.test(c)) {
    let run = pos - 1;
    while (run > 0 && WORD_CHAR.test(source[run - 1] as string)) run--;
    let slashes = 0;
    while (run - slashes > 0 && source[run - slashes - 1] === '\\') slashes++;
    if (slashes % 2 === 0) return true;
    // The run opens with an escape: its last character is a literal only past the escape's own characters.
    const first = source[run] as string;
    const escape = 'sSdDwWbBnrtfv'.includes(first)
      ? 1
      : first === 'u'
        ? 5
        : first === 'x'
          ? 3
          : first === 'c'
            ? 2
            : Infinity;
    return pos - run > escape;
  }
  if (c !== ')') return false;
  const open = groupStart(source, pos - 1);
  if (open < 0) return false;
  const isGroup = !source.startsWith('(?', open) || source.startsWith('(?:', open);
  if (!isGroup) return false;
  const inner = open + (source.startsWith('(?:', open) ? 3 : 1);
  return topLevelAlternatives(source, inner, pos - 1).every(
    ([s, e]) => s < e && endsWithWordChar(source.slice(s, e), e - s),
  );
}

/** Index of the `(` that opens the group closing at `close` (escapes and character classes skipped); -1 if none. */
function groupStart(source: string, close: number): number {
  const opens: number[] = [];
  scanStructure(source, 0, close, (ch, i) => {
    if (ch === '(') opens.push(i);
    else if (ch === ')') opens.pop();
    return false;
  });
  return opens.pop() ?? -1;
}

/** The [start, end) ranges of the alternatives between `from` and `to` at the group's own level. */
function topLevelAlternatives(source: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = from;
  scanStructure(source, from, to, (ch, i) => {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
    return false;
  });
  out.push([start, to]);
  return out;
}
