import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api.js';
import { downloadWithTicket, downloadWithToken, needsAuthorisedDownload, ticketPathOf } from '../download.js';

/** A link to an export that also works with an API token, and says why when the server refuses it. */
export function DownloadLink({ href, children }: { href: string; children: ComponentChildren }) {
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const onClick = (e: MouseEvent): void => {
    if (!needsAuthorisedDownload()) return;
    e.preventDefault();
    setBusy(true);
    setError(null);
    const ticketPath = ticketPathOf(href);
    (ticketPath ? downloadWithTicket(ticketPath) : downloadWithToken(href))
      .catch((err: unknown) => setError(err instanceof ApiFailure ? err : new ApiFailure(0, 'error', (err as Error).message)))
      .finally(() => setBusy(false));
  };
  return (
    <>
      <a href={href} download onClick={onClick} aria-busy={busy}>
        {children}
      </a>
      {error && (
        <span class="download-error" role="alert">
          {' '}
          {error.message}
          {error.hint ? ` — ${error.hint}` : ''}
        </span>
      )}
    </>
  );
}
