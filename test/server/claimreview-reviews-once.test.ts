/**
 * The API's ClaimReview exports review a claim of a page once: an older stored version of a re-ingested
 * page makes no reviews (GET /api/export and the document's own export), and an item an analyst confirmed
 * is reviewed by the analyst alone, with the latest confirmation, not beside the document's own verdict
 * under the same url.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateClaimReview } from '../../src/export/claimreview/index.js';
import { bearer, errorOf, testServer, type TestServer } from './helpers.js';
import { withLayers } from './fixtures.js';

let s: TestServer;
const ids: string[] = [];
const PAGE = 'https://coast.example/harbour-myths';

// Two versions of one page (the second corrected), and a reprint on another page. The fixture analysis
// (fixtures.ts) gives each one ledger item, l1, on the words it needs.
const MYTH = 'Myth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.';
const DOCS = [
  {
    text: `Harbour myths\n\n${MYTH}`,
    source: { outlet: 'Coast Herald', uri: PAGE, publishedAt: '2025-03-04' },
  },
  {
    text: `Harbour myths\n\n${MYTH} Corrected on 5 March.`,
    source: { outlet: 'Coast Herald', uri: PAGE, publishedAt: '2025-03-04' },
  },
  {
    text: `Harbour myths, reprinted\n\n${MYTH}`,
    source: { outlet: 'Bay News', uri: 'https://bay.example/ferry', publishedAt: '2025-03-12' },
  },
];

interface Review {
  url: string;
  author: { name?: string };
  reviewRating: { alternateName: string };
}

beforeAll(async () => {
  s = await testServer({ withStore: true, analysis: withLayers });
  for (const d of DOCS) {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/analyse',
      headers: bearer(s.analyst),
      payload: { ...d, store: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    ids.push((res.json() as { stored: { id: string } }).stored.id);
  }
}, 60_000);
afterAll(() => s.close());

describe('ClaimReview exports of the API', () => {
  it('leave out the older version of a re-ingested page, in the corpus export and in its own', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/export?format=claimreview' });
    expect(res.statusCode).toBe(200);
    const reviews = JSON.parse(res.body) as Review[];
    const urls = reviews.map((r) => r.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.filter((u) => u.startsWith(PAGE))).toHaveLength(1);
    expect(urls.some((u) => u.startsWith('https://bay.example/ferry'))).toBe(true);
    const old = await s.app.inject({
      method: 'GET',
      url: `/api/documents/${ids[0]}/export?format=claimreview`,
    });
    expect([old.statusCode, errorOf(old).code]).toEqual([422, 'nothing-to-export']);
    expect(errorOf(old).message).toContain('later version of the same page');
    const latest = await s.app.inject({
      method: 'GET',
      url: `/api/documents/${ids[1]}/export?format=claimreview`,
    });
    expect(latest.statusCode).toBe(200);
  });

  it('review a confirmed item once, by the analyst, with the latest confirmation', async () => {
    const confirm = (verdict: string, note: string) =>
      s.app.inject({
        method: 'POST',
        url: `/api/documents/${ids[2]}/confirmations`,
        headers: bearer(s.analyst),
        payload: { itemKey: 'l1', verdict, note },
      });
    expect((await confirm('false', 'checked the survey')).statusCode).toBe(201);
    expect((await confirm('misleading', 'the survey covers one year only')).statusCode).toBe(201);
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/documents/${ids[2]}/export?format=claimreview`,
    });
    expect(res.statusCode).toBe(200);
    const reviews = JSON.parse(res.body) as Review[];
    expect(reviews).toHaveLength(1);
    expect(reviews[0]?.author.name).toBe('test analyst');
    expect(reviews[0]?.reviewRating.alternateName).toMatch(/misleading/iu);
    for (const r of reviews) expect(validateClaimReview(r as never)).toEqual([]);
  });
});
