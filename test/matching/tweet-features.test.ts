import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, FactCheckMatcher } from '../../src/corpus/matching/index.js';
import { TrigramTable } from '../../src/corpus/matching/trigrams.js';
import { loadWordVectors } from '../../src/models/vectors/word-vectors.js';
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

  it('compares the fact-checks with the sentence vector of the body, not of the author and date', () => {
    const m = new FactCheckMatcher(
      [
        { id: 'a', claim: 'The town bridge closed for repairs.', title: 'Did the Bridge Close?' },
        { id: 'b', claim: 'A famous singer opened a bakery in March.', title: 'Singer Bakery' },
      ],
      { vectors: loadWordVectors() },
    );
    const at = (name: string): number => FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number]);
    const vec = (text: string): number[] =>
      m
        .candidateFeatures(text)
        .sort((x, y) => x.doc - y.doc)
        .map((c) => c.features[at('vecClaim')]!);
    const body = 'The town bridge is closed';
    const withAttribution = vec(`${body} — Famous Singer (@singer) March 4, 2019`);
    expect(withAttribution).toHaveLength(2);
    vec(body).forEach((v, i) => expect(withAttribution[i]).toBeCloseTo(v, 6));
    // Without the attribution split, the author's words would move the vector towards the singer.
    expect(vec(`${body} famous singer march`)[1]).toBeGreaterThan(withAttribution[1]! + 0.01);
  });
});
