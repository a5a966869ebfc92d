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
  const t = instantOf(v);
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

/**
 * The instant of a date in another form (`Tue, 07 Jan 2025 10:00:00 GMT`, `January 7, 2025 10:00`), by
 * Date.parse. Without a zone, Date.parse reads it in the machine's zone: the same CSV stored
 * `2025-01-07T01:00:00.000Z` on a machine in Tokyo and `10:00:00.000Z` on a UTC server (and `January 7,
 * 2025` as 6 January in Tokyo). Such a date is read as UTC, as the STIX export reads an ISO date without
 * a zone (which is kept as written), so the day and time are those written, on every machine.
 */
function instantOf(value: string): number {
  const v = withoutComments(value);
  return Date.parse(hasZone(v) ? v : `${v} UTC`);
}

/**
 * Whether Date.parse finds a zone in `v` (V8's reading of a date that is not ISO): a zone name (`GMT`,
 * `UTC`, `UT`, `Z`, `EST` ... `PDT`: the only ones it knows), or a sign after the time (`10:00 +0900`,
 * `10:00 -5`). A zone appended to a value that has one would replace it, so it is added only without.
 */
function hasZone(v: string): boolean {
  return /(?<![a-z])(?:z|ut|utc|gmt|[ecmp][sd]t)(?![a-z])/iu.test(v) || /\d\s*:\s*\d[^+-]*[+-]/u.test(v);
}

/**
 * `v` without its parenthesised comments, which Date.parse skips (`GMT+0900 (Japan Standard Time)`): a
 * zone named in one (`10:00 (UTC)`) is none, and a comment left open would swallow an appended zone.
 */
function withoutComments(v: string): string {
  let out = '';
  let depth = 0;
  for (const ch of v) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}
