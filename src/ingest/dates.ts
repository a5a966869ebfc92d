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
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  const year = new Date(t).getUTCFullYear();
  return year >= 1000 && year <= 9999 ? new Date(t).toISOString() : undefined;
}
