import { TextDecoder } from 'node:util';
import { knownFormat } from './file-format.js';
import { InputError } from './types.js';

export interface Decoded {
  readonly text: string;
  /** WHATWG encoding name actually used: utf-8, utf-16le, utf-16be, or the one asked for (windows-1251 ...). */
  readonly encoding: string;
  readonly warnings: string[];
}

/**
 * Decodes bytes to text: a UTF-16 BOM selects UTF-16, otherwise UTF-8 (BOM or not). Invalid UTF-8 is
 * replaced with U+FFFD and reported as a warning rather than refused: a mostly-good text is still worth
 * analysing. Binary content (NUL bytes, many control characters) is refused with an InputError, because
 * analysing it would only produce noise.
 */
export function decodeBytes(
  bytes: Uint8Array,
  label = 'input',
  options: { encoding?: string } = {},
): Decoded {
  const warnings: string[] = [];
  if (options.encoding && !/^utf-?8$/iu.test(options.encoding))
    return decodeAs(bytes, label, options.encoding);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le', { ignoreBOM: false }).decode(bytes),
      encoding: 'utf-16le',
      warnings,
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be', { ignoreBOM: false }).decode(bytes),
      encoding: 'utf-16be',
      warnings,
    };
  }
  refuseKnownFormat(bytes, label);
  const binary = binaryReason(bytes);
  if (binary) {
    throw new InputError(
      'binary',
      `${label} looks like a binary file (${binary}), not text`,
      'Narrascope reads plain text, HTML and Markdown (UTF-8 or UTF-16 with a BOM). Convert the file to text first.',
    );
  }
  // TextDecoder strips a UTF-8 BOM by default, so offsets start at the first real character.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\ufffd')) {
    const invalid = countInvalidUtf8(bytes);
    if (invalid > 0) {
      const likely = likelyLegacyEncoding(bytes);
      warnings.push(
        `${label}: ${invalid} invalid UTF-8 byte sequence${invalid === 1 ? ' was' : 's were'} replaced with U+FFFD; the file looks like ${likely} — run again with --encoding ${likely} to read it correctly`,
      );
    }
  }
  return { text, encoding: 'utf-8', warnings };
}

/** Decodes with an encoding the user named (`--encoding windows-1251`); an unknown name is a usage error. */
function decodeAs(bytes: Uint8Array, label: string, encoding: string): Decoded {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    throw new InputError(
      'unsupported',
      `unknown encoding "${encoding}"`,
      'Use a WHATWG encoding name such as utf-8, windows-1251, windows-1252, koi8-r, iso-8859-2, gbk, shift_jis.',
    );
  }
  const wide = decoder.encoding.startsWith('utf-16');
  if (!wide) refuseKnownFormat(bytes, label);
  const binary = wide ? null : binaryReason(bytes);
  if (binary) throw new InputError('binary', `${label} looks like a binary file (${binary}), not text`);
  return { text: decoder.decode(bytes), encoding: decoder.encoding, warnings: [] };
}

/** A PDF, Word, RTF, archive or image is refused by name, with how to get its text. */
function refuseKnownFormat(bytes: Uint8Array, label: string): void {
  const format = knownFormat(bytes);
  if (format) throw new InputError('binary', `${label} is ${format.name}, not text`, format.hint);
}

/**
 * For a text that is not UTF-8, the most likely single-byte encoding, to suggest in the warning: Cyrillic
 * windows-1251 when most letters would be Cyrillic that way, else Western windows-1252.
 */
export function likelyLegacyEncoding(bytes: Uint8Array): 'windows-1251' | 'windows-1252' {
  const sample = bytes.subarray(0, 65_536);
  let ascii = 0;
  let cyrillic = 0;
  for (const b of sample) {
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
    else if (b >= 0xc0 || b === 0xa8 || b === 0xb8) cyrillic++; // А..я, Ё, ё in windows-1251
  }
  return cyrillic > ascii ? 'windows-1251' : 'windows-1252';
}

/** Looks at the first 64 KiB: a NUL byte, or more than 10% control bytes other than tab/newline/CR/FF/ESC, means binary. */
export function binaryReason(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 65_536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return `it contains a NUL byte at offset ${i}`;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) controls++;
  }
  if (n > 0 && controls / n > 0.1)
    return `${Math.round((100 * controls) / n)}% of its first bytes are control characters`;
  return null;
}

/** Counts maximal invalid UTF-8 subsequences (the unit the WHATWG decoder replaces with one U+FFFD). */
function countInvalidUtf8(bytes: Uint8Array): number {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let bad = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    if (len > 0 && i + len <= bytes.length) {
      try {
        strict.decode(bytes.subarray(i, i + len));
        i += len;
        continue;
      } catch {
        // fall through: invalid sequence
      }
    }
    bad++;
    i++;
    // Skip continuation bytes that belong to the same broken sequence.
    while (i < bytes.length && ((bytes[i] as number) & 0xc0) === 0x80) i++;
  }
  return bad;
}

/**
 * Decodes bytes in their declared encoding (a `--encoding`, an HTTP Content-Type charset) when there is one;
 * otherwise bytes that are not valid UTF-8 follow a `<meta charset>` in their first 2 KB; otherwise as
 * `decodeBytes` does. An unknown charset label falls back to UTF-8 with replacement, with a warning that names
 * the label and says UTF-8 was used. Shared
 * by the CLI's readers and the API's uploads and fetched pages.
 */
export function decodeDeclared(bytes: Uint8Array, label: string, declared: string | undefined): Decoded {
  // A saved web page declares its encoding in a <meta> tag (windows-1251 pages are common in this domain).
  // Text that is valid UTF-8 is UTF-8 whatever a <meta> tag claims (copied templates often claim wrongly).
  const charset = declared ?? (isValidUtf8(bytes) ? undefined : metaCharset(bytes));
  if (charset && !/^(utf-?8|us-ascii|ascii)$/iu.test(charset)) {
    try {
      return decodeBytes(bytes, label, { encoding: charset });
    } catch (e) {
      if (!(e instanceof InputError && e.kind === 'unsupported')) throw e;
      // A charset label nobody knows is read as UTF-8 with replacement, and says so: it was silent, so an
      // analyst saw a page of U+FFFD (or a right-looking text) with nothing to tell them why.
      const decoded = decodeBytes(bytes, label);
      return { ...decoded, warnings: [unknownCharsetWarning(label, charset), ...decoded.warnings] };
    }
  }
  return decodeBytes(bytes, label);
}

/** The warning for a declared charset no decoder knows; the label is cut short, as it comes from the input. */
function unknownCharsetWarning(label: string, charset: string): string {
  const name = charset.length > 40 ? `${charset.slice(0, 40)}…` : charset;
  return `${label}: the declared charset "${name}" is not an encoding Narrascope knows; the text was read as UTF-8 instead`;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The charset of an XML declaration (`<?xml version="1.0" encoding="windows-1251"?>`, how feeds and XHTML
 * say it), or of a `<meta charset>` / `<meta http-equiv content="...; charset=">` in the first 2 KB, if any.
 * Feeds in windows-1251 declare it only in the XML declaration, which was not read: they were decoded as
 * UTF-8, every Cyrillic letter replaced with U+FFFD.
 */
function metaCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return undefined; // UTF-16 BOM
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const xml = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/u.exec(head)?.[1];
  const charset = (xml ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/iu.exec(head)?.[1])?.toLowerCase();
  // A declaration readable as ASCII is not in UTF-16 whatever it says (a copied template's "utf-16"
  // turned a page into CJK noise); browsers read such a page as UTF-8 (HTML's "get an encoding" rule).
  return charset && /^(utf-?16|ucs-?2|unicode)/u.test(charset) ? undefined : charset;
}
