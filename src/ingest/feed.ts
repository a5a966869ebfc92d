/**
 * RSS 2.0 / RSS 1.0 (RDF) / Atom feeds, from a file or a URL: one document per item, with the item's
 * title, link, author, publication date and the feed's title as outlet. The item text is its full content
 * (`content:encoded`, Atom `content`) or else its summary, with HTML tags removed (never rendered).
 * Something that is not XML, or XML that is not a feed, is a clear per-input error.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DocumentInit } from '../core/text/document.js';
import { isBlank } from './blank.js';
import { decodeDeclared } from './decode.js';
import { decodeHtmlEntities } from './html-entities.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { oneLine } from './title.js';
import { InputError, type Reader, type ReaderOutput } from './types.js';
import { normalisePublishedAt } from './dates.js';
import { fetchUrl, type Fetched } from './url-source.js';

type Node = Record<string, unknown>;

const PARSER_OPTIONS = { ignoreAttributes: false, attributeNamePrefix: '@_', textNodeName: '#text', removeNSPrefix: false, processEntities: true, htmlEntities: true, trimValues: true } as const;
const parser = new XMLParser(PARSER_OPTIONS);
/**
 * Atom's `type="xhtml"` content is XHTML elements inside the entry, which the parser above splits into
 * nested objects (losing the order of text and inline tags): such an entry had no text at all ("has no
 * text"). This parser keeps an entry's content and summary as the markup they hold, read as HTML.
 */
const xhtmlParser = new XMLParser({ ...PARSER_OPTIONS, stopNodes: ['feed.entry.content', 'feed.entry.summary'] });

function isXhtml(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (v as Node)['@_type'] === 'xhtml';
}

function asArray(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function textOf(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return textOf(v[0]);
  const node = v as Node;
  if ('#text' in node) return textOf(node['#text']);
  if ('name' in node) return textOf(node.name);
  return '';
}

/**
 * Inline (phrasing) elements: their tags go without a trace, so "a <b>summary</b>." stays "a summary."
 * instead of "a summary ." (other tags still separate words, as a table cell or list item does).
 */
const INLINE_TAG = /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|time|u|var)(?=[\s/>])[^>]*>/giu;

const BREAK_TAG = /^<\s*(br|\/p|\/div|\/li|\/h[1-6]|\/blockquote)\s*\/?>$/iu;
const INLINE_WHOLE = new RegExp(`^(?:${INLINE_TAG.source})$`, 'iu');

/**
 * Removes tags and decodes the few entities left after XML decoding; block tags become paragraph breaks.
 * Tags are found by a scan from each "<" to the next ">", not by patterns over the whole text: an item of
 * many "<script", "<b " or "<" with no closing (20,000 of them: 10 to 33 s) made each pattern scan the
 * rest of the text from every one, and the 10 MiB limit allowed hours.
 */
export function htmlToPlain(html: string): string {
  const stripped = withoutTags(withoutScripts(html));
  return decodeHtmlEntities(stripped)
    .replace(/[ \t]+/gu, ' ')
    .replace(/ *\n */gu, '\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/** Script and style elements with their content (one with no end tag is left to withoutTags). */
function withoutScripts(html: string): string {
  const open = /<(script|style)/giu;
  const unclosed = new Set<string>();
  let out = '';
  let from = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const name = (m[1] as string).toLowerCase();
    // Once an end tag is missing after one opening, it is missing after every later one: no search again.
    if (unclosed.has(name)) continue;
    const close = new RegExp(`</${name}>`, 'giu');
    close.lastIndex = m.index + m[0].length;
    const end = close.exec(html);
    if (!end) {
      unclosed.add(name);
      continue;
    }
    out += `${html.slice(from, m.index)} `;
    from = end.index + end[0].length;
    open.lastIndex = from;
  }
  return out + html.slice(from);
}

/** Each tag, from a "<" to the next ">": a break tag becomes a paragraph break, an inline tag nothing, others a space. */
function withoutTags(html: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const lt = html.indexOf('<', from);
    const gt = lt < 0 ? -1 : html.indexOf('>', lt + 1);
    if (gt < 0) break;
    const tag = html.slice(lt, gt + 1);
    out += html.slice(from, lt) + (BREAK_TAG.test(tag) ? '\n\n' : INLINE_WHOLE.test(tag) ? '' : ' ');
    from = gt + 1;
  }
  return out + html.slice(from);
}

function atomLink(v: unknown): string | undefined {
  const links = asArray(v) as (Node | string)[];
  const alt = links.find((l) => typeof l === 'object' && (l['@_rel'] === undefined || l['@_rel'] === 'alternate')) ?? links[0];
  if (!alt) return undefined;
  return typeof alt === 'string' ? alt : (alt['@_href'] as string | undefined);
}

/**
 * An item's link made absolute against the first http(s) base that resolves it: the channel's site link
 * (RSS), `xml:base` or the feed's alternate link (Atom), then the feed's own URL. Feeds written by hand or
 * by small CMSs give `/news/1`; such a link was stored as it stood, so the document had no usable address
 * (no `url`, nothing to open or export).
 *
 * Only an http(s) address becomes the document's address. A link of another scheme (`javascript:`,
 * `data:`, `vbscript:`, `file:`, an operating-system handler) or a relative link with no http(s) base to
 * resolve it is no address: undefined, so the item gets its label (`news.xml#3`), as a JSONL or CSV
 * record with such a `url` does. A `javascript:` link used to be stored as the document's address.
 */
function absoluteLink(link: string | undefined, bases: readonly (string | undefined)[]): string | undefined {
  const l = link?.trim();
  if (!l) return undefined;
  if (/^https?:\/\//iu.test(l)) return l;
  // A scheme of its own (after the characters URL parsers drop: "java\tscript:", " javascript:") is
  // never resolved against a base; only http(s) was kept above.
  // eslint-disable-next-line no-control-regex
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/u.test(l.replace(/[\u0000-\u0020]/gu, ''))) return undefined;
  for (const base of bases) {
    if (!base || !/^https?:\/\//iu.test(base)) continue;
    try {
      const url = new URL(l, base);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Not a URL against this base: try the next one.
    }
  }
  return undefined;
}

function isoDate(v: string): string | undefined {
  if (!v) return undefined;
  const iso = normalisePublishedAt(v);
  // Feeds give RFC 822 dates (`Mon, 04 Mar 2024 10:00:00 GMT`): always written as full ISO timestamps.
  if (iso === undefined) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso.slice(0, 10) : new Date(t).toISOString();
}

/** Parses feed XML into DocumentInits (and InputErrors for items without text). */
export function parseFeed(xml: string, label: string, language?: string): ReaderOutput[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return [new InputError('malformed', `${label} is not an XML feed (line ${valid.err.line}: ${valid.err.msg})`, 'Pass an RSS or Atom feed; for a web page, ingest its URL or file directly.')];
  }
  const root = parser.parse(xml) as Node;
  const rss = root.rss as Node | undefined;
  const rdf = root['rdf:RDF'] as Node | undefined;
  const atom = root.feed as Node | undefined;
  let outlet = '';
  // A feed's <language> is the channel's setting, a hint like a record's column (Document.declaredLanguage);
  // the user's --language is an order.
  let feedLanguage: string | undefined;
  let items: { title: string; link?: string | undefined; author: string; date: string; body: string }[];
  if (rss || rdf) {
    const channel = ((rss?.channel ?? rdf?.channel) ?? {}) as Node;
    const site = textOf(channel.link);
    outlet = oneLine(textOf(channel.title));
    feedLanguage ??= textOf(channel.language) || undefined;
    items = asArray(rss ? channel.item : rdf?.item).map((it) => {
      const n = it as Node;
      return {
        title: textOf(n.title),
        link: absoluteLink(textOf(n.link), [site, label]),
        author: oneLine(textOf(n['dc:creator']) || textOf(n.author)),
        date: textOf(n.pubDate) || textOf(n['dc:date']),
        body: textOf(n['content:encoded']) || textOf(n.description),
      };
    });
  } else if (atom) {
    outlet = oneLine(textOf(atom.title));
    feedLanguage ??= (atom['@_xml:lang'] as string | undefined) ?? undefined;
    let raw: unknown[] | undefined;
    const markup = (i: number, field: 'content' | 'summary'): string => {
      raw ??= asArray(((xhtmlParser.parse(xml) as Node).feed as Node | undefined)?.entry);
      return textOf((raw[i] as Node | undefined)?.[field]);
    };
    items = asArray(atom.entry).map((it, i) => {
      const n = it as Node;
      return {
        title: textOf(n.title),
        link: absoluteLink(atomLink(n.link), [n['@_xml:base'] as string | undefined, atom['@_xml:base'] as string | undefined, atomLink(atom.link), label]),
        author: oneLine(textOf(asArray(n.author)[0])),
        date: textOf(n.published) || textOf(n.updated),
        body: (isXhtml(n.content) ? markup(i, 'content') : textOf(n.content)) || (isXhtml(n.summary) ? markup(i, 'summary') : textOf(n.summary)),
      };
    });
  } else {
    const top = Object.keys(root).filter((k) => !k.startsWith('?'))[0] ?? '(none)';
    return [new InputError('malformed', `${label} is XML but not an RSS or Atom feed (root element <${top}>)`, 'Pass an RSS 2.0, RSS 1.0 or Atom feed.')];
  }
  const lang = feedLanguage ? feedLanguage.toLowerCase().split(/[-_\s]/u)[0] : undefined;
  return items.map((it, i): ReaderOutput => {
    const body = htmlToPlain(it.body);
    if (isBlank(body)) return new InputError('empty', `${label} item ${i + 1}${it.title ? ` ("${it.title.slice(0, 60)}")` : ''} has no text`, 'The feed gives only titles; ingest the linked pages instead.');
    const publishedAt = isoDate(it.date.trim());
    const init: DocumentInit = {
      text: body,
      // An unreadable date is left out, as for a record (csv.ts), and said so: it was dropped silently.
      ...(it.date.trim() && !publishedAt ? { warnings: [`${label}#${i + 1}: "${it.date.trim().slice(0, 60)}" is not a date Narrascope can read; the document is stored without a publication date`] } : {}),
      ...(oneLine(htmlToPlain(it.title)) ? { title: oneLine(htmlToPlain(it.title)) } : {}),
      source: {
        kind: 'feed',
        // An item without an http(s) link of its own is labelled by its place in the feed (news.xml#3), as a
        // record is (cases.csv:12); but in a feed read from a URL that label is an http(s) address, the
        // feed's, which exports took for the item's page: ClaimReview reviewed the feed, and its items, one
        // 'page' once the fragment is dropped, superseded each other. Such an item has no address.
        ...(it.link ? { uri: it.link } : /^https?:\/\//iu.test(label) ? {} : { uri: `${label}#${i + 1}` }),
        ...(outlet ? { outlet } : {}),
        ...(it.author ? { author: it.author } : {}),
        ...(publishedAt ? { publishedAt } : {}),
      },
      ...(language ? { language } : lang ? { declaredLanguage: lang } : {}),
    };
    return init;
  });
}

export const feedReader: Reader = {
  name: 'feed',
  description: 'RSS or Atom feed, one document per item',
  extensions: ['.rss', '.atom', '.xml'],
  mediaTypes: ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml'],
  sniff: (head) => (/<(rss|feed|rdf:RDF)[\s>]/u.test(head) ? 0.95 : 0),
  *read(input) {
    yield* parseFeed(input.text, input.uri ?? 'standard input', input.language);
  },
};

export interface FeedFetchOptions {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly fetch?: typeof fetch;
}

/**
 * Fetches a feed URL as `fetchUrl` fetches a page — time limit, redirects checked one by one, a URL with
 * a password refused, the size limit enforced while reading — but taking any content type, and decodes
 * it by the Content-Type's charset, else the XML declaration's encoding, else as UTF-8. It used to read
 * the whole answer before checking its size, follow redirects unchecked, and always decode as UTF-8.
 */
export async function fetchFeedBytes(url: string, options: FeedFetchOptions = {}): Promise<Fetched & { readonly text: string }> {
  const got = await fetchUrl(url, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, feed: true, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}), ...(options.fetch ? { fetch: options.fetch } : {}) });
  return { ...got, text: decodeDeclared(got.bytes, got.url, got.charset).text };
}

/** A feed URL's text (see fetchFeedBytes); failures are InputErrors (network, too-large, unsupported). */
export async function fetchFeed(url: string, options: FeedFetchOptions = {}): Promise<string> {
  return (await fetchFeedBytes(url, options)).text;
}
