/**
 * `entities.name_key` (migration 0010): every entity row carries its name case-folded for every script,
 * written with the row and filled in for rows stored before, with an index that serves an equality
 * look-up. SQLite's lower(), which the entity filter compared, folds ASCII only: "київ" did not find
 * "Київ", nor "élysée" "ÉLYSÉE", on the default store.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyzer.js';
import { createDocument } from '../../src/core/text/document.js';
import { entityNameKey, openStore, saveAnalysedDocument } from '../../src/store/index.js';
import { dialects } from './dialects.js';

describe('entityNameKey', () => {
  it.each([
    ['Київ', 'київ'],
    ['ÉLYSÉE', 'élysée'],
    ['İstanbul', 'istanbul'],
    ['NATO', 'nato'],
    ['ΣΟΦΙΑ', 'σοφια'],
  ])('%s → %s', (name, key) => {
    expect(entityNameKey(name)).toBe(key);
  });
});

describe.each(await dialects())('on %s', (_name, makeDb) => {
  it('is written with each entity and filled in for entities stored before; an index serves it', { timeout: 60_000 }, async () => {
    const db = makeDb();
    try {
      let store = await openStore(db.url);
      const doc = createDocument({ text: 'Officials in Kyiv said NATO and the Élysée Palace had not replied to the ministry in Warsaw.', source: { kind: 'text' }, language: 'en' });
      await saveAnalysedDocument(store, doc, await createAnalyzer({}).analyze(doc));
      const written = await store.db.selectFrom('entities').select(['name', 'name_key']).execute();
      expect(written.length).toBeGreaterThan(0);
      for (const e of written) expect(e.name_key).toBe(entityNameKey(e.name));

      // An entity stored before this step (no key), as an older Narrascope left it.
      await store.write(async (trx) => {
        const doc = await trx.selectFrom('documents').select('id').executeTakeFirstOrThrow();
        await trx.insertInto('entities').values({ document_id: doc.id, analysis_id: 0, entity_key: 'e-old', name: 'ЛЬВІВ', type: 'location', main_role: null, fine_roles_json: '[]', mentions: 1 }).execute();
        await sql`UPDATE entities SET name_key = NULL`.execute(trx);
        await sql`DROP INDEX entities_name_key`.execute(trx);
        await sql`ALTER TABLE entities DROP COLUMN name_key`.execute(trx);
        await sql`DELETE FROM narrascope_migrations WHERE id = '0010-entity-name-key'`.execute(trx);
      });
      await store.close();
      store = await openStore(db.url);
      try {
        const keyed = await store.db.selectFrom('entities').select(['name', 'name_key']).execute();
        expect(keyed.length).toBe(written.length + 1);
        for (const e of keyed) expect(e.name_key).toBe(entityNameKey(e.name));
        const found = await store.db.selectFrom('entities').select('name').where('name_key', '=', entityNameKey('львів')).execute();
        expect(found).toEqual([{ name: 'ЛЬВІВ' }]);
        const plan =
          store.caps.dialect === 'sqlite'
            ? JSON.stringify((await sql`EXPLAIN QUERY PLAN SELECT document_id FROM entities WHERE name_key IN ('львів', 'nato')`.execute(store.db)).rows)
            : await store.write(async (trx) => {
                await sql`SET LOCAL enable_seqscan = off`.execute(trx);
                return JSON.stringify((await sql`EXPLAIN SELECT document_id FROM entities WHERE name_key IN ('львів', 'nato')`.execute(trx)).rows);
              });
        expect(plan).toMatch(/entities_name_key/u);
      } finally {
        await store.close();
      }
    } finally {
      await db.cleanup();
    }
  });
});
