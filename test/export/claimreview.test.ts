import { describe, expect, it } from 'vitest';
import {
  confirmedClaimReviews,
  isIsoDate,
  ledgerClaimReviews,
  stringifyJsonLd,
  validateClaimReview,
  verdictLabelOf,
  type ClaimReview,
} from '../../src/export/claimreview/index.js';
import { fixtureResult, ledgerItem } from './fixture.js';

describe('ClaimReview from ledger items', () => {
  it('builds a valid review for an item with a verdict and skips one without, with the reason', () => {
    const out = ledgerClaimReviews([fixtureResult()]);
    expect(out.reviews).toHaveLength(1);
    expect(out.skipped).toEqual([
      { document: 'a'.repeat(64), item: 'ledger-2', reasons: [expect.stringContaining('no verdict')] },
    ]);
    const r = out.reviews[0]!;
    expect(validateClaimReview(r)).toEqual([]);
    expect(r).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'The river dam will flood the old town next spring.',
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'Myth',
      },
      itemReviewed: {
        '@type': 'Claim',
        author: { name: 'river dam' },
        appearance: [{ '@type': 'CreativeWork', url: 'https://example.org/dam-myths' }],
        datePublished: '2026-03-01',
      },
      author: { '@type': 'Organization', name: 'Example Water Board' },
      datePublished: '2026-03-01',
      url: 'https://example.org/dam-myths#item-1',
      inLanguage: 'en',
    });
  });

  it('skips items when the document has no publisher or address, unless the caller supplies them', () => {
    const bare = fixtureResult({ source: { kind: 'text', uri: 'notes/dam.txt' } });
    const none = ledgerClaimReviews([bare]);
    expect(none.reviews).toHaveLength(0);
    expect(none.skipped[0]!.reasons).toEqual([
      expect.stringContaining('no publisher'),
      expect.stringContaining('no http(s) address'),
    ]);
    const given = ledgerClaimReviews([bare], {
      publisher: 'Water Desk',
      url: 'https://example.net/dam',
      datePublished: '2026-02-02',
    });
    expect(given.reviews[0]).toMatchObject({
      author: { name: 'Water Desk' },
      url: 'https://example.net/dam#item-1',
      datePublished: '2026-02-02',
    });
  });

  it('lends the caller\'s address to one document only, so two documents never share review urls', () => {
    const bare = (hash: string): ReturnType<typeof fixtureResult> =>
      fixtureResult({ hash, source: { kind: 'text', outlet: 'Desk' }, rebuttals: [ledgerItem()] });
    const withAddress = fixtureResult({ hash: 'c'.repeat(64), rebuttals: [ledgerItem()] });
    const out = ledgerClaimReviews([bare('a'.repeat(64)), withAddress, bare('b'.repeat(64))], { url: 'https://example.net/page' });
    expect(out.reviews.map((r) => r.url)).toEqual(['https://example.net/page#item-1', 'https://example.org/dam-myths#item-1']);
    expect(out.skipped).toEqual([
      { document: 'b'.repeat(64), item: 'ledger-1', reasons: [expect.stringContaining('--url is the address of another document')] },
    ]);
  });

  it("takes --publisher when the document's outlet is blank", () => {
    const blank = fixtureResult({ source: { kind: 'html', uri: 'https://example.org/d', outlet: '  ' } });
    expect(ledgerClaimReviews([blank]).reviews).toHaveLength(0);
    const given = ledgerClaimReviews([blank], { publisher: 'Water Desk' });
    expect(given.reviews[0]).toMatchObject({ author: { '@type': 'Organization', name: 'Water Desk' } });
  });

  it('gives every review of a document its own url, also when two items share a number', () => {
    const verdict = ledgerItem().verdict;
    // Two numbered lists on one page (both start at 1), and an unnumbered item in second position.
    const items = [
      ledgerItem({ id: 'a', index: '1' }),
      ledgerItem({ id: 'b', index: null }),
      ledgerItem({ id: 'c', index: '2' }),
      ledgerItem({ id: 'd', index: '1', verdict }),
      ledgerItem({ id: 'e', index: 'Myth A' }),
    ];
    const urls = ledgerClaimReviews([fixtureResult({ rebuttals: items })]).reviews.map((r) => r.url);
    expect(urls).toEqual([
      'https://example.org/dam-myths#item-1',
      'https://example.org/dam-myths#item-2',
      'https://example.org/dam-myths#item-2-3',
      'https://example.org/dam-myths#item-1-4',
      'https://example.org/dam-myths#item-Myth%20A',
    ]);
    const confirmed = confirmedClaimReviews(fixtureResult({ rebuttals: items }), [
      { itemId: 'd', verdict: 'false', note: 'Checked.', author: 'J. Analyst', createdAt: '2026-04-05T08:00:00Z' },
    ]);
    expect(confirmed.reviews[0]!.url).toBe(urls[3]);
  });

  it('anchors an item numbered with half a surrogate pair (a results file) instead of failing the export', () => {
    // encodeURIComponent threw "URI malformed": `export claimreview --results` ended in an internal error.
    const items = [ledgerItem({ id: 'a', index: '\ud800' }), ledgerItem({ id: 'b', index: '2\udc00' })];
    const urls = ledgerClaimReviews([fixtureResult({ rebuttals: items })]).reviews.map((r) => r.url);
    expect(urls).toEqual(['https://example.org/dam-myths#item-%EF%BF%BD', 'https://example.org/dam-myths#item-2%EF%BF%BD']);
  });

  it('exports analyst-confirmed verdicts with the analyst as reviewer', () => {
    const out = confirmedClaimReviews(fixtureResult({ rebuttals: [ledgerItem({ verdict: null })] }), [
      {
        itemId: 'ledger-1',
        verdict: 'misleading',
        note: 'The overflow plan covers this.',
        author: 'J. Analyst',
        createdAt: '2026-04-05T08:00:00Z',
      },
      { itemId: 'gone', verdict: 'false', note: '', author: 'J. Analyst', createdAt: '2026-04-05T08:00:00Z' },
    ]);
    expect(out.reviews).toHaveLength(1);
    expect(out.reviews[0]).toMatchObject({
      author: { '@type': 'Person', name: 'J. Analyst' },
      reviewRating: { ratingValue: 2, alternateName: 'Misleading' },
      reviewBody: 'The overflow plan covers this.',
      datePublished: '2026-04-05',
    });
    expect(out.skipped).toEqual([
      { document: 'a'.repeat(64), item: 'gone', reasons: [expect.stringContaining('not in this analysis')] },
    ]);
  });
});

describe('validateClaimReview', () => {
  const good = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(ledgerClaimReviews([fixtureResult()]).reviews[0])) as Record<string, unknown>;
  it.each([
    ['claimReviewed', (v: Record<string, unknown>) => delete v.claimReviewed, 'claimReviewed is missing'],
    [
      'alternateName',
      (v: Record<string, unknown>) => delete (v.reviewRating as Record<string, unknown>).alternateName,
      'reviewRating.alternateName is missing',
    ],
    [
      'rating range',
      (v: Record<string, unknown>) => ((v.reviewRating as Record<string, unknown>).ratingValue = 9),
      'reviewRating.ratingValue is outside worstRating..bestRating',
    ],
    ['author', (v: Record<string, unknown>) => delete v.author, 'author is missing'],
    [
      'url',
      (v: Record<string, unknown>) => (v.url = 'javascript:alert(1)'),
      'url must be an absolute http(s) URL',
    ],
    [
      'date',
      (v: Record<string, unknown>) => (v.datePublished = 'yesterday'),
      'datePublished is not an ISO 8601 date',
    ],
    [
      'itemReviewed type',
      (v: Record<string, unknown>) => ((v.itemReviewed as Record<string, unknown>)['@type'] = 'Thing'),
      'itemReviewed.@type must be "Claim"',
    ],
  ])('reports %s', (_name, mutate, problem) => {
    const v = good();
    mutate(v);
    expect(validateClaimReview(v)).toEqual([problem]);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2026-03-01T10:00:00Z', true],
    ['0050-01-01', true],
    ['2022-02-30', false],
    ['2023-02-29', false],
    ['2022-04-31', false],
    ['2022-04-31T10:00:00Z', false],
    ['2022-13-01', false],
  ])('%s → %s (Date.parse rolls impossible days over to the next month)', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('leaves an impossible document date out of the review instead of writing it', () => {
    const r = ledgerClaimReviews([
      fixtureResult({ source: { kind: 'html', uri: 'https://example.org/d', outlet: 'Desk', publishedAt: '2022-02-30' } }),
    ]).reviews[0]!;
    expect(r.datePublished).toBeUndefined();
    expect(r.itemReviewed!.datePublished).toBeUndefined();
  });
});

describe('stringifyJsonLd', () => {
  it('escapes markup so the JSON-LD can sit in a script element, and parses back unchanged', () => {
    const review = ledgerClaimReviews([fixtureResult()]).reviews[0]!;
    const tricky: ClaimReview = { ...review, claimReviewed: '</script><script>alert(1)</script> & more' };
    const text = stringifyJsonLd([tricky]);
    expect(text).not.toMatch(/<|>/u);
    expect(JSON.parse(text)).toEqual([tricky]);
  });

  it('refuses to write an invalid review', () => {
    const review = ledgerClaimReviews([fixtureResult()]).reviews[0]!;
    expect(() => stringifyJsonLd({ ...review, url: 'not a url' })).toThrow(/invalid ClaimReview/u);
  });
});

describe('verdictLabelOf', () => {
  it.each([
    ['Pants on Fire', 'false'],
    ['Mostly False', 'partly-false'],
    ['Mixture', 'mixed'],
    ['Misleading', 'misleading'],
    ['Unproven', 'unproven'],
    ['True', 'true'],
    ['Not true', 'false'],
    ['NOT TRUE', 'false'],
    ['Untrue', 'false'],
    ['Not accurate', 'false'],
    ['Not a fact', 'false'],
    ['Accurate', 'true'],
    ['Satire', 'other'],
  ])('%s → %s', (text, label) => {
    expect(verdictLabelOf(text)).toBe(label);
  });
});
