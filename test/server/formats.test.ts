/** The string formats of the request schemas (src/server/formats.ts). */
import { describe, expect, it } from 'vitest';
import { isCalendarDate, isPublicationDate } from '../../src/server/formats.js';

describe('isCalendarDate', () => {
  it.each([
    ['2025-03-04', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-01-00', false],
    ['2024-1-5', false],
    ['2025-03-04T10:00:00Z', false],
    ['yesterday', false],
  ])('%s → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('isPublicationDate', () => {
  it.each([
    ['2025-03-04', true],
    ['2025-03-04T10:30', true],
    ['2025-03-04T10:30:00Z', true],
    ['2025-03-04T10:30:00.123+02:00', true],
    ['2025-03-04 10:30:00', true],
    ['2025-02-31', false],
    ['2025-02-31T10:00:00Z', false],
    ['2024-99-99xyz', false],
    ['2025-03-04junk', false],
    ['2025-03-04T25:00:00Z', false],
    ['2025-03-04T10:61', false],
  ])('%s → %s', (value, expected) => {
    expect(isPublicationDate(value)).toBe(expected);
  });
});
