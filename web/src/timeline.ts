/**
 * What the timeline chart draws, from the API's points (one per outlet and period with a document). Worked
 * out in one pass each: the chart used to take the tallest bar with Math.max(...counts), which throws a
 * RangeError past about 120,000 arguments (the page went blank), and to rank outlets with a sort whose
 * comparison summed every point for both outlets each time (minutes of a frozen tab for a thousand outlets).
 */
export interface Point {
  /** The period's first day (YYYY-MM-DD): the ISO week's Monday, the month's or the year's first day. */
  readonly week: string;
  readonly outlet: string;
  readonly count: number;
}

/** The periods the API counts documents in (`bucket`, src/server/timeline.ts). */
export const BUCKETS = ['week', 'month', 'year'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** The outlets the API sends by default, and the most it sends (`outlets`). */
export const DEFAULT_OUTLETS = 20;
export const MAX_OUTLETS = 200;

/**
 * At most this many columns with the empty periods between documents filled in: beyond it (a label with
 * documents dated decades apart, per week), only the periods with documents are drawn, and the caption
 * says so.
 */
export const MAX_FILLED_PERIODS = 1_500;

/** A `bucket` from the address, or null when it is missing or not one. */
export function bucketOf(raw: string | null): Bucket | null {
  return (BUCKETS as readonly string[]).includes(raw ?? '') ? (raw as Bucket) : null;
}

/** The next coarser bucket (week → month → year), or null after year. */
export function coarser(bucket: Bucket): Bucket | null {
  return bucket === 'week' ? 'month' : bucket === 'month' ? 'year' : null;
}

/** An `outlets` count from the address, as the API takes it (1 to 200), or undefined for the default. */
export function outletsOf(raw: string | null): number | undefined {
  if (!raw || !/^\d{1,6}$/u.test(raw)) return undefined;
  return Math.min(MAX_OUTLETS, Math.max(1, Number(raw)));
}

/** A period as people read it: the week's Monday, 2025-03 for a month, 2025 for a year. */
export function periodLabel(period: string, bucket: Bucket): string {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(period)) return period;
  return bucket === 'year' ? period.slice(0, 4) : bucket === 'month' ? period.slice(0, 7) : period;
}

/** The period after `period` (YYYY-MM-DD), in UTC; null when it is not such a date. */
function nextPeriod(period: string, bucket: Bucket): string | null {
  const t = Date.parse(`${period}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(period) || Number.isNaN(t)) return null;
  const d = new Date(t);
  if (bucket === 'week') d.setUTCDate(d.getUTCDate() + 7);
  else if (bucket === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1, 0, 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Every period from `sorted[0]` to its last, the empty ones too, or null when there would be more than
 * `cap` of them or a period is not a date: a chart whose columns were only the periods with documents put a
 * document of January beside one of December, as if the label had been steady all year.
 */
function fillPeriods(sorted: readonly string[], bucket: Bucket, cap: number): string[] | null {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return [];
  const all = [first];
  for (let p: string | null = first; p !== null && p < last; ) {
    p = nextPeriod(p, bucket);
    if (p === null || all.length >= cap) return null;
    all.push(p);
  }
  // Periods that are not on the bucket's steps (a week not a Monday) would be dropped: draw them as sent.
  const steps = new Set(all);
  return sorted.every((p) => steps.has(p)) ? all : null;
}

export interface TimelineSummary {
  /** The chart's columns, in order: every period from the first document to the last (see `filled`). */
  readonly weeks: readonly string[];
  /** Whether `weeks` has the empty periods too (false: only those with documents, too many otherwise). */
  readonly filled: boolean;
  /** The `maxOutlets` outlets with the most documents, most first (ties by name). */
  readonly outlets: readonly string[];
  /** How many outlets the points name (the chart shows `outlets`, at most `maxOutlets` of them). */
  readonly outletCount: number;
  /** The largest count of one outlet in one period (0 without points). */
  readonly max: number;
  /** Count by `${outlet}|${period}`. */
  readonly at: ReadonlyMap<string, number>;
}

export function summarise(
  points: readonly Point[],
  maxOutlets = DEFAULT_OUTLETS,
  bucket: Bucket = 'week',
  maxFilled = MAX_FILLED_PERIODS,
): TimelineSummary {
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
  const sorted = [...weeks].sort();
  const filled = fillPeriods(sorted, bucket, maxFilled);
  return { weeks: filled ?? sorted, filled: filled !== null, outlets, outletCount: totals.size, max, at };
}

/**
 * The chart's bars as table rows, for readers who cannot see the chart (a screen reader reads an SVG of
 * bars as one image): each period in order, the chart's outlets in its order, periods without documents
 * left out.
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
