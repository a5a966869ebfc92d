/**
 * Half a surrogate pair ("\ud800" in a results file, or a library caller's string) is no character: every
 * JSON output writes it as U+FFFD, one unit for one, instead of the escape `\ud800` that JSON.stringify
 * writes and that I-JSON forbids, PHP's json_decode refuses and Python cannot encode again
 * (src/export/json-text.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { ledgerClaimReviews, stringifyJsonLd } from '../../src/export/claimreview/index.js';
import { createExportEncoder } from '../../src/export/encoder.js';
import { formatJson } from '../../src/export/format/json.js';
import { exportJsonText } from '../../src/export/json-text.js';
import { jsonlLines } from '../../src/export/jsonl.js';
import { buildStixBundle, stringifyStixBundle, StixBundleStream, validateStixBundle, type StixBundle } from '../../src/export/stix/index.js';
import { fixtureResult } from './fixture.js';

/** An escape of a surrogate in JSON text (not preceded by an escaping backslash). */
const SURROGATE_ESCAPE = /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/iu;
/** A lone surrogate in a parsed string (with the u flag, \p{Cs} matches only unpaired halves). */
const LONE = /\p{Cs}/u;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

function withLoneHalves(hash: string): AnalysisResult {
  const r = fixtureResult({ hash, source: { kind: 'html', uri: 'https://example.org/dam', outlet: 'Board \ud800 of water', 'x-\udc00': 'key' } });
  const item = r.rebuttals[0]!;
  // A whole pair (an emoji) stays as it is; the halves alone become U+FFFD.
  const claim = { ...item.claim!, text: `Dam \udbff floods 🌊 \udc01 \\ud800 typed` };
  return { ...r, document: { ...r.document, title: 'Dam \ud83d myths' }, rebuttals: [{ ...item, claim }, ...r.rebuttals.slice(1)] };
}
const results = [withLoneHalves('a'.repeat(64)), withLoneHalves('b'.repeat(64))];
const NOW = new Date('2026-05-01T00:00:00Z');

function checked(text: string): unknown {
  expect(text).not.toMatch(SURROGATE_ESCAPE);
  const value = JSON.parse(text) as unknown;
  expect(strings(value).filter((s) => LONE.test(s))).toEqual([]);
  // The text a user typed as six characters is kept, and so is a whole pair.
  expect(text).toContain('\\\\ud800 typed');
  return value;
}

describe('lone surrogates in JSON outputs', () => {
  it('JSON Lines and the analysis JSON: U+FFFD, one unit for one, so span lengths and offsets hold', () => {
    for (const text of [jsonlLines(results), formatJson(results)]) {
      const parsed = (text.startsWith('[') ? checked(text) : text.trimEnd().split('\n').map((l) => checked(l))) as AnalysisResult[];
      const claim = parsed[0]!.rebuttals[0]!.claim!.text;
      expect(claim).toBe('Dam \ufffd floods 🌊 \ufffd \\ud800 typed');
      expect(claim.length).toBe(results[0]!.rebuttals[0]!.claim!.text.length);
      expect(parsed[0]!.document.title).toBe('Dam \ufffd myths');
      expect(parsed[0]!.document.source).toMatchObject({ outlet: 'Board \ufffd of water', 'x-\ufffd': 'key' });
    }
    const encoder = createExportEncoder('jsonl');
    expect(encoder.add(results) + encoder.end()).toBe(jsonlLines(results));
  });

  it('STIX, whole and streamed: a valid bundle with U+FFFD in names and notes', () => {
    const bundle = buildStixBundle(results, { now: NOW });
    const stream = new StixBundleStream('k', { now: NOW });
    for (const text of [stringifyStixBundle(bundle), stream.add(results) + stream.end()]) {
      const parsed = checked(text) as StixBundle;
      expect(validateStixBundle(parsed)).toEqual([]);
      expect(parsed.objects.find((o) => o.type === 'report')?.name).toBe('Dam \ufffd myths');
      expect(parsed.objects.some((o) => o.type === 'identity' && o.name === 'Board \ufffd of water')).toBe(true);
    }
  });

  it('ClaimReview JSON-LD', () => {
    const reviews = ledgerClaimReviews(results.slice(0, 1)).reviews;
    const parsed = checked(stringifyJsonLd(reviews)) as { claimReviewed: string; author: { name: string } }[];
    expect(parsed[0]).toMatchObject({ claimReviewed: 'Dam \ufffd floods 🌊 \ufffd \\ud800 typed', author: { name: 'Board \ufffd of water' } });
  });

  it('exportJsonText leaves escaped backslashes and other escapes alone', () => {
    expect(exportJsonText(JSON.stringify(['\\ud800', '\\\ud800', '\u0001', 'a\ud800\udc00b']))).toBe('["\\\\ud800","\\\\\ufffd","\\u0001","a\ud800\udc00b"]');
  });
});
