import { useRef, useState } from 'preact/hooks';
import { api, type ApiFailure } from '../api.js';
import { safeHref } from '../links.js';
import { ErrorBox } from './ErrorBox.js';

interface Match {
  rank: number;
  score: number;
  /** How strongly it looks like the same claim (docs/matching.md); null when ranked by BM25 alone. */
  strength: 'strong' | 'possible' | 'weak' | null;
  factCheck: { id: string; claim: string; title: string | null; verdict: string | null; rating: string | null; publisher: string | null; url: string | null; datePublished: string | null };
}
interface MatchesResponse {
  library: number;
  method: string;
  results: { kind: string; id: string; claim: string; matches: Match[] }[];
}

const STRENGTH_HELP =
  'strong: the best result at this score was the right fact-check 98 % of the time when the library held one; possible: 90 %; weak: below. A claim the library does not hold can still get a strong topical neighbour.';

/** Earlier fact-checks of the document's claims, fetched on demand (matching costs a little). */
export function FactCheckMatches({ docId }: { docId: string }) {
  const [data, setData] = useState<MatchesResponse | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const load = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    try {
      setData(await api<MatchesResponse>(`/api/documents/${encodeURIComponent(docId)}/matches?k=3`));
      setError(null);
      // The button that had the focus is replaced by the results: the keyboard goes to their heading, not
      // back to the start of the page.
      requestAnimationFrame(() => heading.current?.focus());
    } catch (e) {
      setError(e as ApiFailure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="matches" aria-labelledby="matches-h">
      <h2 id="matches-h" tabIndex={-1} ref={heading}>
        Earlier fact-checks
      </h2>
      {!data && (
        // aria-disabled, not disabled: a disabled button loses the keyboard focus.
        <button onClick={load} aria-disabled={busy}>
          {busy ? 'Searching…' : 'Find earlier fact-checks of these claims'}
        </button>
      )}
      {error && <ErrorBox error={error} />}
      {data && data.library === 0 && <p class="muted">The fact-check library is empty. Import fact-checks with <code>narrascope factchecks import</code>.</p>}
      {data && data.library > 0 && (
        <>
          <p class="muted">
            Searched {data.library.toLocaleString()} fact-checks ({data.method}).
          </p>
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">claim in this document</th>
                <th scope="col">earlier fact-check</th>
                <th scope="col">verdict</th>
                <th scope="col">publisher</th>
                <th scope="col">match</th>
              </tr>
            </thead>
            <tbody>
              {data.results.flatMap((r) =>
                (r.matches.length ? r.matches : [null]).map((m, i) => (
                  <tr key={`${r.id}-${i}`}>
                    {i === 0 && <td rowSpan={Math.max(1, r.matches.length)}>{r.claim}</td>}
                    {m ? (
                      <>
                        <td>
                          {safeHref(m.factCheck.url) ? (
                            <a href={safeHref(m.factCheck.url) as string} rel="noopener noreferrer nofollow" target="_blank">
                              {m.factCheck.claim}
                            </a>
                          ) : (
                            m.factCheck.claim
                          )}
                        </td>
                        <td>{m.factCheck.rating ?? m.factCheck.verdict ?? '—'}</td>
                        <td>{m.factCheck.publisher ?? '—'}</td>
                        <td title={STRENGTH_HELP}>
                          {m.strength ? `${m.strength} · ` : ''}
                          {m.score.toFixed(2)}
                        </td>
                      </>
                    ) : (
                      <td colSpan={4} class="muted">
                        no earlier fact-check found
                      </td>
                    )}
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
