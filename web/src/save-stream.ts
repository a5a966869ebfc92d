/**
 * A corpus export saved by the page itself, streamed to a file the analyst picks (the File System Access
 * API, in Chromium-based browsers). Handed to the browser's download manager, a download that broke off
 * midway (the server stopped, the network dropped) showed only in the browser's download list, as a failed
 * or, worse, a finished-looking entry: the page could not see it. Here the page reads the stream, so a
 * break is an error it shows; the browser writes to a temporary file that becomes the chosen file only
 * when the whole stream has arrived, so a broken download leaves nothing half-written. Memory stays flat:
 * each chunk goes to disk as it comes. Browsers without the API keep the download manager (download.ts).
 */
import { api, ApiFailure } from './api.js';

interface SaveFilePickerOptions {
  readonly suggestedName?: string;
}

type SaveFilePicker = (options?: SaveFilePickerOptions) => Promise<FileSystemFileHandle>;

/** The browser's save dialog, where it has one (Chromium 86+ in a secure context). */
export function savePicker(): SaveFilePicker | null {
  const picker = (globalThis as { showSaveFilePicker?: SaveFilePicker }).showSaveFilePicker;
  return typeof picker === 'function' ? picker.bind(globalThis) : null;
}

/** The file name the server gives the corpus export at `path` (src/server/routes/corpus-export.ts). */
export function exportFileName(path: string): string {
  const q = new URLSearchParams(path.split('?')[1] ?? '');
  switch (q.get('format')) {
    case 'csv':
      return `narrascope-corpus-${q.get('table') ?? 'ledger'}.csv`;
    case 'stix':
      return 'narrascope-corpus.stix.json';
    case 'claimreview':
      return 'narrascope-corpus.claimreview.jsonld';
    default:
      return 'narrascope-corpus.jsonl';
  }
}

/** Bytes for people: 912 bytes, 14.2 kB, 305.1 MB. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} byte${n === 1 ? '' : 's'}`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(1)} ${units[i]}`;
}

/** Whether an error is the analyst closing the save dialog (nothing to report). */
export function isCancel(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/**
 * Asks for a ticket of the export `ticketPath`, then streams its download into the file `file` (the save
 * dialog's answer, asked for first, while the click still counts as the user's gesture) and resolves to the
 * bytes written. A refusal before the first byte is the server's reason (ticketFailure for the download);
 * a stream that breaks off is an ApiFailure `download-broken` that says how far it came.
 */
export async function saveExport(
  ticketPath: string,
  file: Promise<FileSystemFileHandle>,
  failure: (status: number) => ApiFailure,
  onProgress: (bytes: number) => void = () => undefined,
): Promise<number> {
  const handle = await file;
  const { url } = await api<{ url: string }>(ticketPath, { method: 'POST' });
  let res: Response;
  try {
    res = await fetch(url, { referrerPolicy: 'no-referrer', cache: 'no-store' });
  } catch {
    throw new ApiFailure(
      0,
      'network',
      'the server could not be reached',
      'Is `narrascope serve` still running?',
    );
  }
  if (!res.ok || !res.body) throw failure(res.status);
  const writable = await handle.createWritable();
  let bytes = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      bytes += chunk.byteLength;
      onProgress(bytes);
      controller.enqueue(chunk);
    },
  });
  try {
    // A failed read aborts the writable: the browser drops what it wrote, and the file stays as it was.
    await res.body.pipeThrough(counter).pipeTo(writable);
  } catch (e) {
    throw new ApiFailure(
      0,
      'download-broken',
      `the download broke off after ${formatBytes(bytes)} (${(e as Error).message || 'the connection was closed'}); nothing was written to ${handle.name}`,
      'Click the export link again.',
    );
  }
  return bytes;
}
