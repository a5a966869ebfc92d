import { isCalendarDay } from '../calendar-day.js';
import { isSafeLink } from '../uri.js';
import type { ClaimReview } from './types.js';

/**
 * Checks a ClaimReview against schema.org and the fields fact-check consumers require (claimReviewed,
 * reviewRating with alternateName, author with a name, an absolute http(s) url) and recommend
 * (itemReviewed as a Claim, datePublished as an ISO date). Returns the problems; empty means valid.
 */
export function validateClaimReview(value: unknown): string[] {
  const p: string[] = [];
  const v = value as Partial<Record<keyof ClaimReview, unknown>> | null;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return ['not an object'];
  if (v['@context'] !== 'https://schema.org') p.push('@context must be "https://schema.org"');
  if (v['@type'] !== 'ClaimReview') p.push('@type must be "ClaimReview"');
  if (!nonEmpty(v.claimReviewed)) p.push('claimReviewed is missing');
  const rating = v.reviewRating as Record<string, unknown> | undefined;
  if (!rating || typeof rating !== 'object') p.push('reviewRating is missing');
  else {
    if (rating['@type'] !== 'Rating') p.push('reviewRating.@type must be "Rating"');
    if (!nonEmpty(rating.alternateName)) p.push('reviewRating.alternateName is missing');
    if (rating.ratingValue !== undefined) {
      const r = rating.ratingValue;
      const best = rating.bestRating;
      const worst = rating.worstRating;
      if (typeof r !== 'number' || typeof best !== 'number' || typeof worst !== 'number')
        p.push('reviewRating needs numeric ratingValue, bestRating and worstRating together');
      else if (r < worst || r > best) p.push('reviewRating.ratingValue is outside worstRating..bestRating');
    }
  }
  const author = v.author as Record<string, unknown> | undefined;
  if (!author || typeof author !== 'object') p.push('author is missing');
  else {
    if (author['@type'] !== 'Organization' && author['@type'] !== 'Person')
      p.push('author.@type must be Organization or Person');
    if (!nonEmpty(author.name)) p.push('author.name is missing');
  }
  if (!isHttpUrl(v.url)) p.push('url must be an absolute http(s) URL');
  if (v.datePublished !== undefined && !isIsoDate(v.datePublished))
    p.push('datePublished is not an ISO 8601 date');
  const item = v.itemReviewed as Record<string, unknown> | undefined;
  if (item !== undefined) {
    if (item['@type'] !== 'Claim') p.push('itemReviewed.@type must be "Claim"');
    const ia = item.author as Record<string, unknown> | undefined;
    if (ia !== undefined && !nonEmpty(ia?.name)) p.push('itemReviewed.author.name is missing');
    if (item.datePublished !== undefined && !isIsoDate(item.datePublished))
      p.push('itemReviewed.datePublished is not an ISO 8601 date');
    const app = item.appearance;
    if (
      app !== undefined &&
      (!Array.isArray(app) || app.some((a) => !isHttpUrl((a as Record<string, unknown>)?.url)))
    )
      p.push('itemReviewed.appearance must list CreativeWorks with http(s) urls');
  }
  return p;
}

function nonEmpty(x: unknown): boolean {
  return typeof x === 'string' && x.trim().length > 0;
}

/**
 * Whether `x` is an address a review may carry as written: an absolute http(s) URL with a host and no
 * credentials, with no character URL parsers drop silently (see `classifyUri` in ../uri.ts). A
 * `javascript:` or `data:` url in an imported or exported review would be a live link in whatever shows it.
 */
export function isHttpUrl(x: unknown): x is string {
  return isSafeLink(x);
}

export function isIsoDate(x: unknown): boolean {
  return (
    typeof x === 'string' &&
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/u.test(x) &&
    Number.isFinite(Date.parse(x)) &&
    isCalendarDay(x.slice(0, 10))
  );
}
