/**
 * One page, several stored versions: the same address ingested again after the page changed is a new
 * document (documents are keyed by their text), and each version's ledger items made reviews with the
 * same `url` (`page#item-1` ...) — two ClaimReviews claiming one address, one of them describing text the
 * page no longer has. A review describes the page at its address, so the latest version wins: a document
 * that a later one of the same address supersedes makes no reviews, and its items are counted as skipped
 * with SUPERSEDED. "Later" is the order of the export (the store's is ingestion order; see
 * docs/exports.md); the store's exports also ask the store which documents a later stored document
 * supersedes, since the later version may be in another part or outside the selection.
 */
import type { AnalysisResult } from '../../core/result/types.js';
import { safeHttpUrl } from '../uri.js';

export const SUPERSEDED = 'a later version of the same page (same address) supersedes this document';

/**
 * The page a document's reviews would be addressed to, compared as parsed (case of scheme and host,
 * default port) and without its #fragment, which the review urls replace; undefined without an address.
 */
export function pageKey(r: AnalysisResult): string | undefined {
  const link = safeHttpUrl(r.document.source.uri);
  if (link === undefined) return undefined;
  const url = new URL(link);
  url.hash = '';
  return url.href;
}

/** Positions of the results that a later result of the same list has the same page address as. */
export function supersededPositions(results: readonly AnalysisResult[]): Set<number> {
  const keys = results.map(pageKey);
  const last = new Map<string, number>();
  keys.forEach((k, i) => {
    if (k !== undefined) last.set(k, i);
  });
  const out = new Set<number>();
  keys.forEach((k, i) => {
    if (k !== undefined && last.get(k) !== i) out.add(i);
  });
  return out;
}
