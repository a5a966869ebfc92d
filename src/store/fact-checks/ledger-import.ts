import type { AnalysisResult } from '../../core/result/types.js';
import { itemAnchors } from '../../export/claimreview/anchors.js';
import { safeHttpUrl } from '../../export/uri.js';
import { factCheck, type ImportBatch } from './types.js';

/**
 * A rebuttal document's ledger items as fact-checks: the claim it counters, its rebuttal, its verdict
 * word, and the outlet as publisher. This records what the document says about the claim — Narrascope
 * takes no side — so a later match reads "this outlet has countered this claim before".
 */
export function ledgerFactChecks(result: AnalysisResult): ImportBatch {
  const src = result.document.source;
  const url = safeHttpUrl(src.uri) ?? null;
  // A blank outlet names no publisher (and would key the fact-check apart from the same one without it).
  const publisher = src.outlet?.trim() || null;
  const records = [];
  const rejected = [];
  // The same anchors as the document's ClaimReviews, so a match links to the item the export names.
  const anchors = itemAnchors(result.rebuttals);
  for (const [i, item] of result.rebuttals.entries()) {
    const where = `${result.document.hash}#${item.id}`;
    const claim = item.claim?.text.trim();
    if (!claim) {
      rejected.push({ source: where, reason: 'ledger item without a claim' });
      continue;
    }
    const warnings = [
      ...(item.verdict ? [] : ['verdict']),
      ...(item.rebuttal ? [] : ['rebuttal']),
      ...(publisher ? [] : ['publisher']),
      ...(url ? [] : ['url']),
    ];
    records.push(
      factCheck({
        claim,
        title: result.document.title,
        rebuttal: item.rebuttal?.text ?? null,
        verdict: item.verdict?.label ?? null,
        rating: item.verdict?.original.text ?? null,
        publisher,
        url: url ? `${url.split('#')[0]}#item-${anchors[i]}` : null,
        datePublished: src.publishedAt ?? null,
        claimAuthor: item.attributedTo?.text ?? null,
        appearances: [],
        language: result.document.language,
        origin: 'ledger',
        source: where,
        warnings,
      }),
    );
  }
  return { records, rejected };
}
