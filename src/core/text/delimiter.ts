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
