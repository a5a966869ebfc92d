import { verdictLabelOf } from '../../export/claimreview/rating.js';
import { isIsoDate } from '../../export/claimreview/validate.js';
import { safeHttpUrl } from '../../export/uri.js';
import { isBlank } from '../../ingest/blank.js';
import { factCheck, type FactCheckRecord, type ImportRejection } from './types.js';

/**
 * Google Fact Check Tools API responses (`claims:search`): `{"claims": [{"text", "claimant", "claimDate",
 * "claimReview": [{"publisher": {"name", "site"}, "url", "title", "reviewDate", "textualRating",
 * "languageCode"}]}], "nextPageToken"}`. Saved pages of it were rejected as 'no object with "@type":
 * "ClaimReview" was found': the API names no types. Each review of a claim is one fact-check (the claim
 * checked by that publisher). Also read: a list of such pages, and the `claims` list alone.
 */

/** A Fact Check Tools claim: an object without `@type` whose `claimReview` is a list. */
function isApiClaim(v: unknown): v is Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return o['@type'] === undefined && Array.isArray(o.claimReview);
}

/** The claims of a response, a list of responses or a list of claims, in order; null when it is none of these. */
export function factCheckToolsClaims(value: unknown): Record<string, unknown>[] | null {
  const pages = Array.isArray(value) ? value : [value];
  const claims: Record<string, unknown>[] = [];
  let found = false;
  for (const page of pages) {
    if (isApiClaim(page)) {
      claims.push(page);
      found = true;
    } else if (page && typeof page === 'object' && !Array.isArray(page)) {
      const list = (page as Record<string, unknown>).claims;
      if (!Array.isArray(list) || (page as Record<string, unknown>)['@type'] !== undefined) return null;
      // A page of claims may hold other values only if at least one item is a claim.
      const items = list.filter(isApiClaim);
      if (list.length && !items.length) return null;
      claims.push(...items);
      found = true;
    } else return null;
  }
  return found ? claims : null;
}

function text(v: unknown): string | null {
  return typeof v === 'string' && !isBlank(v) ? v.trim() : null;
}

/**
 * The fact-checks of Fact Check Tools claims: one per review. `next` numbers them (`file.json#1`, ...), as
 * ClaimReviews are numbered. A claim without text, or without reviews, is rejected with the reason.
 */
export function factCheckToolsRecords(
  claims: readonly Record<string, unknown>[],
  where: string,
  next: () => number,
): { records: FactCheckRecord[]; rejected: ImportRejection[] } {
  const records: FactCheckRecord[] = [];
  const rejected: ImportRejection[] = [];
  for (const c of claims) {
    const reviews = (c.claimReview as unknown[]).filter(
      (r): r is Record<string, unknown> => !!r && typeof r === 'object' && !Array.isArray(r),
    );
    const claim = text(c.text);
    if (!claim || reviews.length === 0) {
      rejected.push({
        source: `${where}#${next()}`,
        reason: !claim
          ? 'Fact Check Tools claim without text (the claim that was checked) cannot be matched'
          : 'Fact Check Tools claim without a review (claimReview is empty)',
      });
      continue;
    }
    for (const r of reviews) {
      const publisherObj =
        r.publisher && typeof r.publisher === 'object' ? (r.publisher as Record<string, unknown>) : {};
      // The API gives an object; hand-made or converted files often hold the name as a plain string.
      const publisher = text(publisherObj.name) ?? text(publisherObj.site) ?? text(r.publisher);
      const rating = text(r.textualRating);
      const url = safeHttpUrl(text(r.url));
      const date = text(r.reviewDate);
      const warnings: string[] = [];
      if (!rating) warnings.push('textualRating');
      if (!publisher) warnings.push('publisher');
      if (!url) warnings.push('url');
      if (!date || !isIsoDate(date)) warnings.push('reviewDate');
      records.push(
        factCheck({
          claim,
          title: text(r.title),
          rating,
          verdict: rating ? verdictLabelOf(rating) : null,
          publisher,
          url: url ?? null,
          datePublished: date,
          claimAuthor: text(c.claimant),
          language: text(r.languageCode),
          origin: 'claimreview',
          source: `${where}#${next()}`,
          warnings,
        }),
      );
    }
  }
  return { records, rejected };
}
