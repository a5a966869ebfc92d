/**
 * The narrative / technique timeline of GET /api/timeline/{narratives,techniques}: documents per outlet and
 * period for one label.
 *
 * Its points used to be unbounded: one per outlet and week with a document, over every outlet and every
 * year stored, so a corpus of many outlets over decades answered with hundreds of thousands of points (tens
 * of megabytes that the browser then drew 20 outlets of). Now the points are those of the `outlets` outlets
 * with the most documents for the label (20 by default: what the chart shows), over `from`..`to` when
 * given, per week, month or year (`bucket`); and a request that would still exceed MAX_TIMELINE_POINTS is
 * refused with a hint to ask for a coarser bucket or a shorter range, rather than cut short silently.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Capabilities } from '../store/capabilities.js';
import type { StoreSchema } from '../store/index.js';
import { inclusiveUpperBound } from '../corpus/date-bound.js';
import { ApiError } from './errors.js';

export const TIMELINE_BUCKETS = ['week', 'month', 'year'] as const;
export type TimelineBucket = (typeof TIMELINE_BUCKETS)[number];
/** At most this many points in one answer (outlets × periods): about 8 MB of JSON. */
export const MAX_TIMELINE_POINTS = 100_000;
export const DEFAULT_TIMELINE_OUTLETS = 20;
/** How a document without an outlet is named in the points. */
export const UNKNOWN_OUTLET = '(unknown outlet)';

export interface TimelineQuery {
  readonly label?: string;
  readonly outlet?: string;
  readonly from?: string;
  readonly to?: string;
  readonly bucket?: TimelineBucket;
  readonly outlets?: number;
}

export interface TimelinePoint {
  /** The first day of the period (YYYY-MM-DD): the ISO week's Monday, the month's or the year's first day. */
  readonly week: string;
  readonly outlet: string;
  readonly label: string;
  readonly count: number;
}

export interface Timeline {
  readonly labels: readonly { readonly value: string; readonly count: number }[];
  readonly bucket: TimelineBucket;
  /** Outlets with a dated document for the label (in the range), and how many of them have points. */
  readonly outlets: { readonly total: number; readonly shown: number };
  readonly points: readonly TimelinePoint[];
}

/**
 * Ties in counts are ordered by name, byte by byte as SQLite compares text: PostgreSQL's own order follows
 * the database's collation, so the two stores listed labels of equal counts in different orders.
 */
const byName = (caps: Capabilities, ref: RawBuilder<unknown>): RawBuilder<unknown> =>
  caps.dialect === 'postgres' ? sql`${ref} COLLATE "C"` : ref;

/** The period a document falls in, of the publication day as written, as the from/to filters read it: weeks are stored (published_week, store/repositories/rows.ts `weekOf`), months and years read from the date. */
function period(bucket: TimelineBucket): RawBuilder<string> {
  if (bucket === 'month') return sql<string>`substr(d.published_at, 1, 7) || '-01'`;
  if (bucket === 'year') return sql<string>`substr(d.published_at, 1, 4) || '-01-01'`;
  return sql<string>`d.published_week`;
}

export async function timeline(
  db: Kysely<StoreSchema>,
  caps: Capabilities,
  kind: 'narrative' | 'technique',
  query: TimelineQuery,
  maxPoints = MAX_TIMELINE_POINTS,
): Promise<Timeline> {
  const table = kind === 'narrative' ? 'narratives' : 'document_techniques';
  const col = kind === 'narrative' ? 'label' : 'technique';
  const bucket = query.bucket ?? 'week';
  const labelsRows = (
    await sql<{
      value: string;
      count: number | string;
    }>`SELECT ${sql.ref(col)} AS value, count(DISTINCT document_id) AS count FROM ${sql.table(table)}
      GROUP BY ${sql.ref(col)} ORDER BY count DESC, ${byName(caps, sql.ref(col))} LIMIT 100`.execute(db)
  ).rows;
  const labels = labelsRows.map((r) => ({ value: r.value, count: Number(r.count) }));
  const label = query.label ?? labels[0]?.value;
  if (!label) return { labels, bucket, outlets: { total: 0, shown: 0 }, points: [] };
  const where = sql`t.${sql.ref(col)} = ${label} AND d.published_week IS NOT NULL
    ${query.outlet ? sql`AND o.name = ${query.outlet}` : sql``}
    ${query.from ? sql`AND d.published_at >= ${query.from}` : sql``}
    ${query.to ? sql`AND d.published_at <= ${inclusiveUpperBound(query.to)}` : sql``}`;
  const from = sql`${sql.table(table)} t JOIN documents d ON d.id = t.document_id LEFT JOIN outlets o ON o.id = d.outlet_id`;
  // The outlets with the most documents for the label, as the chart ranks them (most first, then by name).
  const ranked = (
    await sql<{
      outlet: string | null;
      n: number | string;
    }>`SELECT o.name AS outlet, count(DISTINCT d.id) AS n FROM ${from} WHERE ${where}
      GROUP BY o.name ORDER BY n DESC, ${byName(caps, sql`o.name`)}`.execute(db)
  ).rows;
  const top = ranked.slice(0, query.outlets ?? DEFAULT_TIMELINE_OUTLETS);
  if (top.length === 0) return { labels, bucket, outlets: { total: 0, shown: 0 }, points: [] };
  const named = top.flatMap((r) => (r.outlet === null ? [] : [r.outlet]));
  const withUnknown = named.length < top.length;
  const inTop = sql`(${named.length ? sql`o.name IN (${sql.join(named)})` : sql`FALSE`}${withUnknown ? sql` OR o.name IS NULL` : sql``})`;
  const p = period(bucket);
  const rows = (
    await sql<{
      week: string;
      outlet: string | null;
      count: number | string;
    }>`SELECT ${p} AS week, o.name AS outlet, count(DISTINCT d.id) AS count
      FROM ${from} WHERE ${where} AND ${inTop}
      GROUP BY ${p}, o.name ORDER BY week, ${byName(caps, sql`o.name`)} LIMIT ${maxPoints + 1}`.execute(db)
  ).rows;
  if (rows.length > maxPoints) {
    throw new ApiError(
      422,
      'too-many-points',
      `the timeline of "${label}" has more than ${maxPoints.toLocaleString('en-US')} points (outlets × ${bucket}s)`,
      `Ask for a coarser bucket (bucket=${bucket === 'week' ? 'month' : 'year'}), a shorter range (from, to) or fewer outlets (outlets).`,
    );
  }
  return {
    labels,
    bucket,
    outlets: { total: ranked.length, shown: top.length },
    points: rows.map((r) => ({
      week: r.week,
      outlet: r.outlet ?? UNKNOWN_OUTLET,
      label,
      count: Number(r.count),
    })),
  };
}
