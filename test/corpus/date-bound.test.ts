/** An inclusive --to of a month or a year covers all of it, in search, stats and corpus selections, on both stores. */
import { describe, expect, it } from 'vitest';
import { inclusiveUpperBound } from '../../src/corpus/date-bound.js';
import { search } from '../../src/corpus/search.js';
import { selectDocumentIds } from '../../src/corpus/selection.js';
import { corpusStats } from '../../src/corpus/stats.js';
import { openStore } from '../../src/store/index.js';
import { dialects } from '../store/dialects.js';
import { fillSearchFixture } from './search-fixture.js';

describe('inclusiveUpperBound', () => {
  it.each([
    ['2024', '2024-99'],
    ['2024-03', '2024-03-99'],
    ['2024-03-04', '2024-03-04T99'],
    ['2024-03-04T10:00:00Z', '2024-03-04T10:00:00Z'],
  ])('%s → %s', (to, bound) => expect(inclusiveUpperBound(to)).toBe(bound));
});

describe.each(await dialects())('--to a month or a year on %s', (_name, make) => {
  it('selects every document of that month or year (--to 2024-03 stopped before 1 March)', async () => {
    const db = make();
    const store = await openStore(db.url, { create: true });
    try {
      await fillSearchFixture(store);
      const dates = (await store.db.selectFrom('documents').select('published_at').execute())
        .map((r) => r.published_at)
        .filter((d): d is string => d !== null);
      const upToMarch = dates.filter((d) => d.slice(0, 7) <= '2024-03').length;
      expect(upToMarch).toBeGreaterThan(dates.filter((d) => d < '2024-03').length); // the fixture has March dates
      for (const [to, expected] of [
        ['2024-03', upToMarch],
        ['2024', dates.length],
        ['2023', 0],
      ] as const) {
        expect([to, (await search(store, { to, facets: false })).total]).toEqual([to, expected]);
        expect([to, (await search(store, { text: 'report', to, facets: false })).total]).toEqual([
          to,
          dates.filter((d) => d.slice(0, to.length) <= to).length,
        ]);
        expect([to, (await corpusStats(store, { to })).documents]).toEqual([to, expected]);
        expect([to, (await selectDocumentIds(store, { to })).length]).toEqual([to, expected]);
      }
    } finally {
      await store.close();
      await db.cleanup();
    }
  });
});
