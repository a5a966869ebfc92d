/**
 * Corpus routes over a real store: SQLite, and PostgreSQL when it is reachable (as in CI). The analysis is the real pipeline plus a fixed
 * ledger item, narrative and technique profile, so these tests do not depend on detector quality.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { validateStixBundle, type StixBundle } from '../../src/export/stix/index.js';
import { factCheck, saveFactChecks } from '../../src/store/fact-checks/index.js';
import { dialects, type TestDb } from '../store/dialects.js';
import { withLayers } from './fixtures.js';
import { bearer, errorOf, testServer, type TestServer } from './helpers.js';

const DOCS = [
  {
    title: 'Harbour myths',
    outlet: 'Coast Herald',
    publishedAt: '2025-03-04',
    text: 'Harbour myths\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.',
  },
  {
    title: 'Harbour myths again',
    outlet: 'Bay News',
    publishedAt: '2025-03-12',
    text: 'Harbour myths again\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change. Reposted.',
  },
  {
    title: 'Weather report',
    outlet: 'Bay News',
    publishedAt: '2025-04-01',
    text: 'Sunny weather is expected along the coast this weekend, with light winds.',
  },
];

describe.each(await dialects())('corpus routes on %s', (_name, makeDb) => {
  let s: TestServer;
  let db: TestDb;
  const ids: string[] = [];
  beforeAll(async () => {
    db = makeDb();
    s = await testServer({ storeUrl: db.url, analysis: withLayers });
    for (const d of DOCS) {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/analyse',
        headers: bearer(s.analyst),
        payload: {
          text: d.text,
          title: d.title,
          source: { outlet: d.outlet, publishedAt: d.publishedAt },
          store: true,
        },
      });
      expect(res.statusCode).toBe(200);
      const stored = (res.json() as { stored: { id: string; created: boolean } }).stored;
      expect(stored.created).toBe(true);
      ids.push(stored.id);
    }
  });
  afterAll(async () => {
    await s?.close();
    await db?.cleanup();
  });

  describe('storing', () => {
    it('is idempotent: the same text again is not a new document', async () => {
      const d = DOCS[2] as (typeof DOCS)[number];
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/analyse',
        headers: bearer(s.analyst),
        payload: { text: d.text, store: true },
      });
      expect((res.json() as { stored: { id: string; created: boolean } }).stored).toEqual({
        id: ids[2],
        created: false,
      });
    });
  });

  describe('GET /api/documents', () => {
    it.each([
      ['', 3],
      ['?q=harbour', 2],
      ['?q=HARBOUR%20bay', 2],
      ['?q=weather', 1],
      ['?q=nothinglikethis', 0],
      ['?q=harbour%20-again', 1],
      ['?q=weather%20OR%20again', 2],
      ['?q=%22myths%20again%22', 1],
      ['?outlet=Bay%20News', 2],
      ['?outlet=Bay%20News&q=harbour', 1],
      ['?from=2025-03-10', 2],
      ['?to=2025-03-31', 2],
      ['?from=2025-03-05&to=2025-03-31', 1],
      ['?technique=Loaded_Language', 2],
      ['?narrative=Harbour%3A%20environmental%20harm', 2],
      ['?hasLedger=true', 2],
      ['?hasLedger=false', 1],
      ['?language=en', 3],
      ['?language=EN', 3], // stored codes are lower case; the filter is too
    ])('%s → %i documents', async (qs, total) => {
      const res = await s.app.inject({ method: 'GET', url: `/api/documents${qs}` });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { total: number; items: unknown[] };
      expect(body.total).toBe(total);
      expect(body.items).toHaveLength(total);
    });

    it('pages and orders by publication date, newest first', async () => {
      const res = await s.app.inject({ method: 'GET', url: '/api/documents?limit=2&offset=1' });
      const body = res.json() as { total: number; items: { id: string }[] };
      expect(body.total).toBe(3);
      expect(body.items.map((i) => i.id)).toEqual([ids[1], ids[0]]);
    });

    it('ranks word searches by relevance (the engine of `narrascope search`) and lists filters-only searches by date', async () => {
      const words = (await s.app.inject({ method: 'GET', url: '/api/documents?q=harbour' })).json() as {
        order: string;
        totalExact: boolean;
        facetScope: string;
        items: { snippet: string; score: number | null; length: number; ingestedAt: string }[];
      };
      expect(words.order).toBe('relevance');
      expect(words.totalExact).toBe(true);
      expect(words.facetScope).toBe('all');
      for (const item of words.items) {
        expect(item.snippet.toLowerCase()).toContain('harbour');
        expect(typeof item.score).toBe('number');
        expect(item.length).toBeGreaterThan(0);
        expect(item.ingestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
      }
      const scores = words.items.map((i) => i.score as number);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const all = (await s.app.inject({ method: 'GET', url: '/api/documents' })).json() as {
        order: string;
        items: { score: number | null }[];
      };
      expect(all.order).toBe('date');
      expect(all.items.every((i) => i.score === null)).toBe(true);
    });

    it('counts facets over the filtered set', async () => {
      const res = await s.app.inject({ method: 'GET', url: '/api/documents?q=harbour' });
      const f = (res.json() as { facets: Record<string, { value: string; count: number }[]> }).facets;
      expect(f.outlets).toEqual(
        expect.arrayContaining([
          { value: 'Coast Herald', count: 1 },
          { value: 'Bay News', count: 1 },
        ]),
      );
      expect(f.techniques).toEqual([{ value: 'Loaded_Language', count: 2 }]);
      expect(f.narratives).toEqual([{ value: 'Harbour: environmental harm', count: 2 }]);
    });
  });

  describe('documents', () => {
    it('returns a document with its analysis by full id or 12-digit prefix', async () => {
      for (const key of [ids[0] as string, (ids[0] as string).slice(0, 12)]) {
        const res = await s.app.inject({ method: 'GET', url: `/api/documents/${key}` });
        expect(res.statusCode).toBe(200);
        const body = res.json() as { document: { id: string; outlet: string }; result: AnalysisResult };
        expect(body.document).toMatchObject({ id: ids[0], outlet: 'Coast Herald' });
        expect(body.result.document.text).toBe(DOCS[0]?.text);
        expect(body.result.rebuttals[0]?.claim?.text).toBe('the harbour will poison the bay.');
      }
    });

    it('404s an unknown id', async () => {
      const res = await s.app.inject({ method: 'GET', url: `/api/documents/${'f'.repeat(64)}` });
      expect([res.statusCode, errorOf(res).code]).toEqual([404, 'not-found']);
    });

    it('keeps a dismissal with its author and reason', async () => {
      const res = await s.app.inject({
        method: 'POST',
        url: `/api/documents/${ids[0]}/dismissals`,
        headers: bearer(s.analyst),
        payload: {
          detector: 'technique/loaded-language',
          messageId: 'loaded',
          start: 8,
          end: 12,
          quote: 'myth',
          reason: 'a label word, not loaded language',
        },
      });
      expect(res.statusCode).toBe(201);
      const doc = await s.app.inject({ method: 'GET', url: `/api/documents/${ids[0]}` });
      expect((doc.json() as { dismissals: unknown[] }).dismissals).toEqual([
        expect.objectContaining({
          detector: 'technique/loaded-language',
          author: 'test analyst',
          reason: 'a label word, not loaded language',
          start: 8,
          end: 12,
        }),
      ]);
    });

    it('stores two identical dismissals sent at once (a double click, a retry) only once', async () => {
      const payload = { detector: 'technique/loaded-language', messageId: 'loaded', start: 8, end: 12, quote: 'myth', reason: 'sent twice at once' };
      const send = (body: object): Promise<LightMyRequestResponse> => s.app.inject({ method: 'POST', url: `/api/documents/${ids[0]}/dismissals`, headers: bearer(s.analyst), payload: body });
      const [a, b] = await Promise.all([send(payload), send(payload)]);
      expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 201]);
      expect(a?.json()).toEqual(b?.json());
      const listed = () => s.app.inject({ method: 'GET', url: `/api/documents/${ids[0]}` }).then((r) => (r.json() as { dismissals: { id: number; reason: string }[] }).dismissals.filter((d) => d.reason.startsWith('sent twice')));
      expect((await listed()).map((d) => d.id)).toEqual([(a?.json() as { id: number }).id]);
      // Another reason is another dismissal.
      expect((await send({ ...payload, reason: 'sent twice, then reworded' })).statusCode).toBe(201);
      expect(await listed()).toHaveLength(2);
    });

    it('reports which findings a dismissal hides', async () => {
      const before = (await s.app.inject({ method: 'GET', url: `/api/documents/${ids[1]}` })).json() as {
        result: AnalysisResult;
        dismissedFindings: string[];
      };
      expect(before.dismissedFindings).toEqual([]);
      const f = before.result.findings[0];
      expect(f).toBeDefined();
      if (!f) return;
      const res = await s.app.inject({
        method: 'POST',
        url: `/api/documents/${ids[1]}/dismissals`,
        headers: bearer(s.analyst),
        payload: {
          detector: f.detector,
          messageId: f.messageId,
          start: f.span.start,
          end: f.span.end,
          quote: f.span.text,
          reason: 'wrong here',
        },
      });
      expect(res.statusCode).toBe(201);
      const after = (await s.app.inject({ method: 'GET', url: `/api/documents/${ids[1]}` })).json() as {
        dismissedFindings: string[];
      };
      expect(after.dismissedFindings).toEqual([f.id]);
      // Exports leave the dismissed finding out, unless asked to keep it.
      const exported = async (q: string): Promise<string[]> => ((await s.app.inject({ method: 'GET', url: `/api/documents/${ids[1]}/export?format=json${q}` })).json() as AnalysisResult).findings.map((x) => x.id);
      expect(await exported('')).toEqual(before.result.findings.filter((x) => x.id !== f.id).map((x) => x.id));
      expect(await exported('&keepDismissed=true')).toEqual(before.result.findings.map((x) => x.id));
      const csv = await s.app.inject({ method: 'GET', url: `/api/documents/${ids[1]}/export?format=csv&table=findings` });
      expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(before.result.findings.length);
    });

    it('rejects a dismissal whose end is before its start', async () => {
      const res = await s.app.inject({
        method: 'POST',
        url: `/api/documents/${ids[0]}/dismissals`,
        headers: bearer(s.analyst),
        payload: { detector: 'a/b', start: 9, end: 2, quote: 'x', reason: 'because' },
      });
      expect([res.statusCode, errorOf(res).code]).toEqual([400, 'invalid-request']);
    });

    it.each([
      ['a quote that is not the text at the span', { start: 0, end: 7, quote: 'Harbor' }],
      ['a span past the end of the text', { start: 500, end: 504, quote: 'myth' }],
    ])('refuses a dismissal with %s', async (_name, span) => {
      const res = await s.app.inject({
        method: 'POST',
        url: `/api/documents/${ids[0]}/dismissals`,
        headers: bearer(s.analyst),
        payload: { detector: 'technique/loaded-language', reason: 'not loaded', ...span },
      });
      expect([res.statusCode, errorOf(res).code]).toEqual([422, 'span-mismatch']);
      const doc = await s.app.inject({ method: 'GET', url: `/api/documents/${ids[0]}` });
      expect((doc.json() as { dismissals: { start: number }[] }).dismissals.map((d) => d.start)).not.toContain(span.start);
    });

    it('stores a repeated confirmation once: a double click is not a second ClaimReview', async () => {
      const confirm = (): Promise<{ statusCode: number; json(): unknown }> => s.app.inject({ method: 'POST', url: `/api/documents/${ids[1]}/confirmations`, headers: bearer(s.analyst), payload: { itemKey: 'l1', verdict: 'misleading', note: 'same note' } });
      const [a, b] = await Promise.all([confirm(), confirm()]);
      const c = await confirm();
      expect([a.statusCode, b.statusCode, c.statusCode].sort()).toEqual([200, 200, 201]);
      expect(new Set([a, b, c].map((r) => (r.json() as { id: number }).id)).size).toBe(1);
      const doc = (await s.app.inject({ method: 'GET', url: `/api/documents/${ids[1]}` })).json() as { confirmations: { verdict: string }[] };
      expect(doc.confirmations.filter((x) => x.verdict === 'misleading')).toHaveLength(1);
    });

    it('refuses a confirmation of a ledger item the document does not have', async () => {
      const res = await s.app.inject({
        method: 'POST',
        url: `/api/documents/${ids[2]}/confirmations`,
        headers: bearer(s.analyst),
        payload: { itemKey: 'l1', verdict: 'false' },
      });
      expect([res.statusCode, errorOf(res).code]).toEqual([422, 'unknown-ledger-item']);
      const other = await s.app.inject({
        method: 'POST',
        url: `/api/documents/${ids[0]}/confirmations`,
        headers: bearer(s.analyst),
        payload: { itemKey: 'l9', verdict: 'false' },
      });
      expect([other.statusCode, errorOf(other).code, errorOf(other).hint]).toEqual([422, 'unknown-ledger-item', expect.stringContaining('l1')]);
      const doc = await s.app.inject({ method: 'GET', url: `/api/documents/${ids[2]}` });
      expect((doc.json() as { confirmations: unknown[] }).confirmations).toEqual([]);
    });

    it('records a confirmation of a ledger item', async () => {
      const res = await s.app.inject({
        method: 'POST',
        url: `/api/documents/${ids[0]}/confirmations`,
        headers: bearer(s.analyst),
        payload: { itemKey: 'l1', verdict: 'false', note: 'checked against the register' },
      });
      expect(res.statusCode).toBe(201);
      const doc = await s.app.inject({ method: 'GET', url: `/api/documents/${ids[0]}` });
      expect((doc.json() as { confirmations: unknown[] }).confirmations).toEqual([
        expect.objectContaining({ itemKey: 'l1', verdict: 'false', author: 'test analyst' }),
      ]);
    });

    it('exports JSON and a CSV that defuses spreadsheet formulas', async () => {
      const j = await s.app.inject({ method: 'GET', url: `/api/documents/${ids[0]}/export?format=json` });
      expect(j.headers['content-disposition']).toMatch(
        /attachment; filename="narrascope-[0-9a-f]{12}\.json"/u,
      );
      expect((JSON.parse(j.body) as AnalysisResult).document.hash).toBe(ids[0]);
      const c = await s.app.inject({ method: 'GET', url: `/api/documents/${ids[0]}/export?format=csv` });
      expect(c.headers['content-type']).toMatch(/^text\/csv/u);
      const lines = c.body.trim().split('\r\n');
      expect(lines[0]).toMatch(/^document_hash,.*,claim,.*,rebuttal,/u);
      expect(lines[1]).toContain(",'=SUM(A1:A9) the agency found no change.,");
      expect(lines).toHaveLength(2);
      const findings = await s.app.inject({
        method: 'GET',
        url: `/api/documents/${ids[0]}/export?format=csv&table=findings`,
      });
      expect(findings.headers['content-disposition']).toMatch(/-findings\.csv"/u);
    });

    it('exports ClaimReview of the ledger item as the analyst confirmed it', async () => {
      const none = await s.app.inject({
        method: 'GET',
        url: `/api/documents/${ids[0]}/export?format=claimreview`,
      });
      expect([none.statusCode, errorOf(none).code]).toEqual([422, 'nothing-to-export']);
      expect(errorOf(none).message).toContain('no http(s) address');
      const res = await s.app.inject({
        method: 'GET',
        url: `/api/documents/${ids[0]}/export?format=claimreview&url=${encodeURIComponent('https://coast.example/harbour')}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-narrascope-skipped']).toBe('0');
      const reviews = JSON.parse(res.body) as {
        '@type': string;
        claimReviewed: string;
        reviewRating: { alternateName: string };
        author: { name?: string };
      }[];
      // The analyst confirmed the item: one review, the analyst's, not a second one beside the document's own.
      expect(reviews.map((r) => [r['@type'], r.claimReviewed, r.reviewRating.alternateName, r.author.name])).toEqual([
        ['ClaimReview', 'the harbour will poison the bay.', expect.any(String), 'test analyst'],
      ]);
    });

    it('exports a STIX 2.1 bundle', async () => {
      const res = await s.app.inject({ method: 'GET', url: `/api/documents/${ids[0]}/export?format=stix` });
      const bundle = JSON.parse(res.body) as { type: string; id: string; objects: { type: string; created?: string }[] };
      expect(bundle.type).toBe('bundle');
      expect(bundle.id).toMatch(/^bundle--/u);
      expect(bundle.objects.map((o) => o.type)).toContain('report');
      // Dated by the document's first storing, not by the export: a re-export is a version of the same objects.
      const doc = (await s.app.inject({ method: 'GET', url: `/api/documents/${ids[0]}` })).json() as { document: { ingestedAt: string } };
      expect(bundle.objects.find((o) => o.type === 'report')?.created).toBe(new Date(doc.document.ingestedAt).toISOString());
    });

    it('exports the stored documents a search selects, streamed (GET /api/export)', async () => {
      const stix = await s.app.inject({ method: 'GET', url: '/api/export?format=stix&q=harbour' });
      expect(stix.statusCode).toBe(200);
      expect(stix.headers['content-disposition']).toBe('attachment; filename="narrascope-corpus.stix.json"');
      expect([stix.headers['x-narrascope-matched'], stix.headers['x-narrascope-documents']]).toEqual(['2', '2']);
      const bundle = JSON.parse(stix.body) as StixBundle;
      expect(validateStixBundle(bundle)).toEqual([]);
      expect(bundle.objects.filter((o) => o.type === 'report').map((o) => o.name)).toEqual(['Harbour myths', 'Harbour myths again']);
      const latest = await s.app.inject({ method: 'GET', url: '/api/export?format=csv&table=claims&outlet=Bay%20News&limit=1' });
      expect([latest.statusCode, latest.headers['x-narrascope-matched'], latest.headers['x-narrascope-documents']]).toEqual([200, '2', '1']);
      expect(latest.headers['content-type']).toMatch(/^text\/csv/u);
      expect(latest.body.split('\r\n')[0]).toMatch(/^document_hash,.*,claim_id,/u);
      const rows = latest.body.split('\r\n').slice(1, -1);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.startsWith(`${ids[2]},Weather report,`)).toBe(true);
      const reviews = await s.app.inject({ method: 'GET', url: '/api/export?format=claimreview&hasLedger=true' });
      expect(reviews.statusCode).toBe(200);
      // The stored documents have no http(s) address, so no valid review can be made: an empty array.
      expect(JSON.parse(reviews.body)).toEqual([]);
      const lines = await s.app.inject({ method: 'GET', url: '/api/export?format=jsonl&q=harbour' });
      expect(lines.headers['content-type']).toMatch(/^application\/x-ndjson/u);
      expect(lines.body.trimEnd().split('\n').map((l) => (JSON.parse(l) as AnalysisResult).document.hash)).toEqual([ids[0], ids[1]]);
      const none = await s.app.inject({ method: 'GET', url: '/api/export?format=stix&outlet=Nobody' });
      expect([none.statusCode, errorOf(none).code]).toEqual([404, 'no-match']);
      const bad = await s.app.inject({ method: 'GET', url: '/api/export?format=stix&limit=0' });
      expect([bad.statusCode, errorOf(bad).code]).toEqual([400, 'invalid-request']);
    });

    it.each(['xml', 'csv&table=users', 'claimreview&url=javascript:alert(1)'])(
      'refuses export format %s',
      async (q) => {
        const res = await s.app.inject({ method: 'GET', url: `/api/documents/${ids[0]}/export?format=${q}` });
        expect([res.statusCode, errorOf(res).code]).toEqual([400, 'invalid-request']);
      },
    );

    it('deletes (admin) and the document is gone from search', async () => {
      const res = await s.app.inject({
        method: 'DELETE',
        url: `/api/documents/${ids[2]}`,
        headers: bearer(s.admin),
      });
      expect(res.statusCode).toBe(200);
      const search = await s.app.inject({ method: 'GET', url: '/api/documents?q=weather' });
      expect((search.json() as { total: number }).total).toBe(0);
      const again = await s.app.inject({
        method: 'DELETE',
        url: `/api/documents/${ids[2]}`,
        headers: bearer(s.admin),
      });
      expect(again.statusCode).toBe(404);
    });

    it('deletes the analysts\' dismissals and confirmations with the document (they quote its text)', async () => {
      const text = 'Pier myths\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change. Pier.';
      const store = async (): Promise<{ id: string; created: boolean }> => ((await s.app.inject({ method: 'POST', url: '/api/analyse', headers: bearer(s.analyst), payload: { text, store: true } })).json() as { stored: { id: string; created: boolean } }).stored;
      const { id } = await store();
      try {
        const start = text.indexOf('myth');
        const dismissed = await s.app.inject({ method: 'POST', url: `/api/documents/${id}/dismissals`, headers: bearer(s.analyst), payload: { detector: 'technique/loaded-language', start, end: start + 4, quote: 'myth', reason: 'a label word' } });
        const confirmed = await s.app.inject({ method: 'POST', url: `/api/documents/${id}/confirmations`, headers: bearer(s.analyst), payload: { itemKey: 'l1', verdict: 'false', note: 'checked with the port authority' } });
        expect([dismissed.statusCode, confirmed.statusCode]).toEqual([201, 201]);
        expect((await s.app.inject({ method: 'DELETE', url: `/api/documents/${id}`, headers: bearer(s.admin) })).statusCode).toBe(200);
        // The same text stored again is a new document: none of the deleted one's analyst notes comes back.
        expect(await store()).toEqual({ id, created: true });
        const doc = (await s.app.inject({ method: 'GET', url: `/api/documents/${id}` })).json() as { dismissals: unknown[]; confirmations: unknown[] };
        expect([doc.dismissals, doc.confirmations]).toEqual([[], []]);
      } finally {
        // Leave the corpus as the later tests expect it.
        await s.app.inject({ method: 'DELETE', url: `/api/documents/${id}`, headers: bearer(s.admin) });
      }
    });
  });

  describe('fact-check matching', () => {
    it("finds the earlier fact-check for a claim, and for a stored document's ledger claims", async () => {
      const empty = await s.app.inject({
        method: 'POST',
        url: '/api/matches',
        payload: { claims: ['the harbour will poison the bay'] },
      });
      expect(empty.json()).toMatchObject({
        library: 0,
        results: [{ claim: 'the harbour will poison the bay', matches: [] }],
      });
      await saveFactChecks(s.store as NonNullable<TestServer['store']>, [
        factCheck({
          claim: 'The new harbour will poison the whole bay',
          verdict: 'false',
          publisher: 'Coast Checkers',
          origin: 'csv',
          source: 'test.csv#1',
        }),
        factCheck({
          claim: 'Wind farms kill all the birds on the coast',
          verdict: 'false',
          publisher: 'Coast Checkers',
          origin: 'csv',
          source: 'test.csv#2',
        }),
        factCheck({
          claim: 'The mayor owns the ferry company',
          verdict: 'unproven',
          publisher: 'Bay Facts',
          origin: 'csv',
          source: 'test.csv#3',
        }),
      ]);
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/matches',
        payload: { claims: ['harbour poisons the bay', 'birds killed by wind farms'], k: 2 },
      });
      const body = res.json() as {
        library: number;
        results: {
          claim: string;
          matches: { rank: number; strength: string | null; factCheck: { claim: string; publisher: string } }[];
        }[];
      };
      expect(body.library).toBe(3);
      expect(body.results.flatMap((r) => r.matches.map((m) => m.strength)).every((x) => x === 'strong' || x === 'possible' || x === 'weak')).toBe(true);
      expect(body.results.map((r) => r.matches[0]?.factCheck.claim)).toEqual([
        'The new harbour will poison the whole bay',
        'Wind farms kill all the birds on the coast',
      ]);
      const doc = await s.app.inject({ method: 'GET', url: `/api/documents/${ids[0]}/matches?k=1` });
      const d = doc.json() as {
        results: { kind: string; id: string; matches: { factCheck: { claim: string } }[] }[];
      };
      expect(d.results[0]).toMatchObject({ kind: 'ledger', id: 'l1' });
      expect(d.results[0]?.matches[0]?.factCheck.claim).toBe('The new harbour will poison the whole bay');
    });

    it.each([
      [{ claims: [] }, 400],
      [{ claims: ['x'], k: 100 }, 400],
      [{ claims: 'x' }, 400],
      [{ claims: ['x'], sql: 'DROP' }, 400],
    ])('refuses %j', async (payload, status) => {
      const res = await s.app.inject({ method: 'POST', url: '/api/matches', payload });
      expect(res.statusCode).toBe(status);
    });
  });

  describe('ledger, timelines and clusters', () => {
    it('lists ledger items across documents and filters them as plain text', async () => {
      const all = await s.app.inject({ method: 'GET', url: '/api/ledger' });
      expect((all.json() as { total: number }).total).toBe(2);
      const some = await s.app.inject({ method: 'GET', url: '/api/ledger?q=poison&outlet=Bay%20News' });
      const body = some.json() as { total: number; items: { outlet: string; claim: string }[] };
      expect(body.total).toBe(1);
      expect(body.items[0]).toMatchObject({ outlet: 'Bay News', claim: 'the harbour will poison the bay.' });
      const pct = await s.app.inject({ method: 'GET', url: '/api/ledger?q=%25' });
      expect((pct.json() as { total: number }).total).toBe(0);
      // Case does not matter, on either store.
      for (const q of ['POISON', 'Harbour Will', 'AGENCY found']) {
        const res = await s.app.inject({ method: 'GET', url: `/api/ledger?q=${encodeURIComponent(q)}` });
        expect([q, (res.json() as { total: number }).total]).toEqual([q, 2]);
      }
    });

    it.each([
      ['', 2],
      ['?q=poison', 2],
      ['?q=Poison%20The%20BAY', 2],
      ['?q=%25', 0],
      ['?outlet=Bay%20News', 1],
      ['?type=prediction&hasSource=false', 2],
      ['?type=statistic', 0],
      ['?hasSource=true', 0],
    ])('lists claims across documents: %s → %i', async (qs, total) => {
      const res = await s.app.inject({ method: 'GET', url: `/api/claims${qs}` });
      const body = res.json() as {
        total: number;
        items: { text: string; type: string; hasSource: boolean }[];
      };
      expect(body.total).toBe(total);
      for (const c of body.items)
        expect(c).toMatchObject({
          text: 'the harbour will poison the bay.',
          type: 'prediction',
          hasSource: false,
        });
    });

    it('counts a narrative per outlet and ISO week', async () => {
      const res = await s.app.inject({ method: 'GET', url: '/api/timeline/narratives' });
      const body = res.json() as {
        labels: { value: string; count: number }[];
        points: { week: string; outlet: string; count: number }[];
      };
      expect(body.labels).toEqual([{ value: 'Harbour: environmental harm', count: 2 }]);
      expect(body.points).toEqual([
        { week: '2025-03-03', outlet: 'Coast Herald', label: 'Harbour: environmental harm', count: 1 },
        { week: '2025-03-10', outlet: 'Bay News', label: 'Harbour: environmental harm', count: 1 },
      ]);
      const t = await s.app.inject({
        method: 'GET',
        url: '/api/timeline/techniques?label=Loaded_Language&outlet=Bay%20News',
      });
      expect((t.json() as { points: unknown[] }).points).toHaveLength(1);
    });

    it('lists clusters and shows one with members in publication order', async () => {
      const store = s.store as NonNullable<TestServer['store']>;
      const docIds = await store.db.selectFrom('documents').select(['id', 'hash']).orderBy('id').execute();
      const c = await store.db
        .insertInto('clusters')
        .values({
          kind: 'near-duplicate',
          size: 2,
          first_seen: '2025-03-04',
          last_seen: '2025-03-12',
          outlets: 2,
          label: 'Harbour myths',
          created_at: '2025-04-02T00:00:00Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const d of docIds.slice(0, 2).reverse())
        await store.db
          .insertInto('cluster_members')
          .values({
            cluster_id: Number(c.id),
            document_id: Number(d.id),
            item_ref: null,
            text: null,
            similarity: 0.9,
          })
          .execute();
      const list = await s.app.inject({ method: 'GET', url: '/api/clusters?kind=near-duplicate' });
      expect((list.json() as { items: { label: string }[] }).items.map((i) => i.label)).toEqual([
        'Harbour myths',
      ]);
      const one = await s.app.inject({ method: 'GET', url: `/api/clusters/${c.id}` });
      expect((one.json() as { members: { document: string }[] }).members.map((m) => m.document)).toEqual([
        ids[0],
        ids[1],
      ]);
      const missing = await s.app.inject({ method: 'GET', url: '/api/clusters/999' });
      expect(missing.statusCode).toBe(404);
    });
  });

  describe('id prefixes', () => {
    it('answers a prefix two documents share with 409 ambiguous-id, and touches neither', async () => {
      const store = s.store as NonNullable<TestServer['store']>;
      // Two stored documents whose ids begin alike (in 100,000 documents about one pair of ids shares 8 digits).
      const hashes = [`abcdef01${'0'.repeat(56)}`, `abcdef01${'1'.repeat(56)}`];
      for (const hash of hashes) {
        await store.write(async (trx) => {
          await trx.insertInto('documents').values({ hash, title: 'twin', text: 'twin text', language: 'en', outlet_id: null, author: null, url: null, published_at: null, published_week: null, source_kind: 'api', source_json: '{}', length: 9, minhash: null, current_analysis_id: null, ingested_at: '2025-05-01T00:00:00Z' }).execute();
        });
      }
      try {
        for (const [method, url] of [['GET', '/api/documents/abcdef01'], ['DELETE', '/api/documents/abcdef01'], ['GET', '/api/documents/abcdef01/export']] as const) {
          const res = await s.app.inject({ method, url, headers: bearer(s.admin) });
          expect([url, res.statusCode, errorOf(res).code]).toEqual([url, 409, 'ambiguous-id']);
        }
        const one = await s.app.inject({ method: 'GET', url: `/api/documents/abcdef010` });
        expect((one.json() as { document: { id: string } }).document.id).toBe(hashes[0]);
      } finally {
        for (const hash of hashes) await s.app.inject({ method: 'DELETE', url: `/api/documents/${hash}`, headers: bearer(s.admin) });
      }
      expect((await s.app.inject({ method: 'GET', url: '/api/documents/abcdef01' })).statusCode).toBe(404);
    });
  });
});
