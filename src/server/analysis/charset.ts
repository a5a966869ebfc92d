/**
 * Which encoding the bytes the API receives are in. The CLI's readInputs (src/ingest/read-input.ts,
 * through src/ingest/decode.ts decodeDeclared) honours a declared charset and an HTML page's `<meta charset>`;
 * the API decoded every upload and fetched page as UTF-8 and ignored both, so a windows-1251 or koi8-r page
 * (common in this domain) came out as U+FFFD where `narrascope analyse` read it right. The API uses the same
 * decoder, the upload's or the page's Content-Type as the declared charset.
 */
import { decodeDeclared as decodeUpload, type Decoded } from '../../ingest/decode.js';

/** The `charset` parameter of a Content-Type header, lower-cased, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/iu.exec(contentType ?? '')?.[1]?.toLowerCase();
}

export function decodeDeclared(bytes: Uint8Array, label: string, declared: string | undefined): Decoded {
  const decoded = decodeUpload(bytes, label, declared);
  // The decoder's advice names the CLI's flag; through the API the charset goes in the Content-Type.
  return { ...decoded, warnings: decoded.warnings.map((w) => w.replace(/run again with --encoding ([\w.:-]+)/u, 'send it with Content-Type: text/plain; charset=$1')) };
}
