/**
 * A publication date in a form other than ISO and without a zone (`Tue, 07 Jan 2025 10:00:00`, `January
 * 7, 2025 10:00`, from a CSV or a feed) was read by Date.parse in the machine's zone: the same file stored
 * 10:00Z on a UTC server, 01:00Z in Tokyo and 15:00Z in New York, and `January 7, 2025` as 6 January in
 * Tokyo. It is now read as UTC on every machine, as the STIX export reads a zoneless ISO date; a date that
 * names its zone keeps it.
 */
import { describe, expect, it } from 'vitest';
import { normalisePublishedAt } from '../../src/ingest/dates.js';

const ZONES = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Pacific/Kiritimati'];

function storedIn(timeZone: string, raw: string): string | undefined {
  const before = process.env.TZ;
  process.env.TZ = timeZone; // Node reads the zone again when TZ is assigned
  try {
    return normalisePublishedAt(raw);
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('normalisePublishedAt in any time zone', () => {
  it.each([
    ['Tue, 07 Jan 2025 10:00:00', '2025-01-07T10:00:00.000Z'],
    ['January 7, 2025 10:00', '2025-01-07T10:00:00.000Z'],
    ['January 7, 2025', '2025-01-07T00:00:00.000Z'],
    ['Jan 7 2025 10:00 PM', '2025-01-07T22:00:00.000Z'],
    ['2025/01/07 23:30:00.5', '2025-01-07T23:30:00.500Z'],
    ['Sun, 09 Mar 2025 02:30:00', '2025-03-09T02:30:00.000Z'], // an hour New York skips
    ['Jan 7 2025 10:00 (UTC)', '2025-01-07T10:00:00.000Z'], // a zone in a comment is none
    ['Jan 7 2025 10:00 (UTC', '2025-01-07T10:00:00.000Z'],
    // A zone written in the date is kept, whatever the machine's.
    ['Tue, 07 Jan 2025 10:00:00 GMT', '2025-01-07T10:00:00.000Z'],
    ['Tue, 07 Jan 2025 10:00:00 +0900', '2025-01-07T01:00:00.000Z'],
    ['Tue, 07 Jan 2025 10:00:00 -05:00', '2025-01-07T15:00:00.000Z'],
    ['Jan 7, 2025 10:00 pm EST', '2025-01-08T03:00:00.000Z'],
    ['Tue Jan 07 2025 10:00:00 GMT+0900 (Japan Standard Time)', '2025-01-07T01:00:00.000Z'],
    ['7-Jan-2025 10:00 -0500', '2025-01-07T15:00:00.000Z'],
    ['Jan 7 2025 10:00 z', '2025-01-07T10:00:00.000Z'],
  ])('%j is stored as %s', (raw, stored) => {
    for (const zone of ZONES) expect([zone, storedIn(zone, raw)]).toEqual([zone, stored]);
  });

  // West of UTC, the last evening of 9999 became a year 10000 and the date was left out.
  it('keeps the last evening of 9999 in every zone, and leaves out a year after it', () => {
    for (const zone of ZONES) expect(storedIn(zone, 'Dec 31 9999 23:30')).toBe('9999-12-31T23:30:00.000Z');
    for (const zone of ZONES) expect(storedIn(zone, 'Jan 1 10000 00:30')).toBeUndefined();
  });
});
