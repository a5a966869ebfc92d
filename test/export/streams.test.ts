/**
 * The exports written in parts (`export --corpus`) against the same exports written at once: the same
 * text, whichever way the documents are split into parts.
 */
import { describe, expect, it } from 'vitest';
import { JsonLdArrayStream, ledgerClaimReviews, stringifyJsonLd } from '../../src/export/claimreview/index.js';
import { CSV_TABLES, tableCsv, tableCsvHeader, tableCsvRows } from '../../src/export/csv/index.js';
import { buildStixBundle, stringifyStixBundle, StixBundleStream, validateStixBundle, type StixBundle } from '../../src/export/stix/index.js';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { createExportEncoder } from '../../src/export/encoder.js';
import { fixtureResult } from './fixture.js';

const NOW = new Date('2026-05-01T12:00:00.000Z');

/**
 * Four documents: two share an outlet (one identity object), one has no outlet, one has no ledger. Each
 * has its own address: two documents of one address are two versions of a page, of which a ClaimReview
 * export reviews only the latest (versions.test.ts).
 */
const RESULTS: AnalysisResult[] = [
  fixtureResult(),
  fixtureResult({ hash: 'b'.repeat(64), source: { kind: 'html', uri: 'https://example.org/dam-myths-2', outlet: 'Example Water Board' } }),
  fixtureResult({ hash: 'c'.repeat(64), source: { kind: 'text' } }),
  fixtureResult({ hash: 'd'.repeat(64), rebuttals: [], source: { kind: 'html', uri: 'https://example.net/x', outlet: 'Other Desk' } }),
];

/** The documents cut into parts of `size`. */
const parts = (size: number): AnalysisResult[][] => Array.from({ length: Math.ceil(RESULTS.length / size) }, (_, i) => RESULTS.slice(i * size, i * size + size));

describe.each([1, 2, 3, 4])('written in parts of %i documents', (size) => {
  it('STIX: the bundle stringifyStixBundle writes, with its own id, valid', () => {
    const stream = new StixBundleStream('test selection', { now: NOW });
    const text = parts(size).map((p) => stream.add(p)).join('') + stream.end();
    const streamed = JSON.parse(text) as StixBundle;
    expect(validateStixBundle(streamed)).toEqual([]);
    const whole = buildStixBundle(RESULTS, { now: NOW });
    expect(text).toBe(stringifyStixBundle({ ...whole, id: streamed.id }));
    expect(stream.count).toBe(whole.objects.length);
    // Shared objects (the producer, identities, attack-patterns) come once however the parts fall.
    expect(new Set(streamed.objects.map((o) => o.id)).size).toBe(streamed.objects.length);
  });

  it('ClaimReview: the array stringifyJsonLd writes', () => {
    const stream = new JsonLdArrayStream();
    const text = parts(size).map((p) => stream.add(ledgerClaimReviews(p).reviews)).join('') + stream.end();
    const whole = ledgerClaimReviews(RESULTS).reviews;
    expect(whole.length).toBeGreaterThan(1);
    expect(text).toBe(stringifyJsonLd(whole));
    expect(stream.count).toBe(whole.length);
  });

  it('JSON Lines: one result per line, in order', () => {
    const encoder = createExportEncoder('jsonl');
    const text = parts(size).map((p) => encoder.add(p)).join('') + encoder.end();
    expect(text.split('\n').slice(0, -1).map((l) => (JSON.parse(l) as AnalysisResult).document.hash)).toEqual(RESULTS.map((r) => r.document.hash));
    expect(encoder.written).toBe(RESULTS.length);
  });

  it.each(CSV_TABLES)('CSV %s: the table tableCsv writes', (table) => {
    expect(tableCsvHeader(table) + parts(size).map((p) => tableCsvRows(table, p)).join('')).toBe(tableCsv(table, RESULTS));
  });
});

describe('streams with nothing in them', () => {
  it('STIX: the valid bundle of no documents (producer and extension definition); ClaimReview: an empty array; CSV: the header alone', () => {
    const stix = new StixBundleStream('empty', { now: NOW });
    expect(stix.add([])).toBe('');
    const text = stix.end();
    const streamed = JSON.parse(text) as StixBundle;
    // Was `"objects": []`, which STIX forbids and validateStixBundle refuses ("bundle: no objects"):
    // what `export stix --corpus` wrote when no selected document had a readable stored analysis.
    expect(validateStixBundle(streamed)).toEqual([]);
    expect(text).toBe(stringifyStixBundle({ ...buildStixBundle([], { now: NOW }), id: streamed.id }));
    expect(stix.count).toBe(2);
    const jsonld = new JsonLdArrayStream();
    expect(jsonld.add([]) + jsonld.end()).toBe('[]\n');
    expect(tableCsvRows('ledger', [])).toBe('');
    expect(tableCsvHeader('ledger')).toBe(tableCsv('ledger', []));
  });

  it('the bundle id depends on the selection and the time, not on chance', () => {
    const id = (key: string, now: Date): string => (JSON.parse(new StixBundleStream(key, { now }).end()) as StixBundle).id;
    expect(id('a', NOW)).toBe(id('a', NOW));
    expect(id('a', NOW)).not.toBe(id('b', NOW));
    expect(id('a', NOW)).not.toBe(id('a', new Date('2026-05-02T00:00:00Z')));
  });
});
