/**
 * Pathologically deep markup, cut down before the HTML parser sees it. linkedom's parse time grows with
 * the square of the nesting depth: 20,000 nested `<div>`s took 1.1 s, 40,000 6 s, 100,000 (a 1 MB file)
 * 20–27 s, so a 10 MB page of nested tags (within the default --max-bytes) kept ingest busy for half an
 * hour. Tags nested deeper than MAX_PARSED_DEPTH are blanked out with spaces of the same length: offsets
 * into the markup do not move, so the source map still points into the file, and the text between the
 * tags is kept (it joins the element at the limit). Readability is skipped far above that depth anyway
 * (html.ts MAX_DEPTH), so nothing else changes for such a page.
 */

/** Deepest nesting handed to the parser; linkedom parses it in well under a second however often repeated. */
export const MAX_PARSED_DEPTH = 1000;

/** Elements that never nest: no end tag, or one that a parser closes by itself before a sibling (`<p>`, `<li>`). */
const NOT_NESTING = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'colgroup',
  'rb',
  'rt',
  'rp',
  'rtc',
]);

/** Comments and raw-text elements (their content holds no tags), or one start or end tag. */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title|xmp|noscript)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/giu;

export interface Flattened {
  /** The markup, with the tags nested deeper than the limit replaced by spaces (the input itself when none are). */
  readonly html: string;
  /** The deepest nesting found in the markup (as written, before cutting). */
  readonly depth: number;
}

/** Blanks out the tags nested deeper than `limit`; cheap (one regular-expression pass) for ordinary pages. */
export function flattenDeepNesting(raw: string, limit = MAX_PARSED_DEPTH): Flattened {
  let depth = 0;
  let deepest = 0;
  const cuts: number[] = []; // start, end pairs
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(raw); m !== null; m = TOKEN.exec(raw)) {
    const name = m[3]?.toLowerCase();
    if (name === undefined || NOT_NESTING.has(name) || m[0].endsWith('/>')) continue;
    if (m[2] === '/') {
      if (depth > limit) cuts.push(m.index, m.index + m[0].length);
      depth = Math.max(0, depth - 1);
    } else {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > limit) cuts.push(m.index, m.index + m[0].length);
    }
  }
  if (cuts.length === 0) return { html: raw, depth: deepest };
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    const [start, end] = [cuts[i] as number, cuts[i + 1] as number];
    parts.push(raw.slice(at, start), ' '.repeat(end - start));
    at = end;
  }
  parts.push(raw.slice(at));
  return { html: parts.join(''), depth: deepest };
}
