/**
 * Which document addresses an export may write. Documents are adversarial: a feed item's link, a JSONL or
 * CSV record's url, a hand-made results file's `source.uri` can be `javascript:`, `data:`, `vbscript:` or
 * an operating-system handler (`ms-msdt:`, `search-ms:`), and the consumers of an export — a fact-check
 * site reading ClaimReview, OpenCTI or MISP reading STIX, a spreadsheet, a dashboard over CSV or JSON
 * Lines — show addresses as links. One rule for every format (docs/exports.md, "Addresses"):
 *
 * - `link`: an absolute http(s) URL with a host and no user name or password (which would publish a
 *   credential). Written as given, or as the WHATWG serialisation when the given text holds white space,
 *   control or invisible formatting characters that URL parsers drop silently (`java\tscript:` and
 *   `\u202e` tricks make the text read differently from the address it is).
 * - `id`: not an address a browser or the system would act on — a file path, the `file.csv:12` /
 *   `feed.xml#3` labels the readers give records without an address, or a `urn:`. Kept where the format
 *   carries an identifier (the CSV `document_uri` column, JSON Lines `source.uri`); never written as a link.
 * - `unsafe`: anything else (any other scheme, an http(s) address that does not parse or carries
 *   credentials). Left out of every format, with a warning.
 */
export type ExportUri =
  | { readonly kind: 'link'; readonly value: string }
  | { readonly kind: 'id'; readonly value: string }
  | { readonly kind: 'unsafe'; readonly reason: string };

/** Characters URL parsers strip or percent-encode without a word; text with them is rewritten. */
// eslint-disable-next-line no-control-regex
const UNCLEAN = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
/** What WHATWG URL parsing removes before reading a scheme: leading/trailing C0 and space, inner tab/CR/LF. */
// eslint-disable-next-line no-control-regex
const PARSER_IGNORED = /^[\u0000-\u0020]+|[\u0000-\u0020]+$|[\t\n\r]/gu;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/u;
/** A reader's record label: a file name with an extension, a colon, a line number ("cases.csv:12"). */
const RECORD_LABEL = /^[^:]*\.[A-Za-z0-9]{1,12}:\d+$/u;

export function classifyUri(raw: string): ExportUri {
  const stripped = raw.replace(PARSER_IGNORED, '');
  const scheme = SCHEME.exec(stripped)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'id', value: raw };
  if (scheme === 'http' || scheme === 'https') return httpLink(raw);
  if (scheme === 'urn' && /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\S+$/iu.test(raw)) return { kind: 'id', value: raw };
  // A Windows drive ("C:\reports\x.txt") and a record label are paths, not schemes.
  if (/^[A-Za-z]:[\\/]/u.test(raw) || RECORD_LABEL.test(raw)) return { kind: 'id', value: raw };
  return { kind: 'unsafe', reason: `a "${scheme.slice(0, 32)}:" address, not http(s)` };
}

function httpLink(raw: string): ExportUri {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { kind: 'unsafe', reason: 'an http(s) address that does not parse' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'unsafe', reason: 'an http(s) address that does not parse' };
  if (!url.hostname) return { kind: 'unsafe', reason: 'an http(s) address without a host' };
  if (url.username || url.password) return { kind: 'unsafe', reason: 'an http(s) address with a user name or password' };
  return { kind: 'link', value: UNCLEAN.test(raw) || !/^https?:\/\//iu.test(raw) ? url.href : raw };
}

/** The address as an export may write it as a link, or undefined (not an http(s) URL, or unsafe). */
export function safeHttpUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const c = classifyUri(raw);
  return c.kind === 'link' ? c.value : undefined;
}

/** RFC 3986 pchar, "/" and "?": what a path, query or fragment may hold as it is (§3.3–3.5). */
const COMPONENT_CHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/u;
const PATH = String.raw`(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*`;
const PART = String.raw`(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*`;
/**
 * An http(s) URI by RFC 3986's grammar (without user information, which links never carry): a host that
 * is a reg-name or an IP literal, a port, then a path, query and fragment of URI characters only. A link
 * holding anything else — Cyrillic or Chinese letters, `|`, `^`, `{`, a `%` not followed by two hex
 * digits, a second `#` — is an IRI or a sloppy address, not a URI.
 */
const HTTP_URI = new RegExp(
  String.raw`^https?://(?:\[[0-9A-Fa-f:.]+\]|(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*)(?::[0-9]*)?(?:/${PATH})?(?:\?${PART})?(?:#${PART})?$`,
  'iu',
);

/** Whether `x` is an http(s) URI by RFC 3986's grammar (ASCII, every character where it may stand). */
export function isHttpUriText(x: string): boolean {
  return HTTP_URI.test(x);
}

const UTF8 = new TextEncoder();

function encodeComponent(part: string): string {
  let out = '';
  for (let i = 0; i < part.length; i++) {
    const c = part[i] as string;
    if (c === '%' && /^[0-9A-Fa-f]{2}$/u.test(part.slice(i + 1, i + 3))) out += c;
    else if (COMPONENT_CHAR.test(c)) out += c;
    else {
      const cp = part.codePointAt(i) as number;
      const ch = String.fromCodePoint(cp);
      if (ch.length === 2) i++;
      for (const b of UTF8.encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * A link (`safeHttpUrl`'s value) as an RFC 3986 URI, for formats whose address must be a URI (STIX 2.1's
 * `external_references[].url`). A link that already is one is returned as it is. Otherwise (an IRI such as
 * `https://пример.рф/новости/1`, or ASCII outside the grammar) it is mapped as RFC 3987 §3.1 does: the
 * path, query and fragment as UTF-8 percent-encoded octets (`%D0%BD...`; valid triplets are kept, a stray
 * `%` becomes `%25`), and the host in its IDNA (punycode) form `xn--e1afmkfd.xn--p1ai`, the form DNS
 * resolves and WHATWG URL parsers write (§3.1 allows it in place of percent-encoding the host, which
 * consumers do not resolve).
 */
export function linkAsUri(link: string): string {
  if (isHttpUriText(link)) return link;
  const url = new URL(link);
  const hash = url.hash.startsWith('#') ? `#${encodeComponent(url.hash.slice(1))}` : '';
  return `${url.protocol}//${url.host}${encodeComponent(url.pathname)}${encodeComponent(url.search)}${hash}`;
}

/** The address as an export may write it as a URI (see linkAsUri), or undefined. */
export function safeHttpUri(raw: unknown): string | undefined {
  const link = safeHttpUrl(raw);
  return link === undefined ? undefined : linkAsUri(link);
}

/** Whether `x` is a link an export may write as it is (validators check every emitted address with it). */
export function isSafeLink(x: unknown): x is string {
  return typeof x === 'string' && safeHttpUrl(x) === x;
}

/** The value for a column or field that holds an address or an identifier: links and ids, never unsafe text. */
export function exportableUri(raw: string | undefined | null): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const c = classifyUri(raw);
  return c.kind === 'unsafe' ? undefined : c.value;
}

export interface UnsafeAddress {
  /** Content hash of the document. */
  readonly document: string;
  readonly reason: string;
}

/** The documents whose address every export leaves out, with why: what the CLI warns about. */
export function unsafeAddresses(results: readonly { readonly document: { readonly hash: string; readonly source: { readonly uri?: string } } }[]): UnsafeAddress[] {
  const out: UnsafeAddress[] = [];
  for (const r of results) {
    const uri = r.document.source.uri;
    if (uri === undefined) continue;
    const c = classifyUri(uri);
    if (c.kind === 'unsafe') out.push({ document: r.document.hash, reason: c.reason });
  }
  return out;
}
