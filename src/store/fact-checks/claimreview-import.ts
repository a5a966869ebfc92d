import { verdictLabelOf } from '../../export/claimreview/rating.js';
import { isIsoDate } from '../../export/claimreview/validate.js';
import { safeHttpUrl } from '../../export/uri.js';
import { isBlank } from '../../ingest/blank.js';
import { factCheckToolsClaims, factCheckToolsRecords } from './fact-check-tools.js';
import { jsonLines } from './json-lines.js';
import { plainSchemaKeys } from './schema-keys.js';
import { factCheck, type FactCheckRecord, type ImportBatch, type ImportRejection } from './types.js';

/**
 * Reads ClaimReview JSON-LD: a single object, an array, an `@graph`, nested values (a WebPage whose
 * `mainEntity` is the review), or an HTML page embedding `<script type="application/ld+json">` blocks.
 * Scripts are only located and parsed as JSON — nothing is executed, and other scripts are ignored.
 * A review without `claimReviewed` is rejected with the reason; missing recommended fields (rating,
 * author, url, date) are listed as warnings on the imported record.
 */

/**
 * The `>` that ends a tag whose attributes start at `from` (quoted values may hold `>`), or -1. A loop, not
 * a regular expression: a pattern with a repeated group over megabytes of attributes overflowed the stack.
 */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

/**
 * `type="application/ld+json"` after a space or `/` (browsers separate attributes by either), not
 * `data-type=...`, which a consent manager sets on a script it holds back.
 */
const LD_JSON_TYPE_RE = /(?:^|[\s/])type\s*=\s*["']?application\/ld\+json\b/iu;

/**
 * The text of each ld+json script element of a page, in page order. Read as a browser does, in one pass:
 * markup inside an HTML comment (to its end, or to the end of the page when unclosed) is commented out (a
 * retracted review, say) and not read; a comment inside a script's text is text; a script without an end
 * tag runs to the end of the page. Attribute values may be quoted and hold `>`. Linear in the page's
 * length, also for a page of many unclosed `<script` tags.
 */
function ldJsonBlocks(html: string): string[] {
  const blocks: string[] = [];
  const next = /<!--|<script\b/giu;
  const scriptEnd = /<\/script\s*>/giu;
  for (let m = next.exec(html); m; m = next.exec(html)) {
    if (m[0] === '<!--') {
      // `<!-->` and `<!--->` are complete (empty) comments to a browser.
      const after = m.index + 4;
      const abrupt = html.startsWith('>', after) ? after + 1 : html.startsWith('->', after) ? after + 2 : -1;
      const close = html.indexOf('-->', after);
      if (abrupt < 0 && close < 0) break;
      next.lastIndex = abrupt >= 0 ? abrupt : close + 3;
      continue;
    }
    const close = tagEnd(html, next.lastIndex);
    if (close < 0) break;
    scriptEnd.lastIndex = close + 1;
    const end = scriptEnd.exec(html);
    if (LD_JSON_TYPE_RE.test(html.slice(next.lastIndex, close))) blocks.push(html.slice(close + 1, end ? end.index : html.length));
    if (!end) break;
    next.lastIndex = scriptEnd.lastIndex;
  }
  return blocks;
}

export function looksLikeHtml(text: string): boolean {
  // A JSON document is JSON, also when one of its strings quotes a script tag (a scraped page's HTML kept
  // beside its reviews, a reviewBody about markup): reading it as a page lost every review in it.
  if (/^\uFEFF?\s*[[{]/u.test(text)) return false;
  return (
    /^\s*(<!doctype html|<html|<head|<body|<meta|<script|<div|<article)/iu.test(text) ||
    // [^<>], not [^>]: a text of many `<script` without `>` made each try scan to its end (quadratic).
    /<script\b[^<>]*application\/ld\+json/iu.test(text)
  );
}

export function importClaimReviews(text: string, source: string): ImportBatch {
  const rejected: ImportRejection[] = [];
  const roots: { value: unknown; where: string }[] = [];
  if (looksLikeHtml(text)) {
    let i = 0;
    for (const block of ldJsonBlocks(text)) {
      i++;
      const where = `${source}#script-${i}`;
      const json = decodeCdata(block);
      // An empty block (a plugin's placeholder) holds nothing to read: it was rejected as invalid JSON, so a
      // page whose review was imported still ended with a rejection and exit 3.
      if (!json.trim()) continue;
      try {
        roots.push({ value: JSON.parse(json), where });
      } catch (e) {
        rejected.push({
          source: where,
          reason: `the ld+json block is not valid JSON (${(e as Error).message})`,
        });
      }
    }
    if (i === 0)
      rejected.push({ source, reason: 'the page has no <script type="application/ld+json"> block' });
  } else {
    const body = text.replace(/^\uFEFF/u, '');
    try {
      roots.push({ value: JSON.parse(body), where: source });
    } catch (e) {
      // One review per line (a dump): each line is read, and a bad line is rejected on its own.
      const lines = jsonLines(body, source);
      if (!lines)
        return {
          records: [],
          rejected: [
            {
              source,
              reason: `not valid JSON (${(e as Error).message}); expected ClaimReview JSON-LD or an HTML page embedding it`,
            },
          ],
        };
      for (const root of lines.roots) roots.push(root);
      for (const r of lines.rejected) rejected.push(r);
    }
  }
  const records: FactCheckRecord[] = [];
  let n = 0;
  let emptyResponse = false;
  for (const root of roots) {
    // A Google Fact Check Tools API response names no @type: read by its own shape.
    const api = factCheckToolsClaims(root.value);
    if (api) {
      if (api.length === 0) emptyResponse = true;
      const batch = factCheckToolsRecords(api, root.where, () => ++n);
      records.push(...batch.records);
      rejected.push(...batch.rejected);
      continue;
    }
    const value = plainSchemaKeys(root.value);
    const nodes = nodesById(value);
    for (const review of findClaimReviews(value)) {
      n++;
      const where = `${root.where}#${n}`;
      const r = toRecord(review, where, (v) => resolve(v, nodes));
      if ('reason' in r) rejected.push(r);
      else records.push(r);
    }
  }
  // A search that found nothing ({"claims": []}) is not a file of another kind.
  if (n === 0 && rejected.length === 0)
    rejected.push({
      source,
      reason: emptyResponse
        ? 'the Fact Check Tools response holds no claims (its "claims" list is empty)'
        : 'no object with "@type": "ClaimReview" was found',
    });
  return { records, rejected };
}

/**
 * A script's JSON without the wrappers pages put around it: `<![CDATA[ ... ]]>` and `<!-- ... -->`, also
 * in the forms commented out for JavaScript (`//<![CDATA[` ... `//]]>`, and the same in block comments).
 */
function decodeCdata(s: string): string {
  // Trimmed and sliced rather than matched with `\s*` on both sides of an optional marker, which
  // backtracked quadratically over a long run of spaces (a 40,000-space block: 2.4 s).
  let t = s.trim();
  const open = /^(?:\/\/|\/\*)?[ \t]*<!\[CDATA\[(?:[ \t]*\*\/)?/u.exec(t);
  if (open) t = t.slice(open[0].length).trimStart();
  if (t.endsWith('*/') && t.slice(0, -2).trimEnd().endsWith(']]>')) t = t.slice(0, -2).trimEnd();
  if (t.endsWith(']]>')) {
    t = t.slice(0, -3).trimEnd();
    if (t.endsWith('//') || t.endsWith('/*')) t = t.slice(0, -2);
  }
  t = t.trim();
  if (t.startsWith('<!--')) t = t.slice(4);
  if (t.endsWith('-->')) t = t.slice(0, -3);
  return t;
}

function isType(v: unknown, type: string): boolean {
  const t = (v as Record<string, unknown>)?.['@type'];
  const names = Array.isArray(t) ? t : [t];
  return names.some(
    (n) => typeof n === 'string' && (n === type || n.endsWith(`/${type}`) || n.endsWith(`:${type}`)),
  );
}

/** Every ClaimReview object anywhere in the value (depth-first, document order; bounded depth). */
function findClaimReviews(
  value: unknown,
  depth = 0,
  out: Record<string, unknown>[] = [],
): Record<string, unknown>[] {
  if (depth > 20 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) findClaimReviews(v, depth + 1, out);
    return out;
  }
  const obj = value as Record<string, unknown>;
  if (isType(obj, 'ClaimReview')) {
    out.push(obj);
    return out;
  }
  for (const v of Object.values(obj)) findClaimReviews(v, depth + 1, out);
  return out;
}

/**
 * The nodes of a JSON-LD value that carry an `@id` and more than a reference, by id. Pages made by site
 * generators (Yoast and others) put the author, the publisher and the claim in an `@graph` and give the
 * review only `{"@id": ...}` references to them.
 */
function nodesById(value: unknown): Map<string, Record<string, unknown>> {
  const nodes = new Map<string, Record<string, unknown>>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 20 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const obj = v as Record<string, unknown>;
    const id = obj['@id'];
    if (typeof id === 'string' && !isReference(obj) && !nodes.has(id)) nodes.set(id, obj);
    for (const x of Object.values(obj)) visit(x, depth + 1);
  };
  visit(value, 0);
  return nodes;
}

/** `{"@id": ...}` with nothing else to read (a `@type` alone does not name anything). */
function isReference(obj: Record<string, unknown>): boolean {
  return Object.keys(obj).every((k) => k === '@id' || k === '@type');
}

/** A reference replaced by the node it names (one level; lists element by element). */
function resolve(v: unknown, nodes: ReadonlyMap<string, Record<string, unknown>>, depth = 0): unknown {
  if (Array.isArray(v)) return depth > MAX_VALUE_DEPTH ? [] : v.map((x) => resolve(x, nodes, depth + 1));
  if (!v || typeof v !== 'object') return v;
  const obj = v as Record<string, unknown>;
  const id = obj['@id'];
  return typeof id === 'string' && isReference(obj) ? (nodes.get(id) ?? obj) : obj;
}

/**
 * How deep str, nameOf and resolve follow nested lists and `@value`s: a claim of 50,000 nested arrays
 * overflowed the stack, and 'Maximum call stack size exceeded' rejected the whole file with its good reviews.
 */
const MAX_VALUE_DEPTH = 20;

function str(v: unknown, depth = 0): string | null {
  // Invisible characters only (zero-width spaces, a BOM) are no value: trim() keeps them.
  if (typeof v === 'string') return isBlank(v) ? null : v.trim();
  if (typeof v === 'number') return String(v);
  if (depth > MAX_VALUE_DEPTH) return null;
  if (Array.isArray(v)) return str(v[0], depth + 1);
  if (v && typeof v === 'object') return str((v as Record<string, unknown>)['@value'] ?? null, depth + 1);
  return null;
}

function nameOf(v: unknown, depth = 0): string | null {
  if (Array.isArray(v))
    return depth > MAX_VALUE_DEPTH ? null : v.map((x) => nameOf(x, depth + 1)).filter(Boolean).join(', ') || null;
  if (typeof v === 'string') return isBlank(v) ? null : v.trim();
  if (v && typeof v === 'object') return str((v as Record<string, unknown>).name);
  return null;
}

function urls(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list
    .map((x) => safeHttpUrl(typeof x === 'string' ? x : str((x as Record<string, unknown>)?.url)))
    .filter((u): u is string => u !== undefined);
}

function toRecord(
  r: Record<string, unknown>,
  where: string,
  deref: (v: unknown) => unknown,
): FactCheckRecord | ImportRejection {
  const claim = str(r.claimReviewed);
  if (!claim)
    return {
      source: where,
      reason: 'ClaimReview without claimReviewed (the claim that was checked) cannot be matched',
    };
  const warnings: string[] = [];
  const reviewRating = deref(r.reviewRating);
  const rating = (Array.isArray(reviewRating) ? deref(reviewRating[0]) : reviewRating) as
    Record<string, unknown> | undefined;
  const ratingText = str(rating?.alternateName) ?? str(rating?.name);
  // Number(null) is 0: a rating without a value must stay without one, not become the lowest score.
  const ratingNumber = str(rating?.ratingValue);
  const ratingValue = ratingNumber === null ? NaN : Number(ratingNumber);
  if (!rating) warnings.push('reviewRating');
  else if (!ratingText) warnings.push('reviewRating.alternateName');
  const publisher = nameOf(deref(r.author)) ?? nameOf(deref(r.publisher));
  if (!publisher) warnings.push('author');
  // Only an http(s) address is kept: a `javascript:` url from an adversarial page would be a live link in
  // match results and the web app.
  const url = safeHttpUrl(str(r.url));
  if (!url) warnings.push('url');
  const date = str(r.datePublished);
  // Kept as written (a person can still read "3 March 2020"), but flagged: schema.org wants an ISO 8601 date.
  if (!date || !isIsoDate(date)) warnings.push('datePublished');
  const itemReviewed = deref(r.itemReviewed);
  const item = (Array.isArray(itemReviewed) ? deref(itemReviewed[0]) : itemReviewed) as
    Record<string, unknown> | undefined;
  if (!item) warnings.push('itemReviewed');
  return factCheck({
    claim,
    title: str(r.headline) ?? str(r.name),
    rebuttal: str(r.reviewBody) ?? str(r.description),
    verdict: ratingText ? verdictLabelOf(ratingText) : null,
    rating: ratingText,
    ratingValue: Number.isFinite(ratingValue) ? ratingValue : null,
    publisher,
    url: url ?? null,
    datePublished: date,
    claimAuthor: nameOf(deref(item?.author)),
    appearances: [...urls(item?.appearance), ...urls(item?.firstAppearance)],
    language: str(r.inLanguage),
    origin: 'claimreview',
    source: where,
    warnings,
  });
}
