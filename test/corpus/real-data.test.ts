/** The real EUvsDisinfo index (../shared/data/euvsdisinfo/cases.csv) as a corpus: ingest a slice, search, cluster, count. */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { computeSameClaims, listClusters } from '../../src/corpus/clusters.js';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { search } from '../../src/corpus/search.js';
import { corpusStats } from '../../src/corpus/stats.js';
import { openStore } from '../../src/store/index.js';
import { sharedDataOrSkip } from '../support/shared-data.js';

const cases = sharedDataOrSkip('euvsdisinfo', 'cases.csv');
const dir = mkdtempSync(join(tmpdir(), 'narrascope-cases-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The header and the first `n` records (titles have no line breaks in this file). */
async function head(path: string, n: number): Promise<string> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(path) })) {
    lines.push(line);
    if (lines.length > n) break;
  }
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!cases)('EUvsDisinfo cases.csv as a corpus', () => {
  it('ingests claims with outlets, languages and dates; search, same-claim clusters and stats work on them', async () => {
    const slice = join(dir, 'cases-head.csv');
    writeFileSync(slice, await head(cases as string, 400));
    const store = await openStore(join(dir, 'cases.db'));
    try {
      const s = await ingest(store, [slice], { workers: 1, analyzer: { identifyLanguage: false }, read: { map: { text: 'title', outlet: 'outlets', url: 'id', language: 'languages' } } });
      expect(s.failed).toBe(0);
      expect(s.documents).toBeGreaterThan(390); // 400 lines; a quoted title may span two
      expect(s.inserted + s.unchanged).toBe(s.documents);
      const withMeta = await store.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).where('outlet_id', 'is not', null).where('published_at', 'is not', null).where('url', 'like', 'https://euvsdisinfo.eu/report/%').executeTakeFirstOrThrow();
      expect(Number(withMeta.n)).toBeGreaterThanOrEqual(s.inserted * 0.98); // a few cases lack an outlet
      const langs = await store.db.selectFrom('documents').select('language').distinct().execute();
      expect(langs.map((l) => l.language)).toContain('ru');
      const r = await search(store, { text: 'Navalny' });
      expect(r.total).toBeGreaterThan(5);
      expect(r.hits.every((h) => /navalny/iu.test(h.snippet))).toBe(true);
      const outlet = r.facets?.outlet[0];
      expect((await search(store, { text: 'Navalny', outlets: [outlet?.value as string] })).total).toBe(outlet?.count);
      const computed = await computeSameClaims(store);
      expect(computed.items).toBeGreaterThanOrEqual(s.inserted);
      for (const c of await listClusters(store, 'same-claim', { limit: 5 })) {
        expect(new Set(c.members.map((m) => m.documentHash)).size).toBeGreaterThan(1);
        expect((c.firstSeen ?? '') <= (c.lastSeen ?? '')).toBe(true);
      }
      const stats = await corpusStats(store);
      expect(stats.documents).toBe(s.inserted);
      expect(stats.outlets).toBeGreaterThan(50);
    } finally {
      await store.close();
    }
  }, 120_000);
});
