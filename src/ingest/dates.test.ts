import { describe, expect, it } from 'vitest';
import { normalisePublishedAt } from './dates.js';

describe('normalisePublishedAt', () => {
  it.each([
    ['2024-03-04', '2024-03-04'],
    ['2024-03-04T10:00:00+02:00', '2024-03-04T10:00:00+02:00'],
    ['Mon, 04 Mar 2024 10:00:00 GMT', '2024-03-04T10:00:00.000Z'],
    ['March 4, 2024', '2024-03-04T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29'],
    // Numbers with the year last: day first with dots, else only when one number is over 12.
    ['01.02.2024', '2024-02-01'],
    ['1.2.2024 9:05', '2024-02-01T09:05:00'],
    ['31/12/2023', '2023-12-31'],
    ['12/31/2023', '2023-12-31'],
    ['13-02-2024', '2024-02-13'],
  ])('%s is a date: %s', (raw, stored) => {
    expect(normalisePublishedAt(raw)).toBe(stored);
  });

  it.each(['yesterday', '01/02/2024', '04-03-2024', '1.2.24', '31.02.2024', '13/13/2024', '2024-02-30', '2023-13-01', '99999-01-01', '', '   '])('%j is no date', (raw) => {
    expect(normalisePublishedAt(raw)).toBeUndefined();
  });
});
