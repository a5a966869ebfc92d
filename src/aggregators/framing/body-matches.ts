/**
 * "the Northland army", "the Lakeport police": a capitalised name followed by the body it names. These are
 * the matches of
 *
 *     /(?<![\p{L}])([A-Z][\p{L}-]+)\s+(?:army|government|...|rebels)(?![\p{L}])/gu
 *
 * found without it: the pattern is tried at every capital, and its `[\p{L}-]+` reads to the end of the run
 * of letters and hyphens each time, so a run of 100,000 capitals (or "A-A-A-...") took time growing with
 * the square of its length (69 s). Here each body noun after white space is found once, and the name is
 * looked for in the one run of letters and hyphens that ends at that white space: the pattern can only
 * match there, starting at the first capital of the run that has no letter before it.
 */
const BODIES =
  'army|government|forces|military|troops|ministry|authorities|regime|police|navy|parliament|administration|militia|rebels';
const NOUN_AFTER_SPACE = new RegExp(`(?<=\\s)(?:${BODIES})(?![\\p{L}])`, 'gu');
const SPACE = /^\s$/u;
const LETTER_OR_HYPHEN = /^[\p{L}-]$/u;

export interface BodyMatch {
  /** Start of the match: the name's first capital. */
  readonly index: number;
  /** End of the match: the end of the body noun. */
  readonly end: number;
  /** The name (the pattern's first group). */
  readonly name: string;
}

/** The pattern's matches in text order, as `text.matchAll` gives them. */
export function bodyMatches(text: string): BodyMatch[] {
  const out: BodyMatch[] = [];
  let lastIndex = 0;
  NOUN_AFTER_SPACE.lastIndex = 0;
  for (let m = NOUN_AFTER_SPACE.exec(text); m !== null; m = NOUN_AFTER_SPACE.exec(text)) {
    // The name ends where the white space before the noun starts, and lies in the run of letters and hyphens there.
    let nameEnd = m.index;
    while (nameEnd > 0 && SPACE.test(text[nameEnd - 1] as string)) nameEnd--;
    let runStart = nameEnd;
    for (;;) {
      const width = runStart >= 2 && isPair(text, runStart - 2) ? 2 : 1;
      if (runStart - width < 0 || !LETTER_OR_HYPHEN.test(text.slice(runStart - width, runStart))) break;
      runStart -= width;
    }
    // The first capital at or after the last match's end with no letter before it (the run's start, or
    // after a hyphen) and at least one letter or hyphen after it before the name's end.
    for (let s = Math.max(runStart, lastIndex); s < nameEnd - 1; s++) {
      const c = text.charCodeAt(s);
      if (c < 65 || c > 90 || (s > runStart && text.charCodeAt(s - 1) !== 45)) continue;
      const end = m.index + m[0].length;
      out.push({ index: s, end, name: text.slice(s, nameEnd) });
      lastIndex = end;
      break;
    }
  }
  return out;
}

function isPair(text: string, at: number): boolean {
  const hi = text.charCodeAt(at);
  const lo = text.charCodeAt(at + 1);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}
