import { describe, expect, it } from 'vitest';
import { bucketOf, coarser, outletsOf, periodLabel, summarise, tableRows } from '../../web/src/timeline.js';

describe('summarise (the timeline chart)', () => {
  it('ranks outlets by their documents, takes the tallest bar and lists the weeks in order', () => {
    const s = summarise([
      { week: '2025-03-10', outlet: 'B', count: 1 },
      { week: '2025-03-03', outlet: 'A', count: 2 },
      { week: '2025-03-10', outlet: 'A', count: 1 },
      { week: '2025-03-17', outlet: 'C', count: 3 },
    ]);
    expect(s.weeks).toEqual(['2025-03-03', '2025-03-10', '2025-03-17']);
    expect(s.outlets).toEqual(['A', 'C', 'B']);
    expect(s.max).toBe(3);
    expect(s.at.get('A|2025-03-03')).toBe(2);
    expect(summarise([]).max).toBe(0);
  });

  it('takes the points of a corpus of many outlets (Math.max(...counts) threw past ~120,000)', () => {
    const points = [];
    for (let o = 0; o < 3000; o++)
      for (let w = 0; w < 100; w++)
        points.push({
          week: `w${String(w).padStart(3, '0')}`,
          outlet: `outlet ${o}`,
          count: 1 + ((o * w) % 7) + (o === 2999 ? 10 : 0),
        });
    const s = summarise(points);
    expect(s.weeks).toHaveLength(100);
    expect(s.outlets).toHaveLength(20);
    expect(s.outlets[0]).toBe('outlet 2999');
    expect(s.max).toBe(17);
  });

  it('gives the chart\'s bars as table rows (week, then outlet in the chart\'s order) and counts the outlets left out', () => {
    const s = summarise(
      [
        { week: '2025-03-10', outlet: 'B', count: 1 },
        { week: '2025-03-03', outlet: 'A', count: 2 },
        { week: '2025-03-10', outlet: 'A', count: 1 },
        { week: '2025-03-17', outlet: 'C', count: 3 },
      ],
      2,
    );
    expect(s.outletCount).toBe(3);
    expect(tableRows(s)).toEqual([
      { week: '2025-03-03', outlet: 'A', count: 2 },
      { week: '2025-03-10', outlet: 'A', count: 1 },
      { week: '2025-03-17', outlet: 'C', count: 3 },
    ]);
  });
});

describe('the chart\'s periods', () => {
  it('are every period from the first document to the last, the empty ones too', () => {
    const s = summarise(
      [
        { week: '2025-01-06', outlet: 'A', count: 1 },
        { week: '2025-02-03', outlet: 'A', count: 1 },
      ],
      20,
      'week',
    );
    // Columns of only the weeks with documents drew January's beside February's, as if steady.
    expect(s.weeks).toEqual(['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27', '2025-02-03']);
    expect(s.filled).toBe(true);
    expect(tableRows(s)).toHaveLength(2);
    const months = summarise([{ week: '2024-11-01', outlet: 'A', count: 1 }, { week: '2025-02-01', outlet: 'B', count: 2 }], 20, 'month');
    expect(months.weeks).toEqual(['2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01']);
    const years = summarise([{ week: '1999-01-01', outlet: 'A', count: 1 }, { week: '2001-01-01', outlet: 'A', count: 1 }], 20, 'year');
    expect(years.weeks).toEqual(['1999-01-01', '2000-01-01', '2001-01-01']);
  });

  it('are only those with documents when there would be too many columns, or a period is off the steps', () => {
    const decades = summarise([{ week: '1900-01-01', outlet: 'A', count: 1 }, { week: '2025-01-06', outlet: 'A', count: 1 }], 20, 'week');
    expect(decades.weeks).toEqual(['1900-01-01', '2025-01-06']);
    expect(decades.filled).toBe(false);
    // 1900-01-01 is a Monday, 1900-01-03 is not: stepping by weeks would drop it.
    expect(summarise([{ week: '1900-01-01', outlet: 'A', count: 1 }, { week: '1900-01-03', outlet: 'A', count: 1 }], 20, 'week').weeks).toEqual(['1900-01-01', '1900-01-03']);
  });

  it('are read from the address and named for people', () => {
    expect(bucketOf('month')).toBe('month');
    expect(bucketOf('day')).toBeNull();
    expect(bucketOf(null)).toBeNull();
    expect(coarser('week')).toBe('month');
    expect(coarser('month')).toBe('year');
    expect(coarser('year')).toBeNull();
    expect(outletsOf('57')).toBe(57);
    expect(outletsOf('5000')).toBe(200);
    expect(outletsOf('0')).toBe(1);
    expect(outletsOf('-3')).toBeUndefined();
    expect(outletsOf('1e3')).toBeUndefined();
    expect(periodLabel('2025-03-01', 'month')).toBe('2025-03');
    expect(periodLabel('2025-01-01', 'year')).toBe('2025');
    expect(periodLabel('2025-03-03', 'week')).toBe('2025-03-03');
  });
});
