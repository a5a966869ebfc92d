import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../api.js';
import { acceptedName, downloadWithTicket, downloadWithToken, needsAuthorisedDownload, ticketFailure, ticketPathOf, wouldBeHeld } from '../download.js';
import { exportFileName, formatBytes, isCancel, saveExport, savePicker } from '../save-stream.js';

/**
 * A link to an export that also works with an API token, and says why when the server refuses it. A corpus
 * export is saved by the page where the browser lets it pick a file (save-stream.ts), so that a download
 * that breaks off midway is said here too, with how far it came.
 */
export function DownloadLink({ href, children }: { href: string; children: ComponentChildren }) {
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const onClick = (e: MouseEvent): void => {
    const held = wouldBeHeld(href);
    if (!held && !needsAuthorisedDownload()) return;
    e.preventDefault();
    setError(null);
    setProgress('');
    const ticketPath = ticketPathOf(href);
    const picker = ticketPath ? savePicker() : null;
    let work: Promise<unknown>;
    if (held) {
      // Fetched by the page (with the token where there is one) and saved under a name the browser keeps.
      setProgress('downloading…');
      work = downloadWithToken(href, acceptedName).then(
        (name) =>
          setProgress(
            `saved as ${name}: over plain HTTP from another machine, this browser holds .jsonl and .jsonld files until they are kept by hand in its download list`,
          ),
        (err: unknown) => {
          setProgress('');
          throw err;
        },
      );
    } else if (ticketPath && picker) {
      // The dialog first, while the click still counts as the user's: it is refused a few seconds later.
      const file = picker({ suggestedName: exportFileName(href) });
      // Once a second at most: each chunk would re-render and re-announce the status.
      let shown = 0;
      const onBytes = (n: number): void => {
        if (Date.now() - shown < 1000) return;
        shown = Date.now();
        setProgress(`saving… ${formatBytes(n)}`);
      };
      work = saveExport(ticketPath, file, ticketFailure, onBytes).then(
        async (n) => setProgress(`saved ${(await file).name} (${formatBytes(n)})`),
        (err: unknown) => {
          setProgress('');
          throw err;
        },
      );
    } else if (ticketPath) {
      // Selecting a large corpus's documents for the ticket takes seconds (14 s on a cold 10,000-document
      // store): the link showed nothing meanwhile, and was clicked again.
      setProgress('preparing the export…');
      work = downloadWithTicket(ticketPath).then(
        () => setProgress('the download has started (see the browser\'s downloads)'),
        (err: unknown) => {
          setProgress('');
          throw err;
        },
      );
    } else work = downloadWithToken(href);
    setBusy(true);
    work
      .catch((err: unknown) => {
        if (isCancel(err)) return;
        setError(err instanceof ApiFailure ? err : new ApiFailure(0, 'error', (err as Error).message));
      })
      .finally(() => setBusy(false));
  };
  return (
    <>
      <a href={href} download onClick={onClick} aria-busy={busy}>
        {children}
      </a>
      {progress && (
        <span class="muted download-progress" role="status">
          {' '}
          {progress}
        </span>
      )}
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
