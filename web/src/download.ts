/**
 * Exports as downloads. A plain `<a href download>` sends no Authorization header, so on a private server
 * the browser saved the server's 401 answer as the export, and any refusal (a ClaimReview that cannot be
 * made) was saved as a file too instead of being shown. There, a corpus export (which can be hundreds of
 * MB) is asked for as a download ticket with the token, and the browser follows the ticket's single-use
 * URL, so its download manager streams the file to disk; a document's export (one document, a few MB at
 * most, and refused after its parameters are checked when it cannot be made) is fetched with the token and
 * saved from memory. A failure is an ApiFailure to show. Where reads need no token, the browser follows
 * the link itself.
 */
import { api, ApiFailure, getToken, request } from './api.js';

/** The file name of a Content-Disposition header, or the fallback. */
export function filenameOf(disposition: string | null, fallback: string): string {
  const m = /filename="([^"/\\]+)"/u.exec(disposition ?? '');
  return m?.[1] ?? fallback;
}

/**
 * Whether reads need a token on this server (set from /api/whoami; assumed until it answers). Where they do
 * not, exports are the same for everyone, and the browser's own download streams a corpus export of any
 * size to disk instead of holding it in memory.
 */
let readsNeedToken = true;

export function setReadsNeedToken(value: boolean): void {
  readsNeedToken = value;
}

/** True when the click is handled here (the caller prevents the browser's own download). */
export function needsAuthorisedDownload(): boolean {
  return readsNeedToken && getToken() !== '';
}

/**
 * Fetches `path` with the API token and saves it under the server's file name (made by `rename` first);
 * resolves to the name it was saved under.
 */
export async function downloadWithToken(path: string, rename: (name: string) => string = (n) => n): Promise<string> {
  const res = await request(path);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = rename(filenameOf(res.headers.get('content-disposition'), 'narrascope-export'));
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return a.download;
}

/**
 * File types that Chromium holds when they come from a page that is not a secure context (a server reached
 * over plain HTTP at an address other than loopback: `narrascope serve --host 0.0.0.0` on a lab network):
 * the download stays "Unconfirmed …crdownload" until the analyst finds it in the download list and chooses
 * to keep it, so a JSON Lines or ClaimReview export seemed to do nothing, while the same export with curl,
 * or from http://127.0.0.1, arrived. Measured in chromium 156: .jsonl, .ndjson and .jsonld are held (as a
 * link, a ticket or a blob alike, and the server's Content-Disposition name wins over the link's own), while
 * .json, .csv and .txt arrive.
 */
const HELD_TYPES = /\.(jsonl|ndjson|jsonld)$/u;

/**
 * The name Chromium saves without holding: a JSON-LD document is JSON (`.jsonld` → `.json`); JSON Lines is
 * not, so it keeps its own extension under `.txt`.
 */
export function acceptedName(name: string): string {
  const m = HELD_TYPES.exec(name);
  if (!m) return name;
  return m[1] === 'jsonld' ? `${name.slice(0, -'.jsonld'.length)}.json` : `${name}.txt`;
}

/** The export formats whose file Chromium holds on an insecure page (`format=` of an export address). */
export function isHeldFormat(path: string): boolean {
  const format = new URLSearchParams(path.split('?')[1] ?? '').get('format');
  return format === 'jsonl' || format === 'claimreview';
}

/**
 * Whether a download of `path` from this page would be held by the browser (see HELD_TYPES): a Chromium
 * browser (Chrome, Edge, …), a page that is not a secure context, an export in a held format. Such a
 * download is fetched by the page and saved under `acceptedName` instead.
 */
export function wouldBeHeld(path: string, env: { secure: boolean; userAgent: string } = pageEnv()): boolean {
  return !env.secure && /Chrom(?:e|ium)\//u.test(env.userAgent) && isHeldFormat(path);
}

function pageEnv(): { secure: boolean; userAgent: string } {
  return { secure: globalThis.isSecureContext !== false, userAgent: globalThis.navigator?.userAgent ?? '' };
}

/**
 * The ticket request of a corpus export (`/api/export?…` → `/api/export/tickets?…`, the same parameters),
 * or null for other downloads.
 */
export function ticketPathOf(path: string): string | null {
  const m = /^\/api\/export(\?.*)?$/u.exec(path);
  return m ? `/api/export/tickets${m[1] ?? ''}` : null;
}

/**
 * Why a ticket's download would fail, from the status of its HEAD (a HEAD answer has no body to read the
 * server's own message from; the codes are those of api.md's download tickets).
 */
export function ticketFailure(status: number): ApiFailure {
  switch (status) {
    case 401:
      return new ApiFailure(
        401,
        'revoked-token',
        'the download was refused: the token that asked for it is no longer valid',
        'Sign in again with a valid token.',
      );
    case 404:
      return new ApiFailure(
        404,
        'unknown-ticket',
        'the download link is no longer known to the server (it restarted, or dropped the link to make room)',
        'Click the export link again.',
      );
    case 410:
      return new ApiFailure(
        410,
        'ticket-used',
        'the download link has expired or was already used',
        'Click the export link again.',
      );
    case 429:
      return new ApiFailure(
        429,
        'rate-limited',
        'too many requests from this client',
        'Wait a moment, then click the export link again.',
      );
    case 503:
      return new ApiFailure(503, 'busy', 'the server is busy', 'Try again in a few seconds.');
    default:
      return new ApiFailure(
        status,
        'download-failed',
        `the download failed (HTTP ${status})`,
        'Try again; if it keeps failing, the server log says why.',
      );
  }
}

/**
 * Asks for a download ticket with the API token, checks it, then lets the browser download its URL (no token
 * needed). The browser's own download shows its failure only in its download list, and the page cannot see
 * it: the ticket is first checked with a HEAD request, which does not spend it and answers as the download
 * would (a ticket dropped or expired, a token revoked, a busy server), so such a failure is an ApiFailure
 * the page shows. (A download that breaks off midway is still only in the browser's download list: that is
 * why, where the browser lets the page pick a file, save-stream.ts saves the export instead.)
 */
export async function downloadWithTicket(ticketPath: string): Promise<void> {
  const { url } = await api<{ url: string }>(ticketPath, { method: 'POST' });
  let head: Response;
  try {
    head = await fetch(url, { method: 'HEAD', referrerPolicy: 'no-referrer', cache: 'no-store' });
  } catch {
    throw new ApiFailure(
      0,
      'network',
      'the server could not be reached',
      'Is `narrascope serve` still running?',
    );
  }
  if (!head.ok) throw ticketFailure(head.status);
  const a = document.createElement('a');
  a.href = url;
  // An attachment: the page stays; the download manager writes the stream to disk. No Referer either way.
  a.download = '';
  a.rel = 'noreferrer';
  a.click();
}
