/**
 * Whether a folder's search (readInputs) reads this file: a supported extension, none, or any with
 * --input-format. Apart from output-target.ts, which the store commands load: the readers it needs
 * bring the HTML and feed parsers, which `narrascope search` must not wait for.
 */
import { extensionOf, isSupportedExtension } from '../ingest/readers.js';

export function readInFolder(path: string, inputFormat: string | undefined): boolean {
  const ext = extensionOf(path);
  return inputFormat !== undefined || ext === '' || isSupportedExtension(ext);
}
