/**
 * Fact-check text is stored the same on both stores: a lone UTF-16 surrogate from a ClaimReview's JSON
 * (`"\ud800"`) became three U+FFFD on SQLite and one on PostgreSQL; it is one U+FFFD on both, as the API
 * and the readers make it.
 */
import { describe, expect, it } from 'vitest';
import { importClaimReviews, listFactChecks, saveFactChecks } from '../../src/store/fact-checks/index.js';
import { openStore } from '../../src/store/index.js';
import { dialects } from './dialects.js';

const json = JSON.stringify([
  {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: 'The ferry \ud800 sank twice.',
    reviewRating: { '@type': 'Rating', alternateName: 'False \udc00' },
    author: { '@type': 'Organization', name: 'Harbour \ud83d Desk' },
    url: 'https://example.org/ferry',
  },
]);

describe.each(await dialects())('on %s', (_name, makeDb) => {
  it('a lone surrogate is one U+FFFD', async () => {
    const db = makeDb();
    const store = await openStore(db.url);
    try {
      expect(await saveFactChecks(store, importClaimReviews(json, 'in.json').records)).toMatchObject({ inserted: 1 });
      const [stored] = await listFactChecks(store.db);
      expect([stored?.claim, stored?.rating, stored?.publisher]).toEqual(['The ferry \ufffd sank twice.', 'False \ufffd', 'Harbour \ufffd Desk']);
    } finally {
      await store.close();
      await db.cleanup();
    }
  });
});
