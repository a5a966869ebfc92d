import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, FactCheckMatcher } from '../../src/corpus/matching/index.js';
import { TrigramTable } from '../../src/corpus/matching/trigrams.js';
import { splitTweetAttribution } from '../../src/corpus/matching/tweet-attribution.js';

// Invented tweets and fact-checks.
describe('splitTweetAttribution', () => {
  it('blanks every "— Name (@handle) Month D, YYYY" and keeps offsets', () => {
    const text =
      'The bridge is closed for good https://t.co/x — Ann Example (@ann_ex) March 4, 2019 Not true! — Bob (@bob) May 1, 2019';
    const { body, spans } = splitTweetAttribution(text);
    expect(body).toHaveLength(text.length);
    expect(spans).toHaveLength(2);
    expect(text.slice(spans[0]![0], spans[0]![1])).toBe('— Ann Example (@ann_ex) March 4, 2019');
    expect(body.trim().split(/\s+/u)).toEqual([
      'The',
      'bridge',
      'is',
      'closed',
      'for',
      'good',
      'https://t.co/x',
      'Not',
      'true!',
    ]);
  });

  it('leaves text without an attribution alone', () => {
    expect(splitTweetAttribution('A dash — and (@handle) but no date')).toEqual({
      body: 'A dash — and (@handle) but no date',
      spans: [],
    });
  });
});

describe('TrigramTable', () => {
  it('counts shared word trigrams between a run-together hashtag and separate words', () => {
    const table = new TrigramTable();
    const doc = table.index('Corn Flakes were invented');
    const q = table.query('#cornflakes history');
    const shared = table.shared(q, doc);
    expect(shared).toBeGreaterThan(4);
    expect(shared).toBeLessThan(doc.length);
    expect(table.shared(table.query('nothing alike'), doc)).toBe(0);
  });
});

describe('tweet features', () => {
  it('separates body and attribution evidence and flags a year the tweet does not name', () => {
    const m = new FactCheckMatcher([
      { id: 'a', claim: 'The town bridge closed in 2012.', title: 'Did the Bridge Close?' },
      { id: 'b', claim: 'Ann Example opened a bakery.', title: 'Ann Example Bakery' },
    ]);
    const feats = m.candidateFeatures('The town bridge is closed — Ann Example (@annex) March 4, 2019');
    const at = (name: string): number => FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number]);
    const byDoc = new Map(feats.map((c) => [c.doc, c.features]));
    expect(byDoc.get(0)![at('bm25Body')]).toBeGreaterThan(0);
    expect(byDoc.get(0)![at('bm25Attribution')]).toBe(0);
    expect(byDoc.get(0)![at('yearMismatch')]).toBe(1);
    expect(byDoc.get(1)![at('bm25Body')]).toBe(0);
    expect(byDoc.get(1)![at('bm25Attribution')]).toBeGreaterThan(0);
    expect(byDoc.get(1)![at('yearMismatch')]).toBe(0);
  });
});
