/**
 * `narrascope export claimreview --corpus` when a page was stored in several versions (the same url
 * ingested again after the page changed): the latest stored version is reviewed, never two reviews with
 * one url (src/store/repositories/document-versions.ts, src/export/claimreview/versions.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateClaimReview, type ClaimReview } from '../../src/export/claimreview/index.js';
import { getAnalysis, getDocument, openStore } from '../../src/store/index.js';
import { runCli } from '../cli/run-cli.js';
import { dialects } from '../store/dialects.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-export-versions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...argv: string[]): ReturnType<typeof runCli> => runCli(argv, { cwd: dir });

// Our own invented pages. The ferry page is stored, then stored again after its second myth was rewritten.
const page = (second: string): Record<string, string> => ({
  text: `Myth: The new ferry line is a secret military route.\n\nFact: The ferry timetable and cargo lists are published every week by the port.\n\nMyth: ${second}\n\nFact: The operator froze fares until 2027.`,
  outlet: 'Harbour Checks',
  url: 'https://checks.example/ferry',
  date: '2024-02-01',
  title: 'Ferry myths',
});
const OTHER = { text: 'Myth: The reservoir water is poisoned.\n\nFact: The water board tests it daily and publishes the results.\n\nMyth: The dam is about to burst.\n\nFact: Inspectors certified the dam in March.', outlet: 'Water Facts', url: 'https://facts.example/reservoir', date: '2024-03-05', title: 'Reservoir myths' };

writeFileSync(join(dir, 'v1.jsonl'), [page('Ferry tickets will triple next year.'), OTHER].map((r) => JSON.stringify(r)).join('\n'));
writeFileSync(join(dir, 'v2.jsonl'), JSON.stringify(page('Ferry tickets will double next winter.')));

// The query that finds superseded versions is plain SQL: checked on both databases.
describe.each(await dialects())('export claimreview --corpus: a page stored in two versions (%s)', (_name, makeDb) => {
  const testDb = makeDb();
  const db = testDb.url;
  beforeAll(async () => {
    for (const file of ['v1.jsonl', 'v2.jsonl']) expect((await run('ingest', file, '--db', db, '--workers', '1')).code).toBe(0);
  });
  afterAll(() => testDb.cleanup());

  it('reviews the latest version only: one review per url, the older version counted as superseded', async () => {
    const r = await run('export', 'claimreview', '--corpus', '--db', db);
    expect(r.code).toBe(0);
    const reviews = JSON.parse(r.stdout) as ClaimReview[];
    for (const review of reviews) expect(validateClaimReview(review)).toEqual([]);
    expect(reviews.map((x) => x.url)).toEqual(['https://facts.example/reservoir#item-1', 'https://facts.example/reservoir#item-2', 'https://checks.example/ferry#item-1', 'https://checks.example/ferry#item-2']);
    expect(reviews.map((x) => x.claimReviewed)).toContain('Ferry tickets will double next winter.');
    expect(reviews.map((x) => x.claimReviewed)).not.toContain('Ferry tickets will triple next year.');
    expect(r.stderr).toContain('3 documents, 4 ClaimReviews; 2 ledger items skipped: a later version of the same page (same address) supersedes this document (2)');
  });

  it('does not review the older version when the filters select it alone (exit 2, the reason named)', async () => {
    const r = await run('export', 'claimreview', '--corpus', '--db', db, '--query', 'triple');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2 × a later version of the same page (same address) supersedes this document');
  });

  it('--confirmed: confirmations of the older version are skipped with the reason; the latest version\'s are exported', async () => {
    const store = await openStore(db);
    try {
      const versions = await store.db.selectFrom('documents').select(['hash']).where('url', '=', 'https://checks.example/ferry').orderBy('id').execute();
      const confirmations = store.db as unknown as Kysely<{ ledger_confirmations: { document_hash: string; item_key: string; verdict: string; note: string; author: string; created_at: string } }>;
      for (const { hash } of versions) {
        const doc = await getDocument(store.db, hash);
        const item = doc && (await getAnalysis(store.db, doc.id))?.rebuttals[1];
        if (!doc || !item) throw new Error('expected two ledger items in each version of the ferry page');
        await confirmations.insertInto('ledger_confirmations').values({ document_hash: hash, item_key: item.id, verdict: 'false', note: `Checked ${hash.slice(0, 6)}.`, author: 'Desk Analyst', created_at: '2024-07-01T10:00:00Z' }).execute();
      }
    } finally {
      await store.close();
    }
    for (const argv of [['--corpus'], []]) {
      const r = await run('export', 'claimreview', '--confirmed', '--db', db, ...argv);
      expect(r.code).toBe(0);
      const reviews = JSON.parse(r.stdout) as ClaimReview[];
      expect(reviews.map((x) => [x.url, x.claimReviewed])).toEqual([['https://checks.example/ferry#item-2', 'Ferry tickets will double next winter.']]);
      expect(r.stderr).toContain('a later version of the same page (same address) supersedes this document');
    }
  });
});
