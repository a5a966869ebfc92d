/**
 * The ClaimReview part of `createExportEncoder` (../encoder.ts): reviews of the documents of each part,
 * written as one JSON-LD array, with the items that could not make a review counted by reason. Across
 * parts it keeps one review url to one page: a document that a later version of its page supersedes makes
 * none (versions.ts; `superseded` tells which, for versions in other parts), and a page already reviewed
 * in an earlier part is not reviewed again, whatever the caller knows.
 */
import type { AnalysisResult } from '../../core/result/types.js';
import type { ExportEncoder } from '../encoder.js';
import { confirmedClaimReviews, ledgerClaimReviews, type AnalystConfirmation, type ClaimReviewContext } from './build.js';
import { JsonLdArrayStream } from './stream.js';
import { pageKey, SUPERSEDED, supersededPositions } from './versions.js';

/** Why a later part's document is skipped when its page was reviewed in an earlier part. */
export const PAGE_ALREADY_REVIEWED = 'an earlier document of this export has the same address (another version of the page)';

export interface ClaimReviewEncoderOptions {
  readonly claimReview?: ClaimReviewContext;
  readonly confirmed?: { readonly of: (documentHash: string) => readonly AnalystConfirmation[] };
  /** Whether a later stored version of the same page supersedes the document (the store knows; see versions.ts). */
  readonly superseded?: (documentHash: string) => boolean;
}

export function claimReviewEncoder(options: ClaimReviewEncoderOptions): Omit<ExportEncoder, 'addressesLeftOut'> {
  const stream = new JsonLdArrayStream();
  const skipped = new Map<string, number>();
  let skippedItems = 0;
  /** Pages whose items earlier parts reviewed: one string per reviewed document, not per review. */
  const pages = new Set<string>();
  const ctx = options.claimReview ?? {};
  const confirmed = options.confirmed;
  const items = (r: AnalysisResult): number => (confirmed ? confirmed.of(r.document.hash).length : r.rebuttals.length);
  const skip = (r: AnalysisResult, reason: string): void => {
    const n = items(r);
    skippedItems += n;
    if (n) skipped.set(reason, (skipped.get(reason) ?? 0) + n);
  };
  return {
    add(results) {
      const inPart = supersededPositions(results);
      const kept: AnalysisResult[] = [];
      results.forEach((r, i) => {
        const key = pageKey(r);
        if (inPart.has(i) || options.superseded?.(r.document.hash)) skip(r, SUPERSEDED);
        else if (key !== undefined && pages.has(key)) skip(r, PAGE_ALREADY_REVIEWED);
        else kept.push(r);
      });
      for (const r of kept) {
        const key = pageKey(r);
        if (key !== undefined && items(r) > 0) pages.add(key);
      }
      const parts = confirmed ? kept.map((r) => confirmedClaimReviews(r, confirmed.of(r.document.hash), ctx)) : [ledgerClaimReviews(kept, ctx)];
      const out = { reviews: parts.flatMap((p) => p.reviews), skipped: parts.flatMap((p) => p.skipped) };
      skippedItems += out.skipped.length;
      for (const s of out.skipped) for (const reason of s.reasons) skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
      return stream.add(out.reviews);
    },
    end: () => stream.end(),
    get written() { return stream.count; },
    unit: 'ClaimReviews',
    get skippedItems() { return skippedItems; },
    skipped,
  };
}
