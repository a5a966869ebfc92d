import type { TimelineResponse } from '../api.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { Timeline } from '../components/Timeline.js';
import { cleanLabel } from '../route-params.js';
import { href, type Route } from '../router.js';
import { useApi } from '../use-api.js';

export function NarrativesPage({ route }: { route: Route }) {
  const kind = route.params.get('kind') === 'technique' ? 'technique' : 'narrative';
  // Cut to what the API takes: a longer label (or one with a NUL) in a hand-edited address was a 400.
  const label = cleanLabel(route.params.get('label'));
  const { data, error, retrying, reload } = useApi<TimelineResponse>(`/api/timeline/${kind}s?${new URLSearchParams(label ? { label } : {})}`, [route]);
  const current = label ?? data?.labels[0]?.value;
  return (
    <main id="main">
      <h1>{kind === 'narrative' ? 'Narratives' : 'Techniques'} over time</h1>
      <p>
        <a href={href('narratives', null, { kind: 'narrative' })} aria-current={kind === 'narrative' ? 'page' : undefined}>
          narratives
        </a>{' '}
        ·{' '}
        <a href={href('narratives', null, { kind: 'technique' })} aria-current={kind === 'technique' ? 'page' : undefined}>
          techniques
        </a>
      </p>
      <LoadStatus error={error} retrying={retrying} reload={reload} />
      {data && (
        <div class="two-col">
          <nav class="label-list" aria-label={`${kind} labels`}>
            <ul>
              {data.labels.map((l) => (
                <li key={l.value}>
                  <a href={href('narratives', null, { kind, label: l.value })} aria-current={l.value === current ? 'true' : undefined}>
                    <bdi>{l.value}</bdi>
                  </a>{' '}
                  <span class="muted">{l.count}</span>
                </li>
              ))}
              {data.labels.length === 0 && <li class="muted">No labels in the corpus yet.</li>}
            </ul>
          </nav>
          <section>
            {current && <h2>{current}</h2>}
            {current && <Timeline points={data.points} label={current} />}
            {current && (
              <p>
                <a href={href('corpus', null, { [kind]: current })}>Documents with this {kind} →</a>
              </p>
            )}
          </section>
        </div>
      )}
    </main>
  );
}
