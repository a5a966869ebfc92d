/**
 * U+2028, U+2029 (and U+0085) in document text: valid JSON, but line breaks to JavaScript before ES2019
 * and to splitters such as Python's str.splitlines(). Every JSON output writes them as escapes
 * (src/export/json-text.ts) and reads back to the same value.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { stringifyJsonLd, ledgerClaimReviews } from '../../src/export/claimreview/index.js';
import { createExportEncoder } from '../../src/export/encoder.js';
import { formatJson } from '../../src/export/format/json.js';
import { jsonlLines } from '../../src/export/jsonl.js';
import { buildStixBundle, stringifyStixBundle, StixBundleStream } from '../../src/export/stix/index.js';
import { runCli } from '../cli/run-cli.js';
import { fixtureResult } from './fixture.js';

const SEPARATORS = '\u2028 line \u2029 paragraph \u0085 next';
/** The line boundaries of Python's str.splitlines(), the widest common splitter. */
// eslint-disable-next-line no-control-regex
const SPLITLINES = /\r\n|[\n\r\v\f\u001c-\u001e\u0085\u2028\u2029]/u;
const RAW = /[\u0085\u2028\u2029]/u;

function withSeparators(hash: string): AnalysisResult {
  const r = fixtureResult({ hash, source: { kind: 'html', uri: 'https://example.org/dam', outlet: `Board ${SEPARATORS}` } });
  return { ...r, document: { ...r.document, title: `Dam ${SEPARATORS}` } };
}
const results = [withSeparators('a'.repeat(64)), withSeparators('b'.repeat(64))];

describe('line separators are escaped in JSON outputs', () => {
  it('JSON Lines: one record per line for any splitter, and the same results read back', () => {
    const text = jsonlLines(results);
    expect(text).not.toMatch(RAW);
    expect(text).toContain('\\u2028 line \\u2029 paragraph \\u0085 next');
    const lines = text.split(SPLITLINES).filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(results);
  });

  it('the streaming encoder writes the same JSON Lines', () => {
    const encoder = createExportEncoder('jsonl');
    expect(encoder.add(results) + encoder.end()).toBe(jsonlLines(results));
  });

  it('STIX, whole and streamed, and the analysis JSON read back to the same value', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    const bundle = buildStixBundle(results, { now });
    const whole = stringifyStixBundle(bundle);
    const stream = new StixBundleStream('k', { now });
    const streamed = stream.add(results) + stream.end();
    const json = formatJson(results);
    for (const text of [whole, streamed, json]) {
      expect(text).not.toMatch(RAW);
      expect(text).toContain('\\u2028');
    }
    expect(JSON.parse(whole)).toEqual(bundle);
    expect((JSON.parse(streamed) as { objects: unknown }).objects).toEqual(bundle.objects);
    expect(JSON.parse(json)).toEqual(results);
  });

  it('ClaimReview JSON-LD escapes U+0085 too', () => {
    const reviews = ledgerClaimReviews(results.slice(0, 1)).reviews;
    const text = stringifyJsonLd(reviews);
    expect(text).not.toMatch(RAW);
    expect(JSON.parse(text)).toEqual(reviews);
  });
});

describe('narrascope export jsonl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'narrascope-export-ls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips: export jsonl --results, then --results of its output again', async () => {
    writeFileSync(join(dir, 'r.json'), JSON.stringify(results));
    const first = await runCli(['export', 'jsonl', '--results', 'r.json', '--out', 'a.jsonl'], { cwd: dir });
    expect(first.code).toBe(0);
    const second = await runCli(['export', 'jsonl', '--results', 'a.jsonl'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(RAW);
    expect(second.stdout.trimEnd().split(SPLITLINES).map((l) => JSON.parse(l) as unknown)).toEqual(results);
  });
});
