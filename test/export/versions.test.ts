/**
 * One page, several versions (the same address ingested again after the page changed): a ClaimReview
 * export never writes two reviews with one url; the latest version is reviewed (src/export/claimreview/versions.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/result/types.js';
import {
  ledgerClaimReviews,
  PAGE_ALREADY_REVIEWED,
  SUPERSEDED,
  validateClaimReview,
  type ClaimReview,
} from '../../src/export/claimreview/index.js';
import { createExportEncoder } from '../../src/export/encoder.js';
import { fixtureResult, ledgerItem } from './fixture.js';

/** A version of the dam page: its own text hash, its first item's claim saying which version it is. */
function version(n: number, uri = 'https://example.org/dam-myths'): AnalysisResult {
  const r = fixtureResult({ hash: String(n).repeat(64), source: { kind: 'html', uri, outlet: 'Example Water Board' }, rebuttals: [ledgerItem({ id: `ledger-${n}` })] });
  const item = r.rebuttals[0]!;
  return { ...r, rebuttals: [{ ...item, claim: { ...item.claim!, text: `Version ${n}: the dam will flood the town.` } }] };
}

function expectUniqueValidUrls(reviews: readonly ClaimReview[]): void {
  for (const r of reviews) expect(validateClaimReview(r)).toEqual([]);
  expect(new Set(reviews.map((r) => r.url)).size).toBe(reviews.length);
}

describe('ClaimReview: the latest version of a page wins', () => {
  it('of two documents with one address, only the later is reviewed; the earlier is skipped as superseded', () => {
    const out = ledgerClaimReviews([version(1), version(2)]);
    expectUniqueValidUrls(out.reviews);
    expect(out.reviews.map((r) => [r.url, r.claimReviewed])).toEqual([['https://example.org/dam-myths#item-1', 'Version 2: the dam will flood the town.']]);
    expect(out.skipped).toEqual([{ document: '1'.repeat(64), item: 'ledger-1', reasons: [SUPERSEDED] }]);
  });

  it('compares addresses as parsed and without the #fragment the review urls replace', () => {
    const out = ledgerClaimReviews([version(1, 'HTTPS://Example.org/dam-myths#top'), version(2), version(3, 'https://example.org/other')]);
    expectUniqueValidUrls(out.reviews);
    expect(out.reviews.map((r) => r.claimReviewed)).toEqual(['Version 2: the dam will flood the town.', 'Version 3: the dam will flood the town.']);
  });

  it('the same document given twice makes one set of reviews', () => {
    expect(ledgerClaimReviews([version(1), version(1)]).reviews).toHaveLength(1);
  });

  it('streamed in parts: a version the store says is superseded makes no reviews, whichever part it is in', () => {
    const encoder = createExportEncoder('claimreview', { superseded: (hash) => hash === '1'.repeat(64) });
    const text = encoder.add([version(1)]) + encoder.add([version(2)]) + encoder.end();
    const reviews = JSON.parse(text) as ClaimReview[];
    expectUniqueValidUrls(reviews);
    expect(reviews.map((r) => r.claimReviewed)).toEqual(['Version 2: the dam will flood the town.']);
    expect([...encoder.skipped]).toEqual([[SUPERSEDED, 1]]);
  });

  it('streamed without that knowledge (another caller): a page reviewed in an earlier part is not reviewed again', () => {
    const encoder = createExportEncoder('claimreview');
    const text = encoder.add([version(1)]) + encoder.add([version(2, 'https://example.org/dam-myths#comments')]) + encoder.end();
    const reviews = JSON.parse(text) as ClaimReview[];
    expectUniqueValidUrls(reviews);
    expect(reviews).toHaveLength(1);
    expect([...encoder.skipped]).toEqual([[PAGE_ALREADY_REVIEWED, 1]]);
  });

  it('analysts\' confirmed verdicts: those of a superseded version are skipped too', () => {
    const confirmation = (itemId: string) => [{ itemId, verdict: 'false', note: 'Checked.', author: 'Desk Analyst', createdAt: '2026-04-01T10:00:00Z' }];
    const encoder = createExportEncoder('claimreview', {
      confirmed: { of: (hash) => confirmation(hash === '1'.repeat(64) ? 'ledger-1' : 'ledger-2') },
      superseded: (hash) => hash === '1'.repeat(64),
    });
    const reviews = JSON.parse(encoder.add([version(1), version(2)]) + encoder.end()) as ClaimReview[];
    expectUniqueValidUrls(reviews);
    expect(reviews.map((r) => r.claimReviewed)).toEqual(['Version 2: the dam will flood the town.']);
    expect([...encoder.skipped]).toEqual([[SUPERSEDED, 1]]);
  });
});
