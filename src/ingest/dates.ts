/**
 * Publication dates as the store keeps them: ISO 8601 text, which date filters and weekly statistics
 * compare as strings. A value kept as given when it is not a date ("yesterday", "31/12/2023") sorted
 * after every real date, so `--from 2030-01-01` selected it, and a year of five digits came out as
 * "+099999-...": such values are left out instead (the caller says so).
 */
export function normalisePublishedAt(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/u.exec(v);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    // ISO-like dates are kept as given (with their time and zone), when the day exists.
    return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate() ? v : undefined;
  }
  const numeric = numericDate(v);
  if (numeric !== null) return numeric;
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  const year = new Date(t).getUTCFullYear();
  return year >= 1000 && year <= 9999 ? new Date(t).toISOString() : undefined;
}

/**
 * Day, month and year in numbers with the year last (`01.02.2024`, `31/12/2023`, `12-31-2023`), or null
 * for another form. Date.parse reads them month first, so the `01.02.2024` of a Russian or German outlet
 * (1 February) was stored as 2 January, silently. Dots are day first wherever they are used; with slashes
 * or dashes the order is known only when one number is over 12, and a date that could be either
 * (`01/02/2024`), or whose century is not written (`1.2.24`), is left out: undefined.
 */
function numericDate(v: string): string | undefined | null {
  const m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u.exec(v);
  if (!m) return /^\d{1,2}([./-])\d{1,2}\1\d{2,4}\b/u.test(v) ? undefined : null;
  const [a, b] = [Number(m[1]), Number(m[3])];
  const dayFirst = m[2] === '.' || (a > 12 && b <= 12);
  const monthFirst = !dayFirst && b > 12 && a <= 12;
  if ((m[4] as string).length !== 4 || (!dayFirst && !monthFirst)) return undefined;
  const [day, month, year] = dayFirst ? [a, b, Number(m[4])] : [b, a, Number(m[4])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const date = `${m[4]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const time = m[5] === undefined ? '' : `T${(m[5] as string).padStart(2, '0')}:${m[6]}:${m[7] ?? '00'}`;
  return `${date}${time}`;
}
