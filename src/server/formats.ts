/**
 * String formats the request schemas use, registered on the validators in app.ts (and named in the
 * OpenAPI document). A pattern alone cannot tell 2025-02-31 from 2025-02-28: an impossible date in a
 * filter silently matched nothing, and in a stored document's `publishedAt` it gave no publication week.
 */

/** `YYYY-MM-DD` of a day that exists. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A calendar date, optionally with a time of day (`T10:30`, seconds and fraction optional) and a zone (`Z`, `+02:00`). */
export function isPublicationDate(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/u.exec(value);
  return m !== null && isCalendarDate(m[1] as string);
}

/** Format name → check, and what a failure means for the error message. */
export const FORMATS: Readonly<Record<string, { readonly validate: (value: string) => boolean; readonly meaning: string }>> = {
  date: { validate: isCalendarDate, meaning: 'must be a date that exists, as YYYY-MM-DD' },
  'publication-date': { validate: isPublicationDate, meaning: 'must be a date that exists (YYYY-MM-DD), optionally with a time such as T10:30:00Z' },
};
