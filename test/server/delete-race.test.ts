/**
 * A document deleted by two requests at once, or confirmed while it is deleted, on both stores: both
 * deletions answered "deleted", and a confirmation that came in between was stored under a hash no document
 * has any more (its note outliving the takedown). Now one deletion wins and the other is a 404, as is the
 * confirmation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestDb } from '../store/dialects.js';
import { StoreCorpusService } from '../../src/server/corpus.js';
import { testServer, bearer, type TestServer } from './helpers.js';

const TEXT =
  'Myth: the harbour will poison the bay.\nFact: the agency found no change in the water, according to its report.';

describe.each(await dialects())('deleting a document at the same time on %s', (_name, makeDb) => {
  let db: TestDb;
  let s: TestServer;
  beforeAll(async () => {
    db = makeDb();
    s = await testServer({ storeUrl: db.url });
  });
  afterAll(async () => {
    await s?.close();
    await db?.cleanup();
  });

  const store = async (text: string): Promise<string> => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/analyse',
      headers: bearer(s.analyst),
      payload: { text, store: true },
    });
    return (res.json() as { stored: { id: string } }).stored.id;
  };

  it('deletes it once: the other deletion finds it gone', async () => {
    const id = await store(`${TEXT} One.`);
    const service = new StoreCorpusService(s.store as NonNullable<TestServer['store']>);
    expect(await Promise.all([service.deleteDocument(id), service.deleteDocument(id)])).toEqual(
      expect.arrayContaining([true, false]),
    );
    expect(await service.getDocument(id)).toBeNull();
  });

  it('stores no confirmation for a document deleted meanwhile', async () => {
    const id = await store(`${TEXT} Two.`);
    const service = new StoreCorpusService(s.store as NonNullable<TestServer['store']>);
    const [deleted, confirmed] = await Promise.all([
      service.deleteDocument(id),
      service.confirm(id, { itemKey: 'r1', verdict: 'false', note: 'a note', author: 'ana' }),
    ]);
    expect(deleted).toBe(true);
    // Either order is possible; what must not happen is a confirmation left behind.
    const left = await (s.store as NonNullable<TestServer['store']>).db
      .selectFrom('ledger_confirmations' as never)
      .select('note' as never)
      .execute();
    expect(left).toEqual([]);
    expect(confirmed === null || typeof confirmed.id === 'number').toBe(true);
  });

  it('stores no dismissal for a document deleted meanwhile', async () => {
    const id = await store(`${TEXT} Three.`);
    const service = new StoreCorpusService(s.store as NonNullable<TestServer['store']>);
    const dismissal = {
      detector: 'technique/loaded-language',
      messageId: null,
      start: 0,
      end: 4,
      quote: 'Myth',
      reason: 'not loaded',
      author: 'ana',
    };
    const [deleted, dismissed] = await Promise.all([
      service.deleteDocument(id),
      service.dismiss(id, dismissal),
    ]);
    expect(deleted).toBe(true);
    const left = await (s.store as NonNullable<TestServer['store']>).db
      .selectFrom('dismissals')
      .select('quote')
      .execute();
    expect(left).toEqual([]);
    expect(dismissed === null || typeof dismissed.id === 'number').toBe(true);
  });
});
