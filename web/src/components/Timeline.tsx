/** Weekly counts per outlet as a small-multiple SVG chart: one row per outlet, one column per week. */
import { useState } from 'preact/hooks';
import { summarise, tableRows, type Point, type TimelineSummary } from '../timeline.js';

export type { Point };

export function Timeline({ points, label }: { points: readonly Point[]; label: string }) {
  if (!points.length) return <p class="muted">No dated documents for this label.</p>;
  const summary = summarise(points);
  const { weeks, outlets, max, at } = summary;
  // Columns at least 8 px and at most 64 px wide; week labels spaced at least 76 px apart.
  const colW = Math.max(8, Math.min(64, Math.floor(760 / weeks.length)));
  const rowH = 26;
  const left = 180;
  const plotW = Math.max(480, weeks.length * colW);
  const width = left + plotW + 10;
  const height = outlets.length * rowH + 40;
  const every = Math.max(1, Math.ceil(76 / colW));
  return (
    <figure class="timeline">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Weekly documents per outlet for ${label} (the same data as a table below the chart)`}>
        {outlets.map((o, r) => (
          <g key={o} transform={`translate(0 ${r * rowH + 10})`}>
            <text x={left - 8} y={rowH / 2 + 4} text-anchor="end" class="axis">
              {o.length > 26 ? `${o.slice(0, 25)}…` : o}
            </text>
            <line x1={left} x2={width - 10} y1={rowH - 2} y2={rowH - 2} class="baseline" />
            {weeks.map((w, c) => {
              const n = at.get(`${o}|${w}`) ?? 0;
              if (!n) return null;
              const h = Math.max(2, Math.round(((rowH - 6) * n) / max));
              return (
                <rect key={w} x={left + c * colW + 1} y={rowH - 2 - h} width={colW - 2} height={h} class="bar">
                  <title>{`${o}, week of ${w}: ${n}`}</title>
                </rect>
              );
            })}
          </g>
        ))}
        {weeks.map((w, c) =>
          c % every === 0 ? (
            <text key={w} x={left + c * colW + 1} y={height - 8} class="axis">
              {w}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption class="muted">
        Documents per week (Monday) and outlet; tallest bar = {max}. {outlets.length} outlet(s), {weeks.length} week(s).
        {summary.outletCount > outlets.length && ` The ${outlets.length} outlets with the most documents are shown, of ${summary.outletCount.toLocaleString('en')}.`}
      </figcaption>
      <TimelineTable summary={summary} label={label} />
    </figure>
  );
}

/**
 * The chart's data as a table, for screen-reader and keyboard users (the SVG is one image to them, its bars
 * readable only by hovering). Made when opened: a corpus of years has thousands of rows.
 */
function TimelineTable({ summary, label }: { summary: TimelineSummary; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="timeline-table" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Show the chart's data as a table</summary>
      {open && (
        <table class="grid">
          <caption class="muted">
            Documents per week and outlet for <bdi>{label}</bdi>
          </caption>
          <thead>
            <tr>
              <th scope="col">week (Monday)</th>
              <th scope="col">outlet</th>
              <th scope="col">documents</th>
            </tr>
          </thead>
          <tbody>
            {tableRows(summary).map((r) => (
              <tr key={`${r.week}|${r.outlet}`}>
                <td>{r.week}</td>
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
