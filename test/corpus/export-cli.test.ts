/** `narrascope export <format> --corpus`: stored documents selected by the search filters, exported from the store. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimReview } from '../../src/export/claimreview/index.js';
import { validateClaimReview } from '../../src/export/claimreview/index.js';
import { validateStixBundle, type StixBundle } from '../../src/export/stix/index.js';
import { addDismissal, getAnalysis, getDocument, openStore } from '../../src/store/index.js';
import { runCli } from '../cli/run-cli.js';
import { syntheticText } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-export-corpus-'));
const db = join(dir, 'c.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...argv: string[]): ReturnType<typeof runCli> => runCli(argv, { cwd: dir });

// Our own invented texts: three myth/fact pages (two with an address), two news-like reports.
const RECORDS = [
  { text: 'Myth: The new ferry line is a secret military route.\n\nFact: The ferry timetable and cargo lists are published every week by the port.\n\nMyth: Ferry tickets will triple next year.\n\nFact: The operator froze fares until 2027.', outlet: 'Harbour Checks', url: 'https://checks.example/ferry', date: '2024-02-01', title: 'Ferry myths' },
  { text: 'Myth: The reservoir water is poisoned.\n\nFact: The water board tests it daily and publishes the results.\n\nMyth: The dam is about to burst.\n\nFact: Inspectors certified the dam in March.', outlet: 'Water Facts', url: 'https://facts.example/reservoir', date: '2024-03-05', title: 'Reservoir myths' },
  { text: 'Myth: Wind turbines make cows sick.\n\nFact: No veterinary study has found such an effect.\n\nMyth: Turbines are never recycled.\n\nFact: Most of a turbine is steel, which is recycled.', outlet: 'Harbour Checks', date: '2024-04-10', title: 'Turbine myths' },
  { text: `The shameful, corrupt council wasted millions on a useless tram. ${syntheticText(3)}`, outlet: 'Valley Voice', url: 'https://voice.example/tram', date: '2024-05-02', title: 'Tram' },
  { text: syntheticText(4), outlet: 'Valley Voice', url: 'https://voice.example/report', date: '2024-06-20', title: 'Report' },
];

beforeAll(async () => {
  writeFileSync(join(dir, 'in.jsonl'), RECORDS.map((r) => JSON.stringify(r)).join('\n'));
  const ingest = await run('ingest', 'in.jsonl', '--db', db, '--workers', '1');
  expect(ingest.code).toBe(0);
});

describe('export --corpus', () => {
  it('stix: one valid bundle with a report per stored document, an identity per outlet', async () => {
    const r = await run('export', 'stix', '--corpus', '--db', db);
    expect(r.code).toBe(0);
    const bundle = JSON.parse(r.stdout) as StixBundle;
    expect(validateStixBundle(bundle)).toEqual([]);
    expect(bundle.objects.filter((o) => o.type === 'report').map((o) => o.name)).toEqual(RECORDS.map((x) => x.title));
    // The outlets, and the DISARM Foundation as the creator of the DISARM attack-patterns.
    expect(bundle.objects.filter((o) => o.type === 'identity' && o.identity_class === 'organization').map((o) => o.name).sort()).toEqual(['DISARM Foundation', 'Harbour Checks', 'Valley Voice', 'Water Facts']);
    expect(r.stderr).toMatch(new RegExp(`^narrascope export: 5 documents, ${bundle.objects.length} STIX objects\\n$`, 'u'));
  });

  it('selects with the search filters: words, outlet, dates, has-ledger, limit', async () => {
    const reports = async (...filters: string[]): Promise<unknown[]> => {
      const r = await run('export', 'stix', '--corpus', '--db', db, ...filters);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as StixBundle).objects.filter((o) => o.type === 'report').map((o) => o.name);
    };
    expect(await reports('--query', 'ferry OR reservoir')).toEqual(['Ferry myths', 'Reservoir myths']);
    expect(await reports('--outlet', 'Harbour Checks')).toEqual(['Ferry myths', 'Turbine myths']);
    expect(await reports('--from', '2024-04-01', '--to', '2024-05-31')).toEqual(['Turbine myths', 'Tram']);
    expect(await reports('--no-ledger')).toEqual(['Tram', 'Report']);
    expect(await reports('--has-ledger', '--limit', '2')).toEqual(['Reservoir myths', 'Turbine myths']);
  });

  it('claimreview: a review per ledger item of documents with an address; the others counted, not fatal', async () => {
    const r = await run('export', 'claimreview', '--corpus', '--db', db, '--has-ledger');
    expect(r.code).toBe(0);
    const reviews = JSON.parse(r.stdout) as ClaimReview[];
    for (const review of reviews) expect(validateClaimReview(review)).toEqual([]);
    expect(reviews.map((x) => x.url)).toEqual(['https://checks.example/ferry#item-1', 'https://checks.example/ferry#item-2', 'https://facts.example/reservoir#item-1', 'https://facts.example/reservoir#item-2']);
    expect(r.stderr).toMatch(/3 documents, 4 ClaimReviews; 2 ledger items skipped: no http\(s\) address for the document \(2\)/u);
    expect(r.stderr).not.toContain('--url');
    const none = await run('export', 'claimreview', '--corpus', '--db', db, '--no-ledger');
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('have no ledger items');
  });

  it('claimreview --confirmed: the verdicts analysts confirmed, of the selected documents only', async () => {
    const store = await openStore(db);
    try {
      const doc = await getDocument(store.db, (await store.db.selectFrom('documents').select('hash').where('title', '=', 'Ferry myths').executeTakeFirstOrThrow()).hash);
      const item = doc && (await getAnalysis(store.db, doc.id))?.rebuttals[0];
      if (!doc || !item) throw new Error('expected a ledger item in the ferry page');
      const confirmations = store.db as unknown as Kysely<{ ledger_confirmations: { document_hash: string; item_key: string; verdict: string; note: string; author: string; created_at: string } }>;
      await confirmations.insertInto('ledger_confirmations').values({ document_hash: doc.hash, item_key: item.id, verdict: 'false', note: 'Checked against the port timetable.', author: 'Desk Analyst', created_at: '2024-07-01T10:00:00Z' }).execute();
    } finally {
      await store.close();
    }
    const r = await run('export', 'claimreview', '--corpus', '--confirmed', '--db', db, '--outlet', 'Harbour Checks');
    expect(r.code).toBe(0);
    const reviews = JSON.parse(r.stdout) as ClaimReview[];
    expect(reviews).toHaveLength(1);
    expect(validateClaimReview(reviews[0])).toEqual([]);
    expect(reviews[0]).toMatchObject({ author: { '@type': 'Person', name: 'Desk Analyst' }, reviewBody: 'Checked against the port timetable.' });
    const none = await run('export', 'claimreview', '--corpus', '--confirmed', '--db', db, '--outlet', 'Water Facts');
    expect([none.code, none.stderr.includes('no analyst-confirmed verdicts among the selected documents')]).toEqual([2, true]);
    expect((await run('export', 'stix', '--corpus', '--confirmed', '--db', db)).code).toBe(2);
  });

  it('csv: the header once, the rows of every selected document; --out writes the file whole', async () => {
    const r = await run('export', 'csv', '--corpus', '--db', db, '--table', 'ledger', '--out', 'ledger.csv');
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, 'ledger.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^document_hash,document_title,/u);
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['Ferry myths', 'Ferry myths', 'Reservoir myths', 'Reservoir myths', 'Turbine myths', 'Turbine myths']);
    expect(r.stderr).toContain('5 documents, 6 ledger rows written to ledger.csv');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('csv --bom: the byte order mark once, before the header, then the same table', async () => {
    const plain = await run('export', 'csv', '--corpus', '--db', db, '--table', 'claims');
    const bom = await run('export', 'csv', '--corpus', '--db', db, '--table', 'claims', '--bom');
    expect([plain.code, bom.code]).toEqual([0, 0]);
    expect(bom.stdout).toBe(`\ufeff${plain.stdout}`);
  });

  it('jsonl: the stored analysis results, one per line, readable again with --results', async () => {
    const r = await run('export', 'jsonl', '--corpus', '--db', db, '--has-ledger', '--out', 'ledger.jsonl');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('3 documents, 3 analysis results written to ledger.jsonl');
    const lines = readFileSync(join(dir, 'ledger.jsonl'), 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    const results = lines.slice(0, -1).map((l) => JSON.parse(l) as { document: { title: string; text: string } });
    expect(results.map((x) => x.document.title)).toEqual(['Ferry myths', 'Reservoir myths', 'Turbine myths']);
    expect(results[0]?.document.text).toBe(RECORDS[0]?.text);
    const again = await run('export', 'stix', '--results', 'ledger.jsonl');
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as StixBundle).objects.filter((o) => o.type === 'report').map((o) => o.name)).toEqual(['Ferry myths', 'Reservoir myths', 'Turbine myths']);
    writeFileSync(join(dir, 'broken.jsonl'), `${lines[0]}\n{"not json\n`);
    const broken = await run('export', 'stix', '--results', 'broken.jsonl');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.jsonl:2');
  });

  it('leaves out findings an analyst dismissed, unless --keep-dismissed', async () => {
    const store = await openStore(db);
    let quote: string;
    try {
      const doc = await getDocument(store.db, (await store.db.selectFrom('documents').select('hash').where('title', '=', 'Tram').executeTakeFirstOrThrow()).hash);
      const result = doc && (await getAnalysis(store.db, doc.id));
      const target = result?.findings.find((f) => f.family === 'technique');
      if (!doc || !target) throw new Error('expected a technique finding in the tram text');
      quote = target.span.text;
      await addDismissal(store, { documentHash: doc.hash, detector: target.detector, messageId: target.messageId, quote, start: target.span.start, end: target.span.end, author: 'analyst', reason: 'test' });
    } finally {
      await store.close();
    }
    const rows = async (...extra: string[]): Promise<{ rows: string[]; stderr: string }> => {
      const r = await run('export', 'csv', '--corpus', '--db', db, '--table', 'findings', '--query', 'tram', ...extra);
      expect(r.code).toBe(0);
      return { rows: r.stdout.split('\r\n').slice(1, -1), stderr: r.stderr };
    };
    const without = await rows();
    const kept = await rows('--keep-dismissed');
    expect(kept.rows.length).toBe(without.rows.length + 1);
    expect(without.stderr).toContain('1 dismissed finding left out');
    expect(kept.stderr).not.toContain('dismissed');
  });

  it('bad use: clear errors, distinct exit codes, no output file', async () => {
    const cases: [string[], number, RegExp][] = [
      [['export', 'stix', '--corpus', '--db', db, 'in.jsonl'], 2, /takes no inputs/u],
      [['export', 'stix', 'in.jsonl', '--outlet', 'Valley Voice'], 2, /--outlet selects stored documents and needs --corpus/u],
      [['export', 'stix', '--corpus', '--db', db, '--outlet', 'Nobody', '--out', 'none.json'], 2, /no stored document matches outlet Nobody/u],
      [['export', 'stix', '--corpus', '--db', db, '--limit', '0'], 2, /--limit must be a whole number/u],
      [['export', 'claimreview', '--corpus', '--db', db, '--url', 'https://x.example'], 2, /--url cannot be used with --corpus/u],
      [['export', 'stix', '--corpus', '--db', join(dir, 'missing.db')], 4, /./u],
      [['export', 'stix', '--corpus', '--db', db, '--from', 'May'], 2, /--from must be a date/u],
    ];
    for (const [argv, code, message] of cases) {
      const r = await run(...argv);
      expect([argv.join(' '), r.code]).toEqual([argv.join(' '), code]);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(dir, 'none.json'))).toBe(false);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);
  });
});
