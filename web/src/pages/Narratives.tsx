import { useEffect, useState } from 'preact/hooks';
import type { TimelineResponse } from '../api.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { Timeline } from '../components/Timeline.js';
import { cleanLabel } from '../route-params.js';
import { href, type Route } from '../router.js';
import { BUCKETS, bucketOf, coarser, DEFAULT_OUTLETS, MAX_OUTLETS, outletsOf, type Bucket } from '../timeline.js';
import { useApi } from '../use-api.js';

/** The server's refusal of a timeline with too many points (outlets × periods) to send. */
const TOO_MANY = 'too-many-points';

export function NarrativesPage({ route }: { route: Route }) {
  const kind = route.params.get('kind') === 'technique' ? 'technique' : 'narrative';
  // Cut to what the API takes: a longer label (or one with a NUL) in a hand-edited address was a 400.
  const label = cleanLabel(route.params.get('label'));
  const asked = bucketOf(route.params.get('bucket'));
  const outlets = outletsOf(route.params.get('outlets'));
  // Without a bucket in the address, a timeline the server refuses per week (422 too-many-points: decades
  // of many outlets) is asked for again per month, then per year, and the page says so; the page used to
  // show only the refusal, whose hint named API parameters the page had no control for.
  const request = `${kind}|${label ?? ''}|${outlets ?? ''}`;
  const [fallback, setFallback] = useState<{ request: string; bucket: Bucket } | null>(null);
  const bucket = asked ?? (fallback?.request === request ? fallback.bucket : 'week');
  const query = new URLSearchParams(label ? { label } : {});
  if (bucket !== 'week') query.set('bucket', bucket);
  if (outlets !== undefined) query.set('outlets', String(outlets));
  const path = `/api/timeline/${kind}s?${query}`;
  const { data, error, answered, retrying, reload } = useApi<TimelineResponse>(path, [route, path]);
  // The refusal of this very request (an earlier one's stays shown until the next answer comes).
  const refusedBucket = error?.code === TOO_MANY && answered === path ? bucket : null;
  const next = refusedBucket ? coarser(refusedBucket) : null;
  const fallingBack = !asked && next !== null;
  useEffect(() => {
    if (fallingBack && next) setFallback({ request, bucket: next });
  }, [error, answered]);
  const current = label ?? data?.labels[0]?.value;
  // The address of this page with some parameters changed (undefined leaves one out).
  const here = (changes: Record<string, string | undefined>): string =>
    href('narratives', null, { kind, label, bucket: asked ?? undefined, outlets: outlets === undefined ? undefined : String(outlets), ...changes });
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
      <p>
        documents per{' '}
        {BUCKETS.map((b, i) => (
          <span key={b}>
            {i > 0 && ' · '}
            <a href={here({ bucket: b })} aria-current={b === bucket ? 'true' : undefined}>
              {b}
            </a>
          </span>
        ))}
      </p>
      {!asked && bucket !== 'week' && data && (
        <p class="muted" role="status">
          Shown per {bucket}: per {bucket === 'year' ? 'month' : 'week'} this timeline has too many points (outlets × periods) for the server to send.
        </p>
      )}
      {refusedBucket && !fallingBack ? (
        <TooManyPoints bucket={refusedBucket} outlets={outlets ?? DEFAULT_OUTLETS} here={here} />
      ) : error?.code === TOO_MANY ? (
        // Asking again (per month after a refusal per week, or another label): not the last refusal.
        <p class="muted" role="status">
          {fallingBack ? `Per ${refusedBucket} this timeline has too many points to send; asking for it per ${next}…` : `Asking for the timeline per ${bucket}…`}
        </p>
      ) : (
        <LoadStatus error={error} retrying={retrying} reload={reload} />
      )}
      {data && (
        <div class="two-col">
          <nav class="label-list" aria-label={`${kind} labels`}>
            <ul>
              {data.labels.map((l) => (
                <li key={l.value}>
                  <a href={here({ label: l.value })} aria-current={l.value === current ? 'true' : undefined}>
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
            {current && (
              <Timeline
                points={data.points}
                label={current}
                bucket={data.bucket ?? bucket}
                outletsShown={outlets ?? DEFAULT_OUTLETS}
                more={<OutletsLeftOut total={data.outlets?.total} shown={data.outlets?.shown} here={here} />}
              />
            )}
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

/**
 * How many outlets the chart leaves out (the server sends the 20 with the most documents unless asked for
 * more, and counts them all), with a link to show more of them (at most the API's 200) or fewer again.
 */
function OutletsLeftOut({ total, shown, here }: { total: number | undefined; shown: number | undefined; here: (c: Record<string, string | undefined>) => string }) {
  if (total === undefined || shown === undefined) return null;
  if (shown >= total)
    return shown > DEFAULT_OUTLETS ? (
      <>
        {' '}
        <a href={here({ outlets: undefined })}>Show only the {DEFAULT_OUTLETS} with the most documents</a>
      </>
    ) : null;
  const more = Math.min(total, MAX_OUTLETS);
  return (
    <>
      {' '}
      Shown: the {shown.toLocaleString('en')} of {total.toLocaleString('en')} outlets with the most documents.{' '}
      {more > shown && (
        <a href={here({ outlets: String(more) })}>
          {more === total ? `Show all ${total.toLocaleString('en')}` : `Show the ${more} with the most`}
        </a>
      )}
    </>
  );
}

/** The server's refusal of a bucket the address asked for, with the ways out the page offers. */
function TooManyPoints({ bucket, outlets, here }: { bucket: Bucket; outlets: number; here: (c: Record<string, string | undefined>) => string }) {
  const next = coarser(bucket);
  return (
    <div class="error" role="alert">
      <strong>Per {bucket}, this timeline has too many points (outlets × {bucket}s) for the server to send.</strong>{' '}
      {next && <a href={here({ bucket: next })}>Show it per {next}</a>}
      {next && outlets > DEFAULT_OUTLETS && ' or '}
      {outlets > DEFAULT_OUTLETS && <a href={here({ outlets: undefined })}>show only the {DEFAULT_OUTLETS} outlets with the most documents</a>}
      {!next && outlets <= DEFAULT_OUTLETS && <a href={here({ outlets: '5' })}>Show only the 5 outlets with the most documents</a>}
    </div>
  );
}
