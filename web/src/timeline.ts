/**
 * What the timeline chart draws, from the API's points (one per outlet and week, unbounded: a corpus of
 * many outlets sends hundreds of thousands). Worked out in one pass each: the chart used to take the tallest
 * bar with Math.max(...counts), which throws a RangeError past about 120,000 arguments (the page went blank),
 * and to rank outlets with a sort whose comparison summed every point for both outlets each time (minutes
 * of a frozen tab for a thousand outlets).
 */
export interface Point {
  readonly week: string;
  readonly outlet: string;
  readonly count: number;
}

export interface TimelineSummary {
  /** Every week with a point, in order. */
  readonly weeks: readonly string[];
  /** The `maxOutlets` outlets with the most documents, most first (ties by name). */
  readonly outlets: readonly string[];
  /** How many outlets the points name (the chart shows `outlets`, at most `maxOutlets` of them). */
  readonly outletCount: number;
  /** The largest count of one outlet in one week (0 without points). */
  readonly max: number;
  /** Count by `${outlet}|${week}`. */
  readonly at: ReadonlyMap<string, number>;
}

export function summarise(points: readonly Point[], maxOutlets = 20): TimelineSummary {
  const weeks = new Set<string>();
  const totals = new Map<string, number>();
  const at = new Map<string, number>();
  let max = 0;
  for (const p of points) {
    weeks.add(p.week);
    totals.set(p.outlet, (totals.get(p.outlet) ?? 0) + p.count);
    at.set(`${p.outlet}|${p.week}`, p.count);
    if (p.count > max) max = p.count;
  }
  const outlets = [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxOutlets)
    .map(([o]) => o);
  return { weeks: [...weeks].sort(), outlets, outletCount: totals.size, max, at };
}

/**
 * The chart's bars as table rows, for readers who cannot see the chart (a screen reader reads an SVG of
 * bars as one image): each week in order, the chart's outlets in its order, weeks without documents left out.
 */
export function tableRows(s: TimelineSummary): Point[] {
  const rows: Point[] = [];
  for (const week of s.weeks)
    for (const outlet of s.outlets) {
      const count = s.at.get(`${outlet}|${week}`) ?? 0;
      if (count) rows.push({ week, outlet, count });
    }
  return rows;
}
