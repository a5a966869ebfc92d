import type { ClusterResponse, ClusterSummary } from '../api.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { Timeline } from '../components/Timeline.js';
import { href } from '../router.js';
import { useApi } from '../use-api.js';

export function ClustersPage() {
  const { data, error, retrying, reload } = useApi<{ total: number; items: ClusterSummary[] }>('/api/clusters?limit=100');
  return (
    <main id="main">
      <h1>Republication clusters</h1>
      <LoadStatus error={error} retrying={retrying} reload={reload} />
      {data && data.items.length === 0 && <p class="muted">No clusters yet. Run <code>narrascope clusters --db …</code> to compute them.</p>}
      {data && data.items.length > 0 && (
        <table class="grid">
          <thead>
            <tr>
              <th scope="col">cluster</th>
              <th scope="col">kind</th>
              <th scope="col">documents</th>
              <th scope="col">outlets</th>
              <th scope="col">first seen</th>
              <th scope="col">last seen</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={href('cluster', String(c.id))}>{c.label || `cluster ${c.id}`}</a>
                </td>
                <td>{c.kind}</td>
                <td>{c.size}</td>
                <td>{c.outlets}</td>
                <td>{c.firstSeen?.slice(0, 10) ?? '—'}</td>
                <td>{c.lastSeen?.slice(0, 10) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

/** Monday of the ISO week of a date, as YYYY-MM-DD. */
function weekOf(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return 'undated';
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export function ClusterPage({ id }: { id: string }) {
  const { data, error, retrying, reload } = useApi<ClusterResponse>(`/api/clusters/${encodeURIComponent(id)}`);
  const points = new Map<string, { week: string; outlet: string; count: number }>();
  for (const m of data?.members ?? []) {
    if (!m.publishedAt) continue;
    const key = `${m.outlet ?? '(unknown outlet)'}|${weekOf(m.publishedAt)}`;
    const p = points.get(key) ?? { week: weekOf(m.publishedAt), outlet: m.outlet ?? '(unknown outlet)', count: 0 };
    p.count++;
    points.set(key, p);
  }
  return (
    <main id="main">
      <LoadStatus error={error} retrying={retrying} reload={reload} />
      {data && (
        <>
          <h1>{data.cluster.label || `Cluster ${data.cluster.id}`}</h1>
          <p class="muted">
            {data.cluster.kind} · {data.cluster.size} documents · {data.cluster.outlets} outlets · {data.cluster.firstSeen?.slice(0, 10) ?? '?'} → {data.cluster.lastSeen?.slice(0, 10) ?? '?'}
          </p>
          {data.members.length < data.cluster.size && (
            // The API lists a cluster's first 1,000 members: the chart and the table below were silently those.
            <p class="muted" role="note">
              Showing the first {data.members.length.toLocaleString('en')} of {data.cluster.size.toLocaleString('en')} documents, in order of publication: the chart and the list below count these only.
            </p>
          )}
          <h2>Spread across outlets over time</h2>
          <Timeline points={[...points.values()]} label={data.cluster.label || `cluster ${data.cluster.id}`} />
          <h2>Members, in order of publication</h2>
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">published</th>
                <th scope="col">outlet</th>
                <th scope="col">document</th>
                <th scope="col">similarity</th>
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.document}>
                  <td>{m.publishedAt?.slice(0, 10) ?? '—'}</td>
                  <td>{m.outlet ?? '—'}</td>
                  <td>
                    <a href={href('doc', m.document)}>
                      <bdi>{m.title ?? m.text?.slice(0, 80) ?? m.document.slice(0, 12)}</bdi>
                    </a>
                  </td>
                  <td>{m.similarity.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
