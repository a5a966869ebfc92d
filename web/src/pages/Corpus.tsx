import { useEffect, useState } from 'preact/hooks';
import type { Facet, SearchResponse } from '../api.js';
import { DownloadLink } from '../components/DownloadLink.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { cleanCorpusParams } from '../route-params.js';
import { href, type Route } from '../router.js';
import { useApi } from '../use-api.js';

const FILTERS = ['outlet', 'language', 'technique', 'narrative'] as const;
const FACET_OF: Record<(typeof FILTERS)[number], keyof SearchResponse['facets']> = { outlet: 'outlets', language: 'languages', technique: 'techniques', narrative: 'narratives' };
const PAGE = 20;
/** The API's default cap on a corpus export (GET /api/export): the most recently ingested matches. */
const EXPORT_LIMIT = 10_000;
const EXPORTS: readonly (readonly [string, string])[] = [
  ['STIX 2.1', 'format=stix'],
  ['CSV (ledger)', 'format=csv&table=ledger'],
  ['CSV (claims)', 'format=csv&table=claims'],
  ['CSV (findings)', 'format=csv&table=findings'],
  ['ClaimReview', 'format=claimreview'],
  ['JSON Lines', 'format=jsonl'],
];

/** The offset of the last page of `total` results, as an address parameter ('' for the first). */
function lastPage(total: number): string {
  const last = Math.floor(Math.max(0, total - 1) / PAGE) * PAGE;
  return last > 0 ? String(last) : '';
}

/** Search with facets; the whole query lives in the URL so a search can be shared. */
export function CorpusPage({ route }: { route: Route }) {
  // What the address asks for, as the API takes it (a hand-edited `offset=-5` was a 400 instead of a search).
  const { params: p, offset, changed } = cleanCorpusParams(route.params);
  const [q, setQ] = useState(p.get('q') ?? '');

  /** The search's filters as query parameters (the same for the search and for its export). */
  const filters = (): URLSearchParams => {
    const qs = new URLSearchParams(p);
    qs.delete('offset');
    return qs;
  };

  const reversed = (p.get('from') ?? '') > (p.get('to') ?? '\uffff');
  useEffect(() => setQ(p.get('q') ?? ''), [route]);
  // The address shows what is searched, so that a link copied from it shares this search.
  useEffect(() => {
    if (changed.length) history.replaceState(history.state, '', href('corpus', null, Object.fromEntries(p)));
  }, [route]);
  const page = filters();
  page.set('limit', String(PAGE));
  page.set('offset', String(offset));
  // Every navigation searches again, the same query included (a refreshed corpus); useApi never shows the
  // previous search's results under this search's error.
  const { data, error, retrying, reload } = useApi<SearchResponse>(`/api/documents?${page}`, [route]);

  const go = (changes: Record<string, string | undefined>): void => {
    const next: Record<string, string | undefined> = {};
    for (const [k, v] of p) next[k] = v;
    Object.assign(next, { offset: undefined }, changes);
    location.hash = href('corpus', null, next);
  };

  return (
    <main id="main">
      <h1>Corpus</h1>
      <form
        class="search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          go({ q: q || undefined });
        }}
      >
        <label>
          Search
          <input type="search" name="q" value={q} maxLength={500} onInput={(e) => setQ((e.target as HTMLInputElement).value)} placeholder="words in the text or title" />
        </label>
        <label>
          From
          <input type="date" value={p.get('from') ?? ''} onChange={(e) => go({ from: (e.target as HTMLInputElement).value || undefined })} />
        </label>
        <label>
          To
          <input type="date" value={p.get('to') ?? ''} onChange={(e) => go({ to: (e.target as HTMLInputElement).value || undefined })} />
        </label>
        <label class="inline">
          <input type="checkbox" checked={p.get('hasLedger') === 'true'} onChange={(e) => go({ hasLedger: (e.target as HTMLInputElement).checked ? 'true' : undefined })} /> with a ledger
        </label>
        <button type="submit">Search</button>
      </form>
      {changed.length > 0 && (
        <p class="muted" role="status">
          The address held values the search cannot use: {changed.join('; ')}.
        </p>
      )}
      {reversed && (
        // The API takes the range as given and matches nothing; the CLI refuses it. Said, with the fix.
        <p class="muted" role="status">
          “From” ({p.get('from')}) is after “To” ({p.get('to')}): no document can match.{' '}
          <button type="button" class="link" onClick={() => go({ from: p.get('to') ?? undefined, to: p.get('from') ?? undefined })}>
            Swap the dates
          </button>
        </p>
      )}
      <LoadStatus error={error} retrying={retrying} reload={reload} />
      {data && (
        <div class="corpus">
          <aside class="facets" aria-label="Filters">
            {FILTERS.map((f) => (
              <FacetList key={f} name={f} facets={data.facets[FACET_OF[f]]} selected={p.get(f)} onPick={(v) => go({ [f]: v })} />
            ))}
          </aside>
          {/* Only the count is announced after a search: a live region round the whole list read every title and line of it out again. */}
          <section class="results">
            <p role="status">
              {data.totalExact === false ? 'about ' : ''}
              {data.total.toLocaleString()} document{data.total === 1 ? '' : 's'}
            </p>
            {data.total > 0 && (
              <p class="muted">
                {data.total > EXPORT_LIMIT ? `Export the ${EXPORT_LIMIT.toLocaleString()} most recent:` : 'Export them:'}
                {EXPORTS.map(([label, format]) => (
                  <span key={format}>
                    {' '}
                    <DownloadLink href={`/api/export?${[format, filters().toString()].filter(Boolean).join('&')}`}>{label}</DownloadLink>
                  </span>
                ))}
              </p>
            )}
            {(data.order === 'relevance-recent' || data.facetScope === 'sample') && (
              <p class="muted">
                {data.order === 'relevance-recent' ? 'The 2,000 most recent matches are ranked by relevance, older ones follow newest first. ' : ''}
                {data.facetScope === 'sample' ? 'Filter counts cover the 1,000 most recent matches.' : ''}
              </p>
            )}
            <ol class="doc-list" start={offset + 1}>
              {data.items.map((d) => (
                <li key={d.id}>
                  <a href={href('doc', d.id)}>
                    <bdi>{d.title ?? d.id.slice(0, 12)}</bdi>
                  </a>
                  <div class="muted">
                    <bdi>{d.outlet ?? 'unknown outlet'}</bdi> · {d.publishedAt?.slice(0, 10) ?? 'undated'} · {d.language ?? '?'} · {d.ledgerItems ?? 0} ledger items
                  </div>
                </li>
              ))}
            </ol>
            {data.items.length === 0 && offset > 0 && data.total > 0 && (
              // An address past the last result (a shared link to a page of a search that since shrank).
              <p>
                This page is past the last result.{' '}
                <a href={href('corpus', null, { ...Object.fromEntries(filters()), offset: lastPage(data.total) || undefined })}>Go to the last page</a>
              </p>
            )}
            <nav class="pager" aria-label="Pages">
              <button disabled={offset === 0} onClick={() => go({ offset: String(Math.max(0, offset - PAGE)) })}>
                ← Previous
              </button>
              <button disabled={offset + PAGE >= data.total} onClick={() => go({ offset: String(offset + PAGE) })}>
                Next →
              </button>
            </nav>
          </section>
        </div>
      )}
    </main>
  );
}

function FacetList({ name, facets, selected, onPick }: { name: string; facets: Facet[]; selected: string | null; onPick: (v: string | undefined) => void }) {
  return (
    <fieldset class="facet">
      <legend>{name}</legend>
      {selected && (
        <button class="link" onClick={() => onPick(undefined)}>
          × clear “{selected}”
        </button>
      )}
      <ul>
        {facets.slice(0, 12).map((f) => (
          <li key={f.value}>
            <button class={`link${selected === f.value ? ' on' : ''}`} aria-pressed={selected === f.value} onClick={() => onPick(f.value)}>
              {f.value}
            </button>{' '}
            <span class="muted">{f.count}</span>
          </li>
        ))}
        {facets.length === 0 && <li class="muted">none</li>}
      </ul>
    </fieldset>
  );
}
