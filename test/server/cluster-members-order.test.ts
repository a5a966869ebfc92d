/**
 * GET /api/clusters/{id} lists members in publication order; members published at the same moment came in
 * an arbitrary order, another on PostgreSQL than on SQLite. Ties now go in ingestion order on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestDb } from '../store/dialects.js';
import { testServer, type TestServer } from './helpers.js';
import { testDocumentRow } from '../support/document-row.js';

describe.each(await dialects())('cluster members on %s', (_name, makeDb) => {
  let db: TestDb;
  let s: TestServer;
  let clusterId = 0;
  beforeAll(async () => {
    db = makeDb();
    s = await testServer({ storeUrl: db.url });
    const store = s.store;
    if (!store) throw new Error('no store');
    await store.write(async (trx) => {
      const ids: number[] = [];
      for (let i = 0; i < 12; i++) {
        const [d] = await trx
          .insertInto('documents')
          .values(testDocumentRow({ hash: `${i}`.padStart(64, 'a'), title: `d${i}`, published_at: i < 2 ? `2024-01-0${i + 1}` : '2024-05-05' }))
          .returning('id')
          .execute();
        ids.push(Number(d?.id));
      }
      const [c] = await trx
        .insertInto('clusters')
        .values({
          kind: 'near-duplicate',
          size: 12,
          first_seen: '2024-01-01',
          last_seen: '2024-05-05',
          outlets: 0,
          label: 'x',
          created_at: '2024-07-01',
        })
        .returning('id')
        .execute();
      clusterId = Number(c?.id);
      // Members stored in an order that is neither publication nor ingestion order.
      for (const id of [...ids.slice(6), ...ids.slice(0, 6).reverse()])
        await trx
          .insertInto('cluster_members')
          .values({ cluster_id: clusterId, document_id: id, item_ref: null, text: null, similarity: 0.9 })
          .execute();
    });
  });
  afterAll(async () => {
    await s?.close();
    await db?.cleanup();
  });

  it('lists members published at the same moment in ingestion order', async () => {
    const res = await s.app.inject({ method: 'GET', url: `/api/clusters/${clusterId}` });
    expect((res.json() as { members: { title: string }[] }).members.map((m) => m.title)).toEqual(
      Array.from({ length: 12 }, (_, i) => `d${i}`),
    );
  });
});
