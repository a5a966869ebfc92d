/**
 * Exports as downloads. A plain `<a href download>` sends no Authorization header, so on a private server
 * the browser saved the server's 401 answer as the export, and any refusal (a ClaimReview that cannot be
 * made) was saved as a file too instead of being shown. There, the export is fetched with the token and
 * saved from memory, and a failure is an ApiFailure to show; elsewhere the browser follows the link itself
 * and streams the file to disk, however large.
 */
import { getToken, request } from './api.js';

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

/** Fetches `path` with the API token and saves it under the server's file name. */
export async function downloadWithToken(path: string): Promise<void> {
  const res = await request(path);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res.headers.get('content-disposition'), 'narrascope-export');
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
