import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importClaimReviews } from '../../src/store/fact-checks/index.js';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-fact-check-tools-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Our own invented response in the shape of the Google Fact Check Tools API (claims:search).
const claim = (text: string, reviews: unknown[]): Record<string, unknown> => ({
  text,
  claimant: 'Viral chain message',
  claimDate: '2026-02-01T00:00:00Z',
  claimReview: reviews,
});
const review = {
  publisher: { name: 'Example Checks', site: 'checks.example' },
  url: 'https://checks.example/hot-water',
  title: 'Hot water does not kill the flu virus',
  reviewDate: '2026-02-03T00:00:00Z',
  textualRating: 'False',
  languageCode: 'en',
};
const page = {
  claims: [
    claim('Drinking hot water every hour kills the flu virus', [
      review,
      { publisher: { site: 'other.example' }, url: 'javascript:alert(1)', textualRating: 'Misleading' },
    ]),
    claim('   ', [review]),
    claim('The new dam will flood the old town', []),
  ],
  nextPageToken: 'CAE',
};

describe('Google Fact Check Tools API responses', () => {
  it('reads each review of each claim as a fact-check, with warnings and rejections', () => {
    const batch = importClaimReviews(JSON.stringify(page), 'api.json');
    expect(batch.records).toHaveLength(2);
    expect(batch.records[0]).toMatchObject({
      claim: 'Drinking hot water every hour kills the flu virus',
      title: 'Hot water does not kill the flu virus',
      rating: 'False',
      verdict: 'false',
      publisher: 'Example Checks',
      url: 'https://checks.example/hot-water',
      datePublished: '2026-02-03T00:00:00Z',
      claimAuthor: 'Viral chain message',
      language: 'en',
      source: 'api.json#1',
      warnings: [],
    });
    // The site names the publisher when there is no name; only an http(s) address is kept.
    expect(batch.records[1]).toMatchObject({
      publisher: 'other.example',
      url: null,
      verdict: 'misleading',
      warnings: ['url', 'reviewDate'],
    });
    expect(batch.rejected).toEqual([
      { source: 'api.json#3', reason: expect.stringMatching(/claim without text/u) as unknown },
      { source: 'api.json#4', reason: expect.stringMatching(/without a review/u) as unknown },
    ]);
  });

  it('reads a list of pages, the claims list alone and one page per line', () => {
    const one = { claims: [claim('Sea water cures a cold', [review])] };
    for (const text of [
      JSON.stringify([one, one]),
      JSON.stringify(one.claims),
      `${JSON.stringify(one)}\n${JSON.stringify(one)}\n`,
    ])
      expect(importClaimReviews(text, 'p.json').records.map((r) => r.claim)).toContain(
        'Sea water cures a cold',
      );
    expect(importClaimReviews(JSON.stringify([one, one]), 'p.json').records).toHaveLength(2);
  });

  it('reads a publisher given as a plain name (converted files; it was "missing publisher")', () => {
    const plain = { claims: [claim('Sea water cures a cold', [{ ...review, publisher: 'Desk Checks' }])] };
    const batch = importClaimReviews(JSON.stringify(plain), 'plain.json');
    expect(batch.records.map((r) => r.publisher)).toEqual(['Desk Checks']);
    expect(batch.records[0]?.warnings).toEqual([]);
  });

  it('says so when a response holds no claims (it was named a file without ClaimReview)', () => {
    expect(importClaimReviews('{"claims": [], "nextPageToken": "CAE"}', 'none.json').rejected).toEqual([
      {
        source: 'none.json',
        reason: 'the Fact Check Tools response holds no claims (its "claims" list is empty)',
      },
    ]);
  });

  it('is read by factchecks import and match --library', async () => {
    writeFileSync(join(dir, 'api.json'), JSON.stringify(page));
    const imp = await runCli(['factchecks', 'import', 'api.json', '--db', join(dir, 'api.db')], { cwd: dir });
    expect(imp.stdout).toMatch(/^imported 2 fact-check\(s\), 2 rejected/u);
    expect(imp.code).toBe(3);
    const r = await runCli(['match', 'hot water kills the flu', '--library', 'api.json', '--json'], {
      cwd: dir,
    });
    const hits = (JSON.parse(r.stdout) as { matches: { id: string; publisher: string }[] }).matches;
    expect(hits.map((h) => [h.id, h.publisher])).toEqual([
      ['api.json#1', 'Example Checks'],
      ['api.json#2', 'other.example'],
    ]);
  });
});
