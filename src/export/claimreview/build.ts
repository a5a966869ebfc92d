import type { AnalysisResult, LedgerItem, VerdictLabel } from '../../core/result/types.js';
import { itemAnchors } from './anchors.js';
import { SUPERSEDED, supersededPositions } from './versions.js';
import { isVerdictLabel, RATING_OF, VERDICT_WORDS, verdictLabelOf } from './rating.js';
import type { ClaimReview, SchemaThing } from './types.js';
import { exportJsonText } from '../json-text.js';
import { safeHttpUrl } from '../uri.js';
import { isIsoDate, validateClaimReview } from './validate.js';

/**
 * ClaimReview JSON-LD for the ledger items of analysed documents, and for verdicts an analyst confirmed.
 * A rebuttal document's item is a fact-check of a kind: its publisher (the outlet) reviews a claim it
 * attributes to someone, with its own verdict word. Narrascope reports that as the document's review —
 * it does not endorse it. Items that would make an invalid ClaimReview (no claim, no verdict, no
 * publisher, no http(s) address) are skipped with the reasons, never emitted half-formed.
 */
export interface ClaimReviewContext {
  /** Who published the reviews when the document does not say (its `source.outlet`). */
  readonly publisher?: string;
  readonly publisherUrl?: string;
  /** Address of the document when its source has none (reviews get `#item-N` anchors). */
  readonly url?: string;
  /** Publication date when the document has none (ISO 8601). */
  readonly datePublished?: string;
  /**
   * `url` already stands for another document of the export: this document's items, if it has no address
   * of its own, are skipped with that reason rather than given the same review urls.
   */
  readonly urlTaken?: boolean;
}

export interface AnalystConfirmation {
  /** The ledger item's id in the analysis result. */
  readonly itemId: string;
  /** A normalised label (`false`, `misleading` ...) or the analyst's own rating words ("Mostly false"). */
  readonly verdict: VerdictLabel | string;
  /** The analyst's own words for the verdict and the reasoning; becomes reviewBody. */
  readonly note: string;
  /** The analyst or the organisation that stands behind the verdict. */
  readonly author: string;
  readonly createdAt: string;
}

export interface ClaimReviewExport {
  readonly reviews: readonly ClaimReview[];
  readonly skipped: readonly {
    readonly document: string;
    readonly item: string;
    readonly reasons: readonly string[];
  }[];
}

/**
 * Reviews of the ledger items of `results`. Of several documents with one page address, only the last is
 * reviewed — the latest version of the page when the list is in storing order (versions.ts); the items of
 * the others are skipped as SUPERSEDED.
 */
export function ledgerClaimReviews(
  results: readonly AnalysisResult[],
  ctx: ClaimReviewContext = {},
): ClaimReviewExport {
  const reviews: ClaimReview[] = [];
  const skipped: { document: string; item: string; reasons: string[] }[] = [];
  let urlOwner: string | undefined;
  const superseded = supersededPositions(results);
  for (const [position, r] of results.entries()) {
    if (superseded.has(position)) {
      for (const item of r.rebuttals) skipped.push({ document: r.document.hash, item: item.id, reasons: [SUPERSEDED] });
      continue;
    }
    // ctx.url is one document's address: given to a second document without one, both documents' reviews
    // would claim the same urls (#item-1 ...) and the same appearance.
    let docCtx = ctx;
    if (ctx.url && !safeHttpUrl(r.document.source.uri)) {
      urlOwner ??= r.document.hash;
      if (urlOwner !== r.document.hash) docCtx = { ...ctx, urlTaken: true };
    }
    const anchors = itemAnchors(r.rebuttals);
    r.rebuttals.forEach((item, i) => {
      const built = fromLedgerItem(r, item, anchors[i] as string, docCtx);
      if ('reasons' in built)
        skipped.push({ document: r.document.hash, item: item.id, reasons: built.reasons });
      else reviews.push(built.review);
    });
  }
  return { reviews, skipped };
}

/**
 * ClaimReviews for verdicts analysts confirmed: the analyst is the reviewer, their verdict the rating. One
 * review per item, as a fact-check page rates a claim once: of several confirmations of an item, the last
 * given (the latest, in the store's order) is the desk's current verdict.
 */
export function confirmedClaimReviews(
  result: AnalysisResult,
  confirmations: readonly AnalystConfirmation[],
  ctx: ClaimReviewContext = {},
): ClaimReviewExport {
  const reviews: ClaimReview[] = [];
  const skipped: { document: string; item: string; reasons: string[] }[] = [];
  const anchors = itemAnchors(result.rebuttals);
  const latest = new Map<string, AnalystConfirmation>();
  for (const c of confirmations) {
    latest.delete(c.itemId); // re-inserted last, so the map keeps the order of the latest confirmations
    latest.set(c.itemId, c);
  }
  for (const c of latest.values()) {
    const index = result.rebuttals.findIndex((it) => it.id === c.itemId);
    const item = result.rebuttals[index];
    if (!item) {
      skipped.push({
        document: result.document.hash,
        item: c.itemId,
        reasons: ['the confirmed ledger item is not in this analysis (re-analysed since?)'],
      });
      continue;
    }
    const label = isVerdictLabel(c.verdict) ? c.verdict : verdictLabelOf(c.verdict);
    const built = fromLedgerItem(
      result,
      item,
      anchors[index] as string,
      { ...ctx, publisher: c.author },
      {
        author: { '@type': 'Person', name: c.author },
        verdict: label,
        words: isVerdictLabel(c.verdict) ? VERDICT_WORDS[label] : c.verdict.trim() || VERDICT_WORDS[label],
        body: c.note,
        date: c.createdAt.slice(0, 10),
      },
    );
    if ('reasons' in built)
      skipped.push({ document: result.document.hash, item: item.id, reasons: built.reasons });
    else reviews.push(built.review);
  }
  return { reviews, skipped };
}

interface Override {
  readonly author: SchemaThing;
  readonly verdict: VerdictLabel;
  readonly words: string;
  readonly body: string;
  readonly date: string;
}

function fromLedgerItem(
  r: AnalysisResult,
  item: LedgerItem,
  anchor: string,
  ctx: ClaimReviewContext,
  override?: Override,
): { review: ClaimReview } | { reasons: string[] } {
  const reasons: string[] = [];
  const src = r.document.source;
  const claim = item.claim?.text.trim();
  if (!claim) reasons.push('the item has no claim text');
  const verdict = override ? override.verdict : item.verdict?.label;
  const words = override ? override.words : item.verdict?.original.text.trim();
  if (!verdict || !words)
    reasons.push(
      'the item has no verdict (the document states none); confirm one as an analyst to export it',
    );
  // A blank outlet names nobody: --publisher stands in for it as for a missing one.
  const publisher = override ? override.author.name : src.outlet?.trim() || ctx.publisher?.trim();
  if (!publisher) reasons.push('no publisher: the document names no outlet; pass --publisher');
  // Only an http(s) address becomes the review's url and appearance (see ../uri.ts): a document whose source
  // is `javascript:` or `data:` counts as one without an address.
  const docUrl = safeHttpUrl(src.uri) ?? (ctx.urlTaken ? undefined : safeHttpUrl(ctx.url));
  if (ctx.urlTaken && !docUrl)
    reasons.push('no http(s) address for the document; --url is the address of another document of this export');
  else if (!docUrl) reasons.push('no http(s) address for the document; pass --url');
  if (reasons.length) return { reasons };
  const rating = RATING_OF[verdict!];
  const claimDate = isoDay(src.publishedAt) ?? isoDay(ctx.datePublished);
  const date = override?.date ?? claimDate;
  const url = `${docUrl!.split('#')[0]}#item-${anchor}`;
  const publisherUrl = safeHttpUrl(ctx.publisherUrl);
  const author: SchemaThing = override?.author ?? {
    '@type': 'Organization',
    name: publisher!,
    ...(publisherUrl ? { url: publisherUrl } : {}),
  };
  const claimAuthor = item.attributedTo?.text.trim();
  const review: ClaimReview = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: claim!,
    reviewRating: {
      '@type': 'Rating',
      ...(rating !== null ? { ratingValue: rating, bestRating: 5, worstRating: 1 } : {}),
      alternateName: words!,
    },
    itemReviewed: {
      '@type': 'Claim',
      ...(claimAuthor ? { author: { '@type': 'Organization' as const, name: claimAuthor } } : {}),
      appearance: [{ '@type': 'CreativeWork', url: docUrl!.split('#')[0]! }],
      ...(claimDate ? { datePublished: claimDate } : {}),
    },
    author,
    ...(date ? { datePublished: date } : {}),
    url,
    ...(override ? { reviewBody: override.body } : item.rebuttal ? { reviewBody: item.rebuttal.text } : {}),
    ...(r.document.language && r.document.language !== 'und' ? { inLanguage: r.document.language } : {}),
  };
  const problems = validateClaimReview(review);
  return problems.length ? { reasons: problems } : { review };
}

function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const day = value.slice(0, 10);
  return isIsoDate(day) ? day : undefined;
}

/**
 * JSON-LD text: one object, or an array of them. `<`, `>`, `&` and the line separators are escaped so
 * the output can be pasted into a `<script type="application/ld+json">` block without breaking out of it.
 */
export function stringifyJsonLd(value: ClaimReview | readonly ClaimReview[]): string {
  for (const v of Array.isArray(value) ? value : [value]) {
    const problems = validateClaimReview(v);
    if (problems.length) throw new Error(`refusing to write an invalid ClaimReview: ${problems.join('; ')}`);
  }
  return (
    exportJsonText(
      JSON.stringify(value, null, 2).replace(/</gu, '\\u003c').replace(/>/gu, '\\u003e').replace(/&/gu, '\\u0026'),
    ) + '\n'
  );
}
