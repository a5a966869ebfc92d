import { describe, expect, it } from 'vitest';
import {
  createFactCheckMatcher,
  FactCheckMatcher,
  FEATURE_NAMES,
  loadRerankerModel,
  rerankScore,
  trainReranker,
  validateRerankerModel,
} from '../../src/corpus/matching/index.js';
import { loadWordVectors } from '../../src/models/vectors/word-vectors.js';

// Our own invented fact-check library.
const library = [
  { id: 'fc1', claim: 'Drinking sea water cures the common cold.', title: 'Does Sea Water Cure Colds?' },
  {
    id: 'fc2',
    claim: 'The city dam will flood the old town next spring.',
    title: 'Will the Dam Flood the Old Town?',
  },
  {
    id: 'fc3',
    claim: 'A photo shows the mayor shaking hands with a famous singer.',
    title: 'Is This a Real Photo of the Mayor?',
  },
  {
    id: 'fc4',
    claim: 'Electric buses caught fire because of cold weather.',
    title: 'Did Cold Weather Set Buses on Fire?',
  },
  {
    id: 'fc5',
    claim: '70 per cent of the new jobs went to people from out of state.',
    title: 'Did 70% of Jobs Go to Out-of-State Workers?',
  },
];

describe('FactCheckMatcher', () => {
  it('refuses a k that is no count (0 gave one result, NaN none)', () => {
    const matcher = createFactCheckMatcher(library);
    for (const k of [0, -3, 2.5, Number.NaN]) expect(() => matcher.match('sea water cold', { k })).toThrow(RangeError);
    expect(matcher.match('sea water cold', { k: 2 })).toHaveLength(2);
  });

  it.each([
    ['my aunt swears sea water cured her cold #health', 'fc1'],
    ['Is it true the dam floods the old town this spring? @CityNews https://t.co/abc', 'fc2'],
    ['That picture of our mayor with the singer is photoshopped', 'fc3'],
    ['70% of jobs went to out-of-state people!!', 'fc5'],
  ])('finds the fact-check for %j (re-ranked and BM25)', (query, id) => {
    const matcher = createFactCheckMatcher(library);
    expect(matcher.match(query, { k: 3 })[0]!.factCheck.id).toBe(id);
    expect(matcher.match(query, { k: 3, bm25Only: true })[0]!.factCheck.id).toBe(id);
  });

  it('says how strongly each result looks like the same claim, by the thresholds stored with the model', () => {
    const model = loadRerankerModel();
    const t = model?.strength;
    expect(t && t.possible < t.strong).toBe(true);
    const matcher = createFactCheckMatcher(library);
    for (const h of [...matcher.match('The city dam will flood the old town next spring, officials say.', { k: 5 }), ...matcher.match('Volcano tours resume on the northern island.', { k: 5 })]) {
      expect(h.strength).toBe(h.score >= t!.strong ? 'strong' : h.score >= t!.possible ? 'possible' : 'weak');
    }
    expect(matcher.match('The city dam will flood the old town next spring, officials say.', { k: 1 })[0]!.strength).toBe('strong');
    const unrelated = matcher.match('Volcano tours resume on the northern island next spring.', { k: 5 });
    expect(unrelated.length).toBeGreaterThan(0);
    expect(unrelated.every((h) => h.strength === 'weak')).toBe(true);
    // Ranked by BM25 alone, there is no calibrated score to read.
    expect(matcher.match('The city dam will flood the old town next spring.', { k: 1, bm25Only: true })[0]!.strength).toBeNull();
    // A model file with thresholds that cannot be right is refused.
    expect(() => validateRerankerModel({ ...model, strength: { strong: 1, possible: 2, measured: '' } })).toThrow(/match-strength/u);
  });

  it('returns ranks, scores and highlights into the fact-check and the query', () => {
    const hit = createFactCheckMatcher(library).match('Will the old town flood when the dam breaks?', {
      k: 1,
    })[0]!;
    expect(hit.rank).toBe(1);
    expect(hit.highlights.claim.map((h) => h.text)).toEqual(['dam will flood the old town']);
    expect(hit.highlights.title.map((h) => h.text)).toEqual(['Dam Flood the Old Town']);
    expect(hit.highlights.query.map((h) => h.text)).toEqual(['old town flood when the dam']);
  });

  it('handles an empty library, an empty query and a query with no shared words', () => {
    expect(new FactCheckMatcher([]).match('anything')).toEqual([]);
    const m = createFactCheckMatcher(library);
    expect(m.match('')).toEqual([]);
    expect(m.match('zzzz qqqq')).toEqual([]);
  });

  it('re-ranks as many results as asked for, beyond its default candidate pool', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `w${i}`, claim: `Water prices rose ${i} times in town ${i}.`, title: null }));
    const m = createFactCheckMatcher(many);
    expect(m.candidates).toBeLessThan(50);
    const top50 = m.match('water prices rose in town', { k: 50, highlights: false });
    expect(top50).toHaveLength(50);
    expect(top50.map((h) => h.rank)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // Within the pool nothing changes: the first results are those of a smaller request.
    expect(m.match('water prices rose in town', { k: 5, highlights: false }).map((h) => h.factCheck.id)).toEqual(
      m.match('water prices rose in town', { k: 20, highlights: false }).slice(0, 5).map((h) => h.factCheck.id),
    );
  });

  it('uses the committed re-ranker and vectors by default', () => {
    const m = createFactCheckMatcher(library);
    expect(m.model).not.toBeNull();
    expect(m.vectors).not.toBeNull();
    expect(createFactCheckMatcher(library, 'bm25').model).toBeNull();
  });
});

describe('re-ranker', () => {
  it('learns to put the relevant candidate first on separable data (deterministic)', () => {
    const n = FEATURE_NAMES.length;
    const vec = (x: number): Float64Array =>
      Float64Array.from({ length: n }, (_, i) => (i === 0 ? x : (i % 3) * 0.1));
    const groups = [0, 1, 2, 3].map((g) => ({
      features: [vec(0.2 + g * 0.01), vec(0.9), vec(0.1)],
      relevant: [false, true, false],
    }));
    const a = trainReranker(groups, { iterations: 200 });
    const b = trainReranker(groups, { iterations: 200 });
    expect(a).toEqual(b);
    expect(rerankScore(a, vec(0.9))).toBeGreaterThan(rerankScore(a, vec(0.2)));
    expect(a.weights[0]).toBeGreaterThan(0);
  });

  it('validates model files', () => {
    expect(() => validateRerankerModel({ format: 'x' })).toThrow(/not a Narrascope re-ranker/u);
    const model = loadRerankerModel()!;
    expect(validateRerankerModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
    expect(() => validateRerankerModel({ ...model, features: ['bm25'] })).toThrow(/other features/u);
    expect(() => validateRerankerModel({ ...model, std: model.std.map(() => 0) })).toThrow(/malformed/u);
  });

  it('gives finite feature values', () => {
    const m = new FactCheckMatcher(library, { vectors: loadWordVectors() });
    for (const c of m.candidateFeatures('sea water cures a cold, says a post'))
      for (const f of c.features) expect(Number.isFinite(f)).toBe(true);
  });
});
