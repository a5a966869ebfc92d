import { describe, expect, it } from 'vitest';
import { summarise, tableRows } from '../../web/src/timeline.js';

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
