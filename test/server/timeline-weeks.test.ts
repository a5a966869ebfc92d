/**
 * Timeline weeks are the weeks of the publication day as written, as months, years and the from/to
 * filters read it. They were the weeks of the UTC instant: a document published "2024-03-03T23:30:00-05:00"
 * (a Sunday) was counted in the week of 4 March, past a range `to=2024-03-03` that included it. Stores
 * written before are mended when opened (migration 0009).
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/server/timeline.js';
import { openStore } from '../../src/store/index.js';
import { weekOf } from '../../src/store/repositories/rows.js';
import { testDocumentRow } from '../support/document-row.js';
import { dialects } from '../store/dialects.js';

describe('weekOf', () => {
  it.each([
    ['2024-03-03', '2024-02-26'],
    ['2024-03-04', '2024-03-04'],
    // Late on Sunday west of UTC, early on Monday east of it: the day as written decides.
    ['2024-03-03T23:30:00-05:00', '2024-02-26'],
    ['2024-03-04T00:30:00+03:00', '2024-03-04'],
    ['2024-03-10T23:59:59.999Z', '2024-03-04'],
    ['2024-12-31T22:00:00-10:00', '2024-12-30'],
    [null, null],
    ['not a date', null],
  ])('%s is in the week of %s', (date, week) => {
    expect(weekOf(date)).toBe(week);
  });
});

describe.each(await dialects())('on %s', (_name, makeDb) => {
  it('a store written with UTC weeks is mended on opening, and the timeline agrees with its range', { timeout: 30_000 }, async () => {
    const db = makeDb();
    try {
      let store = await openStore(db.url);
      await store.write(async (trx) => {
        const [d] = await trx
          .insertInto('documents')
          // The week as the old code stored it: that of 2024-03-04T04:30Z.
          .values(testDocumentRow({ hash: 'late-sunday', published_at: '2024-03-03T23:30:00-05:00', published_week: '2024-03-04' }))
          .returning('id')
          .execute();
        await trx
          .insertInto('narratives')
          .values({ document_id: Number(d?.id), analysis_id: 0, taxonomy: 'test', label: 'Harbour', level: 'coarse', score: 0.5 })
          .execute();
        await sql`DELETE FROM narrascope_migrations WHERE id = '0009-weeks-as-written'`.execute(trx);
      });
      await store.close();
      const told: string[] = [];
      store = await openStore(db.url, { onUpgrade: (step) => told.push(step.id) });
      try {
        expect(told).toEqual(['0009-weeks-as-written']);
        const row = await store.db.selectFrom('documents').select('published_week').where('hash', '=', 'late-sunday').executeTakeFirst();
        expect(row?.published_week).toBe('2024-02-26');
        const weeks = await timeline(store.db, store.caps, 'narrative', { label: 'Harbour', from: '2024-03-01', to: '2024-03-03', bucket: 'week' });
        expect(weeks.points.map((p) => [p.week, p.count])).toEqual([['2024-02-26', 1]]);
        const months = await timeline(store.db, store.caps, 'narrative', { label: 'Harbour', to: '2024-03-03', bucket: 'month' });
        expect(months.points.map((p) => [p.week, p.count])).toEqual([['2024-03-01', 1]]);
      } finally {
        await store.close();
      }
    } finally {
      await db.cleanup();
    }
  });
});
