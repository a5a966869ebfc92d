import { describe, expect, it } from 'vitest';
import { normalisePublishedAt } from './dates.js';

describe('normalisePublishedAt', () => {
  it.each([
    ['2024-03-04', '2024-03-04'],
    ['2024-03-04T10:00:00+02:00', '2024-03-04T10:00:00+02:00'],
    ['Mon, 04 Mar 2024 10:00:00 GMT', '2024-03-04T10:00:00.000Z'],
    ['March 4, 2024', new Date(Date.parse('March 4, 2024')).toISOString()],
    ['2024-02-29', '2024-02-29'],
  ])('%s is a date: %s', (raw, stored) => {
    expect(normalisePublishedAt(raw)).toBe(stored);
  });

  it.each(['yesterday', '31/12/2023', '2024-02-30', '2023-13-01', '99999-01-01', '', '   '])('%j is no date', (raw) => {
    expect(normalisePublishedAt(raw)).toBeUndefined();
  });
});
