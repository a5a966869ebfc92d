/**
 * Document addresses in exports (src/export/uri.ts): documents are adversarial, so a `javascript:`,
 * `data:` or `vbscript:` source address must never reach ClaimReview, STIX, CSV or JSON Lines, where
 * consumers show addresses as links. Paths and record labels stay where the format keeps an identifier.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { ledgerClaimReviews, validateClaimReview, type ClaimReview } from '../../src/export/claimreview/index.js';
import { ledgerCsv } from '../../src/export/csv/index.js';
import { createExportEncoder } from '../../src/export/encoder.js';
import { validateAnalysisResult } from '../../src/export/format/schema.js';
import { jsonlLines } from '../../src/export/jsonl.js';
import { buildStixBundle, validateStixBundle, type StixBundle } from '../../src/export/stix/index.js';
import { classifyUri } from '../../src/export/uri.js';
import { importClaimReviews, importFactCheckTable } from '../../src/store/fact-checks/index.js';
import { runCli } from '../cli/run-cli.js';
import { fixtureResult } from './fixture.js';

const withUri = (uri: string, hash = 'b'.repeat(64)): AnalysisResult =>
  fixtureResult({ source: { kind: 'feed', uri, outlet: 'Example Water Board' }, hash });

const UNSAFE = [
  'javascript:alert(1)',
  ' JaVa\tScRiPt:alert(document.cookie)',
  '\u0001javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ms-msdt:/id PCWDiagnostic',
  'mailto:someone@example.org',
  'https://user:secret@example.org/page',
  'http://',
  'javascript.x:alert(1)',
];

describe('classifyUri', () => {
  it.each([
    ['https://example.org/a?b=1#c', 'link', 'https://example.org/a?b=1#c'],
    ['HTTPS://Example.org/a', 'link', 'HTTPS://Example.org/a'],
    ['https://ru.example/wiki/Путин', 'link', 'https://ru.example/wiki/Путин'],
    // Text a URL parser reads differently from how it looks is written as the parsed address.
    [' https://example.org/a ', 'link', 'https://example.org/a'],
    ['https://example.org/a\tb', 'link', 'https://example.org/ab'],
    ['https://example.org/\u202eevil', 'link', 'https://example.org/%E2%80%AEevil'],
    ['https:example.org', 'link', 'https://example.org/'],
    ['examples/myth-fact.txt', 'id', 'examples/myth-fact.txt'],
    ['cases.csv:12', 'id', 'cases.csv:12'],
    ['feeds/news.xml#3', 'id', 'feeds/news.xml#3'],
    ['standard input:2', 'id', 'standard input:2'],
    ['C:\\reports\\a.txt', 'id', 'C:\\reports\\a.txt'],
    ['urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66', 'id', 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66'],
  ] as const)('%j is a %s', (raw, kind, value) => {
    expect(classifyUri(raw)).toEqual({ kind, value });
  });

  it.each(UNSAFE)('%j is unsafe', (raw) => {
    expect(classifyUri(raw).kind).toBe('unsafe');
  });
});

describe('every export leaves an unsafe address out', () => {
  it.each(UNSAFE)('%j: ClaimReview skips the items (no address), or takes --url', (raw) => {
    const out = ledgerClaimReviews([withUri(raw)]);
    expect(out.reviews).toEqual([]);
    expect(out.skipped[0]?.reasons).toContain('no http(s) address for the document; pass --url');
    const lent = ledgerClaimReviews([withUri(raw)], { url: 'https://desk.example/page' });
    expect(lent.reviews.map((r) => [r.url, r.itemReviewed?.appearance?.[0]?.url])).toEqual([
      ['https://desk.example/page#item-1', 'https://desk.example/page'],
    ]);
  });

  it('ClaimReview writes a cleaned address as parsed, and the validator refuses unsafe ones', () => {
    const [review] = ledgerClaimReviews([withUri(' https://example.org/dam\tmyths')]).reviews;
    expect(review?.url).toBe('https://example.org/dammyths#item-1');
    expect(validateClaimReview(review)).toEqual([]);
    const bad = (url: string): ClaimReview => ({ ...(review as ClaimReview), url });
    for (const url of ['javascript:alert(1)//https://x', 'https://u:p@example.org/', ' https://example.org/'])
      expect(validateClaimReview(bad(url))).toContain('url must be an absolute http(s) URL');
    const appearance = { ...(review as ClaimReview), itemReviewed: { '@type': 'Claim' as const, appearance: [{ '@type': 'CreativeWork' as const, url: 'data:text/html,x' }] } };
    expect(validateClaimReview(appearance)).toContain('itemReviewed.appearance must list CreativeWorks with http(s) urls');
  });

  it.each(UNSAFE)('%j: STIX reports keep the hash reference without a url; the bundle is valid', (raw) => {
    const bundle = buildStixBundle([withUri(raw)], { now: new Date('2026-05-01T00:00:00Z') });
    expect(validateStixBundle(bundle)).toEqual([]);
    const report = bundle.objects.find((o) => o.type === 'report');
    expect(report?.external_references).toEqual([{ source_name: 'narrascope', external_id: 'b'.repeat(64) }]);
  });

  it('the STIX validator refuses an external reference with an unsafe url', () => {
    const bundle = buildStixBundle([withUri('https://example.org/x')], { now: new Date('2026-05-01T00:00:00Z') });
    const tampered: StixBundle = {
      ...bundle,
      objects: bundle.objects.map((o) => (o.type === 'report' ? { ...o, external_references: [{ source_name: 'narrascope', url: 'javascript:alert(1)' }] } : o)),
    };
    expect(validateStixBundle(tampered).join('\n')).toMatch(/external_references\[0\]\.url is not an http\(s\) URL/u);
  });

  it.each([
    ['https://ru.example/новости/1?q=санкции#абзац', 'https://ru.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1?q=%D1%81%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B8#%D0%B0%D0%B1%D0%B7%D0%B0%D1%86'],
    ['https://пример.рф/a', 'https://xn--e1afmkfd.xn--p1ai/a'],
    ['https://example.org/a|b^{c}%zz', 'https://example.org/a%7Cb%5E%7Bc%7D%25zz'],
    ['https://example.org/%D0%B0?x=1#top', 'https://example.org/%D0%B0?x=1#top'],
    ['HTTPS://Example.org:8443/a', 'HTTPS://Example.org:8443/a'],
  ])('STIX writes %j as the RFC 3986 URI %j (non-ASCII IRIs were written raw)', (raw, uri) => {
    const bundle = buildStixBundle([withUri(raw)], { now: new Date('2026-05-01T00:00:00Z') });
    expect(validateStixBundle(bundle)).toEqual([]);
    const report = bundle.objects.find((o) => o.type === 'report');
    expect(report?.external_references).toEqual([{ source_name: 'narrascope', external_id: 'b'.repeat(64), url: uri }]);
  });

  it('the STIX validator refuses an external reference url that is an IRI, not a URI', () => {
    const bundle = buildStixBundle([withUri('https://example.org/x')], { now: new Date('2026-05-01T00:00:00Z') });
    const tampered: StixBundle = {
      ...bundle,
      objects: bundle.objects.map((o) => (o.type === 'report' ? { ...o, external_references: [{ source_name: 'narrascope', url: 'https://ru.example/новости' }] } : o)),
    };
    expect(validateStixBundle(tampered).join('\n')).toMatch(/external_references\[0\]\.url is not an RFC 3986 URI/u);
  });

  it('CSV keeps links, paths and record labels in document_uri, and leaves unsafe addresses empty', () => {
    const uris = ['https://example.org/a', 'cases.csv:12', ...UNSAFE];
    const rows = parse(ledgerCsv(uris.map((u, i) => withUri(u, String(i).padStart(64, '0'))))) as string[][];
    const column = rows[0]!.indexOf('document_uri');
    const perDocument = rows.slice(1).filter((_, i) => i % 2 === 0).map((r) => r[column]);
    expect(perDocument).toEqual(['https://example.org/a', 'cases.csv:12', ...UNSAFE.map(() => '')]);
  });

  it('JSON Lines drop an unsafe source.uri and keep the rest of the result, still schema-valid', () => {
    const lines = jsonlLines([withUri('javascript:alert(1)'), withUri('cases.csv:12', 'c'.repeat(64))]).trimEnd().split('\n');
    const [dropped, kept] = lines.map((l) => JSON.parse(l) as AnalysisResult);
    expect(dropped?.document.source).toEqual({ kind: 'feed', outlet: 'Example Water Board' });
    expect(kept?.document.source.uri).toBe('cases.csv:12');
    expect(validateAnalysisResult(dropped!)).toEqual([]);
  });

  it('the streaming encoder counts the documents whose address it left out, in every format', () => {
    for (const format of ['claimreview', 'stix', 'csv', 'jsonl'] as const) {
      const encoder = createExportEncoder(format, { now: new Date('2026-05-01T00:00:00Z') });
      encoder.add([withUri('javascript:alert(1)'), withUri('https://example.org/ok', 'c'.repeat(64))]);
      encoder.end();
      expect([...encoder.addressesLeftOut]).toEqual([['a "javascript:" address, not http(s)', 1]]);
    }
  });
});

describe('fact-check imports keep only safe http(s) addresses', () => {
  it('ClaimReview files: a javascript: url or appearance is dropped with the url warning', () => {
    const out = importClaimReviews(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: 'Sea water cures colds.',
        reviewRating: { '@type': 'Rating', alternateName: 'False' },
        author: { '@type': 'Organization', name: 'Desk' },
        url: 'javascript:alert(1)',
        datePublished: '2026-01-10',
        itemReviewed: { '@type': 'Claim', appearance: [{ url: 'data:text/html,x' }, { url: 'https://social.example/p/1' }] },
      }),
      'in.json',
    );
    expect(out.records[0]).toMatchObject({ url: null, appearances: ['https://social.example/p/1'] });
    expect(out.records[0]?.warnings).toContain('url');
  });

  it('CSV tables: a javascript: url is dropped with the url warning', () => {
    const out = importFactCheckTable('claim,rating,publisher,url\nBridges melt,False,Desk,javascript:alert(1)\n', 'f.csv');
    expect(out.records[0]).toMatchObject({ url: null, warnings: ['url'] });
  });
});

describe('narrascope export: addresses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'narrascope-export-uri-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('warns on stderr about each document whose address is left out, and exports the rest (exit 0)', async () => {
    writeFileSync(join(dir, 'r.json'), JSON.stringify([withUri('javascript:alert(1)'), withUri('https://example.org/ok', 'c'.repeat(64))]));
    const r = await runCli(['export', 'stix', '--results', 'r.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`narrascope export: document ${'b'.repeat(12)}: its address is left out of the export: a "javascript:" address, not http(s)\n`);
    expect(r.stdout).not.toContain('javascript:');
    expect(validateStixBundle(JSON.parse(r.stdout) as StixBundle)).toEqual([]);
  });

  it.each(['javascript:alert(1)', 'https://user:secret@example.org/page', 'examples/page.html'])('refuses --url %j (exit 2)', async (url) => {
    const r = await runCli(['export', 'claimreview', '--results', 'r.json', '--url', url], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--url must be an http(s) address');
    expect(r.stdout).toBe('');
  });
});
