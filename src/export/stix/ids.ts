import { createHash } from 'node:crypto';
import { isCalendarDay } from '../calendar-day.js';

/**
 * STIX identifiers and timestamps. Ids are UUIDv5 over a Narrascope namespace and a stable key (document
 * hash + item id ...), so exporting the same analysis twice gives the same ids and a platform such as
 * OpenCTI updates its objects instead of duplicating them.
 */
export const NARRASCOPE_NAMESPACE = '6f0f5a1e-5b7e-4d0c-9a57-2b8e3c1d4e5f';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/gu, ''), 'hex');
}

export function uuidv5(name: string, namespace = NARRASCOPE_NAMESPACE): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const b = Buffer.from(hash.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function stixId(type: string, key: string): string {
  return `${type}--${uuidv5(`${type}|${key}`)}`;
}

/** `type--uuid` with a version 4 or 5 UUID (RFC 4122 variant), as STIX 2.1 requires of producers. */
export const STIX_ID_RE =
  /^([a-z0-9][a-z0-9-]{1,248}[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u;

/** RFC 3339 UTC with millisecond precision, e.g. 2026-01-02T03:04:05.000Z. */
export const STIX_TIMESTAMP_RE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?Z$/u;

export function stixTimestamp(date: Date): string {
  return date.toISOString();
}

/**
 * A date and time as CSV and JSON Lines records often give it, with no zone: `2024-01-07 10:00`,
 * `2024-01-07T10:00:00`. Ingestion keeps such a date as written.
 */
const ZONELESS_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/u;

/**
 * A document date ("2022-01-07", "2022-01-07T10:00:00+01:00") as a STIX timestamp, or null. A date that
 * parses but has no four-digit year (year 10000 and later, years before 0: "+010000-01-01") is null too,
 * as toISOString writes it with six digits and a sign, which is no RFC 3339 timestamp; so is a day the
 * month lacks ("2024-02-30", which Date.parse rolls over to 1 March).
 *
 * A date and time without a zone is read as UTC, as a date alone is. Date.parse reads it in the time zone
 * of the machine that exports, so the same stored document was published at 10:00Z exported on a UTC
 * server, 01:00Z in Tokyo and 15:00Z in New York, and each export sent OpenCTI a different `published`.
 */
export function toStixTimestamp(value: string | undefined | null): string | null {
  if (!value) return null;
  const day = /^\d{4}-\d{2}-\d{2}/u.exec(value)?.[0];
  if (day !== undefined && !isCalendarDay(day)) return null;
  const zoneless = ZONELESS_DATE_TIME.exec(value.trim());
  const t = Date.parse(zoneless ? `${zoneless[1]}T${zoneless[2]}Z` : value);
  if (!Number.isFinite(t)) return null;
  const iso = new Date(t).toISOString();
  return STIX_TIMESTAMP_RE.test(iso) ? iso : null;
}
