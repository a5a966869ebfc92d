/**
 * GET /api/timeline/{narratives,techniques} on both stores: the points are bounded (the top outlets, a
 * date range, a coarser period, a cap), and labels of equal counts come in the same order on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekOf } from '../../src/store/repositories/rows.js';
import { timeline } from '../../src/server/timeline.js';
import { ApiError } from '../../src/server/errors.js';
import { dialects, type TestDb } from '../store/dialects.js';
import { errorOf, testServer, type TestServer } from './helpers.js';
import { testDocumentRow } from '../support/document-row.js';

interface Body {
  labels: { value: string; count: number }[];
  bucket: string;
  outlets: { total: number; shown: number };
  points: { week: string; outlet: string; label: string; count: number }[];
}

describe.each(await dialects())('timeline on %s', (_name, makeDb) => {
  let db: TestDb;
  let s: TestServer;
  beforeAll(async () => {
    db = makeDb();
    s = await testServer({ storeUrl: db.url });
    const store = s.store;
    if (!store) throw new Error('no store');
    await store.write(async (trx) => {
      // 25 outlets; outlet k (1..25) has k documents labelled 'Harbour', one a week from 2020-01-06 on.
      let n = 0;
      for (let k = 1; k <= 25; k++) {
        const [o] = await trx
          .insertInto('outlets')
          .values({ name: `Outlet ${String(k).padStart(2, '0')}` })
          .returning('id')
          .execute();
        for (let i = 0; i < k; i++) {
          const day = new Date(Date.UTC(2020, 0, 6 + 7 * i)).toISOString().slice(0, 10);
          const [d] = await trx
            .insertInto('documents')
            .values(testDocumentRow({ hash: `h${n++}`, outlet_id: Number(o?.id), published_at: day, published_week: weekOf(day) }))
            .returning('id')
            .execute();
          await trx
            .insertInto('narratives')
            .values({
              document_id: Number(d?.id),
              analysis_id: 0,
              taxonomy: 'test',
              label: 'Harbour',
              level: 'coarse',
              score: 0.5,
            })
            .execute();
        }
      }
      // Three labels of one document each, stored in an order that is not theirs.
      for (const label of ['b-label', 'C-label', 'a-label']) {
        const [d] = await trx
          .insertInto('documents')
          .values(testDocumentRow({ hash: `x${label}`, published_at: '2021-05-05', published_week: weekOf('2021-05-05') }))
          .returning('id')
          .execute();
        await trx
          .insertInto('narratives')
          .values({
            document_id: Number(d?.id),
            analysis_id: 0,
            taxonomy: 'test',
            label,
            level: 'coarse',
            score: 0.5,
          })
          .execute();
      }
    });
  });
  afterAll(async () => {
    await s?.close();
    await db?.cleanup();
  });

  const get = async (qs: string): Promise<Body> => {
    const res = await s.app.inject({ method: 'GET', url: `/api/timeline/narratives${qs}` });
    expect(res.statusCode).toBe(200);
    return res.json() as Body;
  };

  it('orders labels of equal counts by name, byte by byte, on both stores', async () => {
    expect((await get('')).labels).toEqual([
      { value: 'Harbour', count: 325 },
      { value: 'C-label', count: 1 },
      { value: 'a-label', count: 1 },
      { value: 'b-label', count: 1 },
    ]);
  });

  it('sends the points of the 20 outlets with the most documents, and says how many there are', async () => {
    const body = await get('');
    expect(body.bucket).toBe('week');
    expect(body.outlets).toEqual({ total: 25, shown: 20 });
    const outlets = new Set(body.points.map((p) => p.outlet));
    expect(outlets.size).toBe(20);
    expect(outlets.has('Outlet 25') && !outlets.has('Outlet 05')).toBe(true);
    // Outlets 06..25 have 6..25 documents, one a week.
    expect(body.points).toHaveLength(Array.from({ length: 20 }, (_, i) => i + 6).reduce((a, b) => a + b, 0));
    expect((await get('?outlets=3')).outlets).toEqual({ total: 25, shown: 3 });
    expect(new Set((await get('?outlets=200')).points.map((p) => p.outlet)).size).toBe(25);
  });

  it('counts per month or year, and within from..to', async () => {
    const year = await get('?bucket=year&outlets=200');
    expect(year.points.filter((p) => p.outlet === 'Outlet 25')).toEqual([
      { week: '2020-01-01', outlet: 'Outlet 25', label: 'Harbour', count: 25 },
    ]);
    const month = await get('?bucket=month&outlet=Outlet%2025');
    expect(month.points.map((p) => [p.week, p.count])).toEqual([
      ['2020-01-01', 4],
      ['2020-02-01', 4],
      ['2020-03-01', 5],
      ['2020-04-01', 4],
      ['2020-05-01', 4],
      ['2020-06-01', 4],
    ]);
    const range = await get('?from=2020-01-13&to=2020-01-20&outlet=Outlet%2025');
    expect(range.points.map((p) => p.week)).toEqual(['2020-01-13', '2020-01-20']);
  });

  it('refuses more points than the cap with a hint, rather than cutting them short', async () => {
    const store = s.store;
    if (!store) throw new Error('no store');
    const e = await timeline(store.db, store.caps, 'narrative', { outlets: 200 }, 100).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ApiError);
    expect([(e as ApiError).status, (e as ApiError).code]).toEqual([422, 'too-many-points']);
    expect((e as ApiError).hint).toContain('bucket=month');
    expect(
      (await timeline(store.db, store.caps, 'narrative', { outlets: 200, bucket: 'year' }, 100)).points,
    ).toHaveLength(25);
  });

  it.each(['?bucket=day', '?outlets=0', '?outlets=201', '?from=2020-02-30'])('refuses %s', async (qs) => {
    const res = await s.app.inject({ method: 'GET', url: `/api/timeline/narratives${qs}` });
    expect([res.statusCode, errorOf(res).code]).toEqual([400, 'invalid-request']);
  });
});
