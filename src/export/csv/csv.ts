/**
 * RFC 4180 CSV that is also safe to open in a spreadsheet: fields with a comma, quote, CR or LF are
 * quoted with doubled quotes; lines end in CRLF; and a text cell that starts with `=`, `+`, `-`, `@`,
 * TAB, CR or NUL — which Excel, LibreOffice and Google Sheets would run as a formula — gets a leading `'`
 * (the OWASP "CSV injection" advice; NUL as OWASP ASVS 5.0 requirement 1.2.10 lists it). Numbers are
 * written as numbers; document text is never executed.
 */
export type CsvValue = string | number | boolean | null | undefined;

// eslint-disable-next-line no-control-regex
const FORMULA_START = /^[=+\-@\t\r\u0000]/u;

/**
 * The UTF-8 byte order mark, written first only when asked (`--bom`): Excel reads a CSV without it in the
 * system's legacy code page (Cyrillic or Greek text becomes mojibake), but RFC 4180 has no BOM and most
 * other readers (Python's csv module, PostgreSQL COPY, cut/awk) take it as part of the first column name.
 */
export const CSV_BOM = '\ufeff';

export interface CsvOptions {
  /** Start the text with the UTF-8 byte order mark, for Excel (default false). */
  readonly bom?: boolean;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

/** Rows as CSV lines, each ending in CRLF (nothing for no rows): a table written in parts. */
export function csvRows(rows: readonly (readonly CsvValue[])[]): string {
  let out = '';
  for (const r of rows) out += `${r.map(csvCell).join(',')}\r\n`;
  return out;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  return (options.bom ? CSV_BOM : '') + csvRows([header]) + csvRows(rows);
}
