/** Counts per outlet and period as a small-multiple SVG chart: one row per outlet, one column per period. */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { DEFAULT_OUTLETS, periodLabel, summarise, tableRows, type Bucket, type Point, type TimelineSummary } from '../timeline.js';

export type { Point };

/** How the chart names its periods. */
const PERIOD_WORDS: Readonly<Record<Bucket, { per: string; of: string; column: string; adjective: string }>> = {
  week: { per: 'week (Monday)', of: 'week of', column: 'week (Monday)', adjective: 'Weekly' },
  month: { per: 'month', of: '', column: 'month', adjective: 'Monthly' },
  year: { per: 'year', of: '', column: 'year', adjective: 'Yearly' },
};

export function Timeline({
  points,
  label,
  bucket = 'week',
  outletsShown = DEFAULT_OUTLETS,
  more,
}: {
  points: readonly Point[];
  label: string;
  bucket?: Bucket;
  /** How many outlets to draw at most (the narratives page: as many as the server was asked for). */
  outletsShown?: number;
  /**
   * What the caption says about outlets left out, where the points do not name them all (the server sends
   * only the outlets asked for, and counts the others). Without it, the outlets the points name but the
   * chart leaves out are counted here.
   */
  more?: ComponentChildren;
}) {
  if (!points.length) return <p class="muted">No dated documents for this label.</p>;
  const summary = summarise(points, outletsShown, bucket);
  const { weeks: periods, outlets, max, at } = summary;
  const words = PERIOD_WORDS[bucket];
  // Columns at least 8 px and at most 64 px wide; period labels spaced at least 76 px apart.
  const colW = Math.max(8, Math.min(64, Math.floor(760 / periods.length)));
  const rowH = 26;
  const left = 180;
  const plotW = Math.max(480, periods.length * colW);
  const width = left + plotW + 10;
  const height = outlets.length * rowH + 40;
  const every = Math.max(1, Math.ceil(76 / colW));
  return (
    <figure class="timeline">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${words.adjective} documents per outlet for ${label} (the same data as a table below the chart)`}>
        {outlets.map((o, r) => (
          <g key={o} transform={`translate(0 ${r * rowH + 10})`}>
            <text x={left - 8} y={rowH / 2 + 4} text-anchor="end" class="axis">
              {o.length > 26 ? `${o.slice(0, 25)}…` : o}
            </text>
            <line x1={left} x2={width - 10} y1={rowH - 2} y2={rowH - 2} class="baseline" />
            {periods.map((w, c) => {
              const n = at.get(`${o}|${w}`) ?? 0;
              if (!n) return null;
              const h = Math.max(2, Math.round(((rowH - 6) * n) / max));
              return (
                <rect key={w} x={left + c * colW + 1} y={rowH - 2 - h} width={colW - 2} height={h} class="bar">
                  <title>{`${o}, ${words.of ? `${words.of} ` : ''}${periodLabel(w, bucket)}: ${n}`}</title>
                </rect>
              );
            })}
          </g>
        ))}
        {periods.map((w, c) =>
          c % every === 0 ? (
            <text key={w} x={left + c * colW + 1} y={height - 8} class="axis">
              {periodLabel(w, bucket)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption class="muted">
        Documents per {words.per} and outlet; tallest bar = {max}. {outlets.length} outlet(s), {periods.length.toLocaleString('en')}{' '}
        {bucket}(s){summary.filled ? '' : ` with documents (the empty ${bucket}s between them are left out: there are too many to draw)`}.
        {more ??
          (summary.outletCount > outlets.length &&
            ` The ${outlets.length} outlets with the most documents are shown, of ${summary.outletCount.toLocaleString('en')}.`)}
      </figcaption>
      <TimelineTable summary={summary} label={label} bucket={bucket} />
    </figure>
  );
}

/**
 * The chart's data as a table, for screen-reader and keyboard users (the SVG is one image to them, its bars
 * readable only by hovering). Made when opened: a corpus of years has thousands of rows.
 */
function TimelineTable({ summary, label, bucket }: { summary: TimelineSummary; label: string; bucket: Bucket }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="timeline-table" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Show the chart's data as a table</summary>
      {open && (
        <table class="grid">
          <caption class="muted">
            Documents per {bucket} and outlet for <bdi>{label}</bdi>
          </caption>
          <thead>
            <tr>
              <th scope="col">{PERIOD_WORDS[bucket].column}</th>
              <th scope="col">outlet</th>
              <th scope="col">documents</th>
            </tr>
          </thead>
          <tbody>
            {tableRows(summary).map((r) => (
              <tr key={`${r.week}|${r.outlet}`}>
                <td>{periodLabel(r.week, bucket)}</td>
                <td>{r.outlet}</td>
                <td>{r.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
