/** ClaimReview JSON-LD export (see docs/exports.md). */
export {
  ledgerClaimReviews,
  confirmedClaimReviews,
  stringifyJsonLd,
  type ClaimReviewContext,
  type AnalystConfirmation,
  type ClaimReviewExport,
} from './build.js';
export { itemAnchors } from './anchors.js';
export { pageKey, SUPERSEDED, supersededPositions } from './versions.js';
export { validateClaimReview, isHttpUrl, isIsoDate } from './validate.js';
export { RATING_OF, VERDICT_WORDS, verdictLabelOf, isVerdictLabel } from './rating.js';
export type { ClaimReview, ClaimReviewRating, ReviewedClaim, SchemaThing } from './types.js';
export { JsonLdArrayStream } from './stream.js';
export { claimReviewEncoder, PAGE_ALREADY_REVIEWED, type ClaimReviewEncoderOptions } from './encoder.js';
