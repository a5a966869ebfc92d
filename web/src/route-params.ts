/**
 * The parameters of a page's address, made into ones the API accepts. An address is typed, shared or
 * edited by hand (`#/corpus?offset=-5`, `offset=abc`, `from=2025-02-31`), and the API answers a value
 * outside its schema with a 400, so the page used to show that error instead of the search. Each value is
 * now clamped to what the API takes (an offset into 0..1,000,000, text cut to its maximum length) or left
 * out (a date that does not exist, a flag other than `true`), and the page says what it left out.
 */
import { isCalendarDate } from '../../src/server/formats.js';

/** Bounds of the API's `offset` (src/server/routes/corpus.ts). */
export const MAX_OFFSET = 1_000_000;

/** Text filters and the API's maximum length of each. */
const TEXT_LIMITS: Readonly<Record<string, number>> = {
  q: 500,
  outlet: 200,
  language: 20,
  technique: 200,
  narrative: 300,
  label: 300,
};

/** A non-negative whole offset: negative, fractional or non-numeric values are 0 or rounded down; too large ones the maximum. */
export function clampOffset(value: string | null): number {
  const n = Number(value ?? 0);
  if (!Number.isFinite(n) || n <= 0) return n === Infinity ? MAX_OFFSET : 0;
  return Math.min(MAX_OFFSET, Math.floor(n));
}

/** Text without NUL (the API refuses it) and at most `max` UTF-16 units, not ending in half a surrogate pair. */
export function clampText(value: string, max: number): string {
  let v = value.replace(/\0/gu, '');
  if (v.length > max) v = v.slice(0, /[\uD800-\uDBFF]/u.test(v[max - 1] ?? '') ? max - 1 : max);
  return v;
}

export interface CleanParams {
  /** The parameters the API is sent (and the address shows). */
  readonly params: URLSearchParams;
  /** `offset` as a number (0 when absent). */
  readonly offset: number;
  /** What was changed or left out, for the page to say: `from "2025-02-31" (not a date)`. */
  readonly changed: readonly string[];
}

/** The corpus page's filters: text clamped, dates that exist, `hasLedger=true` or nothing, a sensible offset. */
export function cleanCorpusParams(raw: URLSearchParams): CleanParams {
  const params = new URLSearchParams();
  const changed: string[] = [];
  // Typed text in a sentence, its direction isolated (FSI … PDI, a <bdi> in a string): an RLO in it
  // would reverse the rest of the note.
  const quoted = (v: string): string =>
    `\u2068${JSON.stringify(v.length > 40 ? `${clampText(v, 40)}…` : v)}\u2069`;
  for (const key of ['q', 'outlet', 'language', 'technique', 'narrative']) {
    const v = raw.get(key);
    if (!v) continue;
    const clean = clampText(v, TEXT_LIMITS[key] as number);
    if (clean !== v)
      changed.push(`${key} shortened to ${(TEXT_LIMITS[key] as number).toLocaleString('en')} characters`);
    if (clean) params.set(key, clean);
  }
  for (const key of ['from', 'to']) {
    const v = raw.get(key);
    if (!v) continue;
    if (isCalendarDate(v)) params.set(key, v);
    else changed.push(`${key} ${quoted(v)} left out (not a date that exists, YYYY-MM-DD)`);
  }
  const hasLedger = raw.get('hasLedger');
  if (hasLedger === 'true') params.set('hasLedger', 'true');
  else if (hasLedger) changed.push(`hasLedger ${quoted(hasLedger)} left out (only "true" filters)`);
  const rawOffset = raw.get('offset');
  const offset = clampOffset(rawOffset);
  if (rawOffset !== null && rawOffset !== String(offset))
    changed.push(`offset ${quoted(rawOffset)} read as ${offset}`);
  if (offset > 0) params.set('offset', String(offset));
  return { params, offset, changed };
}

/** The narratives page's label, clamped as the API takes it. */
export function cleanLabel(raw: string | null): string | undefined {
  return raw ? clampText(raw, TEXT_LIMITS.label as number) || undefined : undefined;
}

/** A document's id as the API takes it (8 to 64 hex digits; capitals read as small letters), or null. */
export function documentId(arg: string): string | null {
  const id = arg.trim().toLowerCase();
  return /^[0-9a-f]{8,64}$/u.test(id) ? id : null;
}

/** A cluster's id as the API takes it (1 to 2,147,483,647), or null. */
export function clusterId(arg: string): number | null {
  if (!/^\d{1,10}$/u.test(arg.trim())) return null;
  const n = Number(arg.trim());
  return n >= 1 && n <= 2_147_483_647 ? n : null;
}
