/**
 * Which encoding the bytes the API receives are in. The CLI's readInputs (src/ingest/read-input.ts,
 * decodeWithCharset) honours a declared charset and an HTML page's `<meta charset>`; the API decoded every
 * upload and fetched page as UTF-8 and ignored both, so a windows-1251 or koi8-r page (common in this
 * domain) came out as U+FFFD where `narrascope analyse` read it right. Same rules here: a declared charset
 * (the upload's or the page's Content-Type) wins; otherwise bytes that are not valid UTF-8 follow a
 * `<meta charset>` in their first 2 KB; otherwise UTF-8 (or a UTF-16 BOM) as before.
 */
import { decodeBytes, type Decoded } from '../../ingest/decode.js';
import { InputError } from '../../ingest/types.js';

/** The `charset` parameter of a Content-Type header, lower-cased, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]+)"?/iu.exec(contentType ?? '')?.[1]?.toLowerCase();
}

export function decodeDeclared(bytes: Uint8Array, label: string, declared: string | undefined): Decoded {
  const charset = declared ?? (isValidUtf8(bytes) ? undefined : metaCharset(bytes));
  if (charset && !/^(utf-?8|us-ascii|ascii)$/iu.test(charset)) {
    try {
      return decodeBytes(bytes, label, { encoding: charset });
    } catch (e) {
      // A charset label nobody knows: UTF-8 with replacement and its warning, as in the CLI.
      if (!(e instanceof InputError && e.kind === 'unsupported')) throw e;
    }
  }
  const decoded = decodeBytes(bytes, label);
  // The decoder's advice names the CLI's flag; through the API the charset goes in the Content-Type.
  return { ...decoded, warnings: decoded.warnings.map((w) => w.replace(/run again with --encoding ([\w.:-]+)/u, 'send it with Content-Type: text/plain; charset=$1')) };
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The charset of a `<meta charset>` or `<meta http-equiv content="...; charset=">` in the first 2 KB, if any. */
function metaCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return undefined; // UTF-16 BOM
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/iu.exec(head)?.[1]?.toLowerCase();
}
