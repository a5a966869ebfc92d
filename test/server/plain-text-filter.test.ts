/**
 * The plain-text `q` of GET /api/ledger and GET /api/claims ignores case in any script, and finds the same
 * rows on SQLite as on PostgreSQL. SQLite's lower() folds ASCII only: "польша" did not find "ПОЛЬША" there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, type TestDb } from '../store/dialects.js';
import { casefold } from '../../src/store/casefold.js';
import { testServer, type TestServer } from './helpers.js';
import { testDocumentRow } from '../support/document-row.js';

const TEXTS = [
  'Польша закрыла границу',
  'ЇЖАК нападає на людей',
  'İSTANBUL will lose its water',
  'Die STRAẞE ist gesperrt',
  'ΟΔΟΣ κλειστή',
  '50% of_all C:\\path',
];

describe.each(await dialects())('plain-text filters on %s', (_name, makeDb) => {
  let db: TestDb;
  let s: TestServer;
  beforeAll(async () => {
    db = makeDb();
    s = await testServer({ storeUrl: db.url });
    const store = s.store;
    if (!store) throw new Error('no store');
    await store.write(async (trx) => {
      const [d] = await trx
        .insertInto('documents')
        .values(testDocumentRow({ hash: 'a'.repeat(64), text: TEXTS.join('\n'), language: 'ru' }))
        .returning('id')
        .execute();
      const document_id = Number(d?.id);
      for (const [i, text] of TEXTS.entries()) {
        await trx
          .insertInto('claims')
          .values({
            document_id,
            analysis_id: 0,
            claim_key: `c${i}`,
            text,
            start_offset: 0,
            end_offset: 1,
            type: 'other',
            speaker: null,
            has_source: 0,
            check_worthiness: 0.5,
          })
          .execute();
        await trx
          .insertInto('ledger_items')
          .values({
            document_id,
            analysis_id: 0,
            item_key: `r${i}`,
            item_index: null,
            format: 'myth-fact',
            claim: text,
            claim_start: null,
            claim_end: null,
            attributed_to: null,
            motive: null,
            rebuttal: null,
            verdict: null,
            verdict_original: null,
            evidence_count: 0,
            evidence_summary: '',
            partial: 0,
            flags_json: '[]',
          })
          .execute();
      }
    });
  });
  afterAll(async () => {
    await s?.close();
    await db?.cleanup();
  });

  it.each([
    ['польша', 'Польша закрыла границу'],
    ['ПОЛЬША ЗАКРЫЛА', 'Польша закрыла границу'],
    ['їжак', 'ЇЖАК нападає на людей'],
    ['istanbul', 'İSTANBUL will lose its water'],
    ['straße', 'Die STRAẞE ist gesperrt'],
    ['κλειστή', 'ΟΔΟΣ κλειστή'],
    ['50% OF_ALL c:\\PATH', '50% of_all C:\\path'],
  ])('q=%s finds %s in claims and ledger items', async (q, text) => {
    for (const route of ['claims', 'ledger']) {
      const res = await s.app.inject({ method: 'GET', url: `/api/${route}?q=${encodeURIComponent(q)}` });
      const body = res.json() as { total: number; items: { text?: string; claim?: string }[] };
      expect([route, q, body.total, body.items.map((x) => x.text ?? x.claim)]).toEqual([route, q, 1, [text]]);
    }
  });

  it.each(['l%e', 'w_ter', 'C:\\p%', 'польшаx'])('q=%s finds nothing (wildcards are text)', async (q) => {
    const res = await s.app.inject({ method: 'GET', url: `/api/claims?q=${encodeURIComponent(q)}` });
    expect((res.json() as { total: number }).total).toBe(0);
  });
});

it('folds İ to a plain i, as PostgreSQL does', () => {
  expect(casefold('İSTANBUL Ї')).toBe('istanbul ї');
});
