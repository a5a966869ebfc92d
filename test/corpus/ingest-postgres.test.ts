/** Ingest end to end into PostgreSQL (skipped with a notice when none is reachable), including two concurrent runs. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { search } from '../../src/corpus/search.js';
import { addWatchEntries, watchReport } from '../../src/corpus/watch.js';
import { countDocuments, listFailures, openStore } from '../../src/store/index.js';
import { postgresDb, postgresReachable } from '../store/dialects.js';
import { syntheticJsonl, syntheticText } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-pg-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const reachable = await postgresReachable();

describe.skipIf(!reachable)('ingest into PostgreSQL', () => {
  it('stores, searches, matches watch entries, and serialises two concurrent ingests without duplicates', async () => {
    const db = postgresDb();
    const a = await openStore(db.url);
    const b = await openStore(db.url);
    try {
      await addWatchEntries(a, ['grain exports double after port expansion']);
      const fa = join(dir, 'a.jsonl');
      const fb = join(dir, 'b.jsonl');
      writeFileSync(fa, `${syntheticJsonl(0, 30)}${JSON.stringify({ text: `${syntheticText(500)} Grain exports will double after the port expansion.`, outlet: 'Port Times', date: '2024-07-01' })}\n`);
      writeFileSync(fb, syntheticJsonl(15, 45));
      const [sa, sb] = await Promise.all([ingest(a, [fa], { workers: 1, analyzer: { identifyLanguage: false } }), ingest(b, [fb], { workers: 1, analyzer: { identifyLanguage: false } })]);
      expect([sa.failed, sb.failed]).toEqual([0, 0]);
      expect(sa.inserted + sb.inserted).toBe(46);
      expect(sa.unchanged + sb.unchanged).toBe(15);
      expect(await countDocuments(a.db)).toBe(46);
      expect(sa.watchMatches).toHaveLength(1);
      const r = await search(a, { text: 'grain exports', outlets: ['Port Times'] });
      expect(r.total).toBe(1);
      expect((await watchReport(a.db))[0]).toMatchObject({ seen: true, count: 1, firstAppearance: { outlet: 'Port Times', date: '2024-07-01' } });
    } finally {
      await a.close();
      await b.close();
      await db.cleanup();
    }
  }, 120_000);

  it('records a document too large for PostgreSQL text search as failed, says what to do, and stores the rest', async () => {
    const db = postgresDb();
    const store = await openStore(db.url);
    try {
      // 70,000 distinct made-up words: a tsvector over PostgreSQL's 1 MB limit from ~600 KB of text.
      const words = Array.from({ length: 70_000 }, (_, i) => `w${i.toString(36)}q${(i * 7919).toString(36)}`);
      const file = join(dir, 'large.jsonl');
      writeFileSync(file, `${JSON.stringify({ text: `A very long list. ${words.join(' ')}.` })}\n${syntheticJsonl(0, 2)}`);
      const s = await ingest(store, [file], { workers: 1, analyzer: { identifyLanguage: false } });
      expect(s.failed).toBe(1);
      expect(s.inserted).toBe(2);
      expect(s.errors[0]).toMatchObject({ stage: 'store', message: expect.stringMatching(/too long for tsvector/u), hint: expect.stringMatching(/split it into parts, or use a SQLite store/u) });
      expect((await listFailures(store.db)).map((f) => f.error)).toEqual([expect.stringMatching(/could not store the document: string is too long for tsvector/u)]);
    } finally {
      await store.close();
      await db.cleanup();
    }
  }, 120_000);
});
