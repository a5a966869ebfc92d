import { useMemo } from 'preact/hooks';
import { api, type StoredDocumentResponse } from '../api.js';
import { DownloadLink } from '../components/DownloadLink.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { FactCheckMatches } from '../components/FactCheckMatches.js';
import { ResultView, type Actions } from '../components/ResultView.js';
import { safeHref } from '../links.js';
import { useApi } from '../use-api.js';

export function DocumentPage({ id, canAct }: { id: string; canAct: boolean }) {
  const enc = encodeURIComponent(id);
  // Another document's text under this one's error would read as this document: useApi shows one or the other.
  const { data, error, retrying, reload: load } = useApi<StoredDocumentResponse>(`/api/documents/${enc}`);
  const confirmed = useMemo(() => new Map((data?.confirmations ?? []).map((c) => [c.itemKey, c.verdict])), [data]);
  const actions: Actions | undefined = canAct
    ? {
        dismiss: async (f, reason) => {
          await api(`/api/documents/${enc}/dismissals`, { body: { detector: f.detector, messageId: f.messageId, start: f.span.start, end: f.span.end, quote: f.span.text, reason } });
          load();
        },
        confirm: async (item, verdict) => {
          await api(`/api/documents/${enc}/confirmations`, { body: { itemKey: item.id, verdict } });
          load();
        },
      }
    : undefined;
  return (
    <main id="main">
      <LoadStatus error={error} retrying={retrying} reload={load} />
      {data && (
        <>
          <h1>{data.document.title ?? `Document ${data.document.id.slice(0, 12)}`}</h1>
          <p class="muted">
            <bdi>{data.document.outlet ?? 'unknown outlet'}</bdi> · {data.document.publishedAt?.slice(0, 10) ?? 'undated'}
            {safeHref(data.document.url) && (
              <>
                {' · '}
                <a href={safeHref(data.document.url) as string} rel="noopener noreferrer nofollow" target="_blank">
                  source
                </a>
              </>
            )}
            {' · export: '}
            <DownloadLink href={`/api/documents/${enc}/export?format=json`}>JSON</DownloadLink>{' '}
            <DownloadLink href={`/api/documents/${enc}/export?format=csv`}>CSV (ledger)</DownloadLink>{' '}
            <DownloadLink href={`/api/documents/${enc}/export?format=csv&table=findings`}>CSV (findings)</DownloadLink>{' '}
            <DownloadLink href={`/api/documents/${enc}/export?format=stix`}>STIX 2.1</DownloadLink>
            {safeHref(data.document.url) && (
              <>
                {' '}
                <DownloadLink href={`/api/documents/${enc}/export?format=claimreview`}>ClaimReview</DownloadLink>
              </>
            )}
          </p>
          {data.result ? <ResultView result={data.result} dismissed={data.dismissedFindings} confirmed={confirmed} actions={actions} /> : <p>This document has no analysis yet.</p>}
          {!canAct && <p class="muted">Sign in with an analyst token (top right) to dismiss findings and confirm ledger items.</p>}
          {data.result && <FactCheckMatches docId={data.document.id} />}
        </>
      )}
    </main>
  );
}
