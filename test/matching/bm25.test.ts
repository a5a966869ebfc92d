import { describe, expect, it } from 'vitest';
import { Bm25Index, matchTerms } from '../../src/corpus/matching/index.js';

const docs = [
  'The dam will flood the old town next spring',
  'Sea water cures colds, a post claims',
  'The town council approved a new dam budget',
  'Bridges melt in summer heat',
  'Sea water cures colds, a post claims',
].map(matchTerms);

describe('Bm25Index', () => {
  const index = new Bm25Index(docs);

  it('ranks the document sharing the rarest terms first', () => {
    expect(index.search(matchTerms('will the dam flood the town?'), 3).map((h) => h.doc)).toEqual([0, 2]);
  });

  it('breaks ties by document number and respects k', () => {
    const hits = index.search(matchTerms('sea water colds'), 5);
    expect(hits.map((h) => h.doc)).toEqual([1, 4]);
    expect(hits[0]!.score).toBe(hits[1]!.score);
    expect(index.search(matchTerms('sea water colds'), 1).map((h) => h.doc)).toEqual([1]);
  });

  it('scores a single document the same way search does, and ignores repeated query terms', () => {
    const q = matchTerms('dam dam town budget');
    const hits = index.search(q, 5);
    for (const h of hits) expect(index.score(q, h.doc)).toBeCloseTo(h.score, 5);
    expect(index.search(matchTerms('dam town budget'), 5)).toEqual(hits);
  });

  it('returns nothing for unknown terms or k = 0, and higher idf for rarer terms', () => {
    expect(index.search(['zzz'], 5)).toEqual([]);
    expect(index.search(matchTerms('dam'), 0)).toEqual([]);
    expect(index.idf('bridg')).toBeGreaterThan(index.idf('dam'));
    expect(index.docFreq('dam')).toBe(2);
  });

  it('is repeatable: a second search gives the same result (accumulators are reset)', () => {
    const q = matchTerms('town dam');
    expect(index.search(q, 5)).toEqual(index.search(q, 5));
  });
});

describe('Bm25Index.scoreDocs / termImpacts', () => {
  it('agree with score() document by document', () => {
    const index = new Bm25Index([
      ['sea', 'water', 'cold'],
      ['dam', 'flood', 'town', 'town'],
      ['sea', 'town'],
    ]);
    const terms = ['town', 'sea', 'missing'];
    const docs = [2, 0, 1];
    const scores = index.scoreDocs(terms, docs);
    docs.forEach((d, i) => expect(scores[i]).toBeCloseTo(index.score(terms, d), 10));
    const impacts = index.termImpacts(terms, docs);
    expect(impacts).toHaveLength(9);
    expect(impacts[2 * 3 + 0]).toBe(0); // 'missing' is in no document
  });
});
