import { STOPWORDS } from './stopwords.js';
import { stemWord, tokenizeForMatching } from './tokenize.js';

/** A matched word or phrase in a text: `[start, end)` UTF-16 offsets and the text itself. */
export interface Highlight {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The words of `text` whose index term is in `terms`, merged into phrases: neighbouring matches join,
 * also across stop words ("Trump from Home Alone" is one phrase when trump, home and alone all match).
 * Exact offsets, so a UI can mark them without re-searching.
 */
export function highlightMatches(text: string, terms: ReadonlySet<string>): Highlight[] {
  const tokens = tokenizeForMatching(text, true);
  const out: Highlight[] = [];
  let open: { start: number; end: number } | null = null;
  for (const t of tokens) {
    const isStop = STOPWORDS.has(t.word);
    const hit = !isStop && (terms.has(t.term) || terms.has(stemWord(t.word)));
    if (hit) {
      if (open) open.end = t.end;
      else open = { start: t.start, end: t.end };
    } else if (open && !isStop) {
      // A content word that does not match ends the phrase; stop words may sit inside one.
      out.push({ ...open, text: text.slice(open.start, open.end) });
      open = null;
    }
  }
  if (open) out.push({ ...open, text: text.slice(open.start, open.end) });
  return out;
}

/** Renders highlights inline with a marker pair, for terminals and plain text (`[[`, `]]` by default). */
export function markHighlights(
  text: string,
  highlights: readonly Highlight[],
  open = '[[',
  close = ']]',
): string {
  let out = '';
  let at = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += text.slice(at, h.start) + open + text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + text.slice(at);
}
