/**
 * The field separator of a delimited table, read from its header line. Spreadsheets in locales that write
 * decimal commas (most of continental Europe) save "CSV" with semicolons, and tab-separated exports are often
 * named .csv: the most frequent of comma, semicolon and tab outside double quotes wins.
 */
export type Delimiter = ',' | ';' | '\t';

/** The first line of a table's text (a leading byte-order mark left out). */
export function headerLine(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = body.search(/\r?\n/u);
  return end < 0 ? body : body.slice(0, end);
}

/** The separator the header line uses most (`fallback` when it has none, or on a tie it is part of). */
export function sniffDelimiter(header: string, fallback: Delimiter = ','): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best = fallback;
  // Comma first: on a tie between the other two, the conventional separator.
  for (const d of [',', '\t', ';'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** `sep=;` (any one separator character but a quote or a line break), alone on the first line, any case. */
const SEP_LINE_RE = /^\uFEFF?"?sep=([^"\r\n])"?[ \t]*(?:\r\n|\n|\r|$)/iu;

/**
 * Excel's `sep=;` first line, which names the separator (Excel writes one so that a file opens right in any
 * locale): its separator and its length (byte-order mark and line end included), or null. Read as the
 * header, it left a table with one column named "sep=;" and no text column.
 */
export function separatorLine(text: string): { readonly delimiter: string; readonly length: number } | null {
  const m = SEP_LINE_RE.exec(text);
  return m ? { delimiter: m[1] as string, length: m[0].length } : null;
}
