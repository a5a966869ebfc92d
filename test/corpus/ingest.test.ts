import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/corpus/ingest/ingest.js';
import { countDocuments, getAnalysis, listFailures, openStore, type Store } from '../../src/store/index.js';
import { syntheticJsonl, syntheticText } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const analyzer = { identifyLanguage: false as const };

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('ingest', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(join(dir, 'corpus.db'));
  });
  afterAll(async () => store.close());

  it('reports malformed JSONL and CSV rows with file and line, ingests the rest, and is idempotent', async () => {
    const jsonl = file('a.jsonl', `${JSON.stringify({ text: syntheticText(1), outlet: 'North Post', date: '2024-02-01' })}\n{"text": "broken\n[1, 2]\n\n${JSON.stringify({ body: syntheticText(2), source: 'South Wire' })}\n${JSON.stringify({ outlet: 'No Text' })}\n`);
    const csv = file('b.csv', `claim,outlets,published,languages\n"${syntheticText(3)}",East Desk+West Desk,2024-02-03,English\n"unclosed,quote\n`);
    const s = await ingest(store, [jsonl, csv], { workers: 1, analyzer, read: { map: {} } });
    expect(s.inserted).toBe(3);
    expect(s.errors.map((e) => e.message.split(':').slice(0, 2).join(':').replace(dir + '/', ''))).toEqual(['a.jsonl:2', 'a.jsonl:3', 'a.jsonl:6', 'b.csv:3']);
    expect(s.errors.map((e) => e.kind)).toEqual(['malformed', 'malformed', 'malformed', 'malformed']);
    expect((await listFailures(store.db)).length).toBe(4);
    const outlets = await store.db.selectFrom('documents').innerJoin('outlets', 'outlets.id', 'documents.outlet_id').select(['outlets.name', 'documents.language', 'documents.published_at']).orderBy('documents.id').execute();
    expect(outlets).toEqual([
      { name: 'North Post', language: null, published_at: '2024-02-01' },
      { name: 'South Wire', language: null, published_at: null },
      { name: 'East Desk', language: 'en', published_at: '2024-02-03' },
    ].map((o, i) => (i === 0 || i === 1 ? { ...o, language: expect.any(String) as unknown as string } : o)));
    const again = await ingest(store, [jsonl, csv], { workers: 1, analyzer });
    expect([again.inserted, again.unchanged]).toEqual([0, 3]);
    expect(await countDocuments(store.db)).toBe(3);
  });

  it("reads a record's language column as a hint that identification overrides when sure of another", async () => {
    // EUvsDisinfo-style: English summaries beside the original article's language.
    const english = 'The minister said on Tuesday that the new bridge across the river will open to traffic next spring, two years later than planned.';
    const russian = 'Министр заявил во вторник, что новый мост через реку откроется для движения следующей весной, на два года позже запланированного.';
    const p = file('langs.csv', `text,outlets,languages\n"${english}",Lang Desk,Russian\n"${russian}",Lang Desk,Russian\n`);
    const s = await ingest(store, [p], { workers: 1, read: { map: {} }, track: true });
    expect(s.inserted).toBe(2);
    const rows = await store.db.selectFrom('documents').innerJoin('outlets', 'outlets.id', 'documents.outlet_id').select(['documents.id', 'documents.language']).where('outlets.name', '=', 'Lang Desk').orderBy('documents.id').execute();
    expect(rows.map((r) => r.language)).toEqual(['en', 'ru']);
    const result = await getAnalysis(store.db, Number(rows[0]?.id));
    expect(result?.warnings.join('\n')).toMatch(/the record gives the language "ru", but the text reads as "en"/u);
    expect(result?.document.languageConfidence).toBeGreaterThanOrEqual(0.9);
    expect((await getAnalysis(store.db, Number(rows[1]?.id)))?.document.languageConfidence).toBeNull();
    // An order from the user still wins over the text.
    const forced = file('forced.csv', `text,outlets\n"${english} Forced.",Forced Desk\n`);
    await ingest(store, [forced], { workers: 1, read: { map: {}, language: 'ru' } });
    const f = await store.db.selectFrom('documents').innerJoin('outlets', 'outlets.id', 'documents.outlet_id').select('documents.language').where('outlets.name', '=', 'Forced Desk').executeTakeFirstOrThrow();
    expect(f.language).toBe('ru');
  });

  it('uses the column mapping given with --map', async () => {
    const p = file('mapped.csv', `headline,words,site\nH1,"${syntheticText(10)}",Mapped Site\n`);
    const s = await ingest(store, [p], { workers: 1, analyzer, read: { map: { text: 'words', outlet: 'site', title: 'headline' } } });
    expect(s.inserted).toBe(1);
    const row = await store.db.selectFrom('documents').innerJoin('outlets', 'outlets.id', 'documents.outlet_id').select(['title', 'outlets.name']).where('outlets.name', '=', 'Mapped Site').executeTakeFirst();
    expect(row).toEqual({ title: 'H1', name: 'Mapped Site' });
  });

  it('reads RSS items with outlet and dates; a non-XML feed, a binary file and a timing-out feed URL are per-item errors', async () => {
    const rss = file('news.rss', `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title><language>en-gb</language>
      <item><title>Ferry &amp; tides</title><link>https://gazette.example/1</link><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description><![CDATA[<p>${syntheticText(20)}</p>]]></description></item>
      <item><title>Empty</title></item></channel></rss>`);
    const notXml = file('broken.xml', 'this is not xml at all { }');
    const binary = file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    const server: Server = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const s = await ingest(store, [rss, notXml, binary, `http://127.0.0.1:${port}/feed.xml`], { workers: 1, analyzer, read: { timeoutMs: 300 } });
      expect(s.inserted).toBe(1);
      expect(s.errors.map((e) => e.kind)).toEqual(['empty', 'malformed', 'binary', 'network']);
      expect(s.errors[1]?.message).toContain('not an XML feed');
      expect(s.errors[3]?.message).toContain('no complete answer within 300 ms'); // fetchUrl's words, as for pages
    } finally {
      server.closeAllConnections();
      server.close();
    }
    const doc = await store.db.selectFrom('documents').innerJoin('outlets', 'outlets.id', 'documents.outlet_id').select(['title', 'outlets.name', 'published_at', 'url', 'language']).where('outlets.name', '=', 'Harbour Gazette').executeTakeFirstOrThrow();
    expect(doc).toEqual({ title: 'Ferry & tides', name: 'Harbour Gazette', published_at: '2024-03-05T10:00:00.000Z', url: 'https://gazette.example/1', language: 'en' });
  });

  it('analyses in worker threads with the same results as in-process', async () => {
    const p = file('pool.jsonl', syntheticJsonl(100, 112));
    const a = await openStore(join(dir, 'pool-a.db'));
    const b = await openStore(join(dir, 'pool-b.db'));
    try {
      const sa = await ingest(a, [p], { workers: 1, analyzer });
      const sb = await ingest(b, [p], { workers: 2, analyzer });
      expect([sa.inserted, sb.inserted, sb.workers]).toEqual([12, 12, 2]);
      const rows = async (s: Store) => (await s.db.selectFrom('documents').innerJoin('analyses', 'analyses.id', 'documents.current_analysis_id').select(['hash', 'analyses.versions_json', 'minhash']).orderBy('hash').execute());
      expect(await rows(b)).toEqual(await rows(a));
      const findings = async (s: Store) => (await s.db.selectFrom('findings').innerJoin('documents', 'documents.id', 'findings.document_id').select(['hash', 'detector', 'start_offset', 'end_offset']).orderBy('hash').orderBy('start_offset').orderBy('detector').execute());
      expect(await findings(b)).toEqual(await findings(a));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('links a claim to the ledger that counters it, whichever of the two is ingested first, and not to its own quoted myth', async () => {
    // Our own invented texts: a myth/fact page and a report that repeats the myth.
    const rebuttal = ['Myths and facts about the harbour bridge', '', 'Myth: The new harbour bridge was built to move tanks toward the border.', '', 'Fact: The bridge carries local traffic and its load limit is far below the weight of a tank.', '', 'Myth: The harbour authority sold the old ferries to a foreign navy.', '', 'Fact: The ferries were scrapped in 2021, as the port records show.'].join('\n');
    const report = `${syntheticText(300, 3)} Residents were told that the new harbour bridge was built to move tanks toward the border. ${syntheticText(301, 2)}`;
    const counted = async (order: readonly string[], name: string): Promise<number[]> => {
      const s = await openStore(join(dir, `links-${name}.db`));
      try {
        const out: number[] = [];
        for (const text of order) out.push((await ingest(s, [file(`${name}-${out.length}.jsonl`, `${JSON.stringify({ text })}\n`)], { workers: 1, analyzer })).counterLinks);
        const rows = await s.db.selectFrom('counter_links').select(['asserted_text']).execute();
        expect(rows.map((r) => r.asserted_text)).toEqual(['Residents were told that the new harbour bridge was built to move tanks toward the border.']);
        return out;
      } finally {
        await s.close();
      }
    };
    expect(await counted([rebuttal, report], 'ledger-first')).toEqual([0, 1]);
    expect(await counted([report, rebuttal], 'report-first')).toEqual([0, 1]);
  });

  it('--reanalyze re-runs only documents analysed under another configuration', async () => {
    const p = file('re.jsonl', syntheticJsonl(200, 204));
    const s = await openStore(join(dir, 're.db'));
    try {
      await ingest(s, [p], { workers: 1, analyzer });
      const same = await ingest(s, [p], { workers: 1, analyzer, reanalyze: true });
      expect([same.reanalysed, same.unchanged]).toEqual([0, 4]);
      const changed = await ingest(s, [], { workers: 1, analyzer: { ...analyzer, minConfidence: 0.99 }, reanalyze: true });
      expect([changed.reanalysed, changed.unchanged]).toEqual([4, 0]);
      expect(await countDocuments(s.db)).toBe(4);
    } finally {
      await s.close();
    }
  });
});
