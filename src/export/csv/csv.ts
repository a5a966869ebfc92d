/**
 * RFC 4180 CSV that is also safe to open in a spreadsheet: fields with a comma, quote, CR or LF are
 * quoted with doubled quotes; lines end in CRLF; and a text cell that starts with `=`, `+`, `-`, `@`,
 * TAB or CR — which Excel, LibreOffice and Google Sheets would run as a formula — gets a leading `'`
 * (the OWASP "CSV injection" advice). Numbers are written as numbers; document text is never executed.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/u;

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

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvRows([header]) + csvRows(rows);
}
