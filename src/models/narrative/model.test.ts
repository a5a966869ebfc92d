import { describe, expect, it } from 'vitest';
import { randomStrings } from '../../../test/support/random-strings.js';
import { NarrativeModel, packVector, type NarrativeModelData, type SparseVector } from './model.js';
import { countTerms, termCounts, termOccurrences } from './terms.js';

// The neighbour vote as first written (an object per exemplar, filter, sort, slice), to check the kept-best
// insertion against.
function referenceVotes(data: NarrativeModelData, x: SparseVector, domain: string, k: number): Map<string, number> {
  const votes = new Map<string, number>();
  const ex = data.exemplars ?? [];
  const dot = (w: readonly (readonly [number, number])[]): number => w.reduce((s, [i, v]) => s + (x.get(i) ?? 0) * v, 0);
  const sims = ex
    .map((e, i) => ({ i, sim: e.domain === domain ? dot(e.weights) : -1 }))
    .filter((e) => e.sim > 0)
    .sort((a, b) => b.sim - a.sim || a.i - b.i)
    .slice(0, k);
  const total = sims.reduce((t, e) => t + e.sim, 0);
  if (total <= 0) return votes;
  for (const { i, sim } of sims) for (const label of ex[i]!.labels) votes.set(label, (votes.get(label) ?? 0) + sim / total);
  return votes;
}

describe('NarrativeModel', () => {
  let seed = 3;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const V = 12;
  // Weights on a coarse grid, so that equal similarities (ties broken by exemplar order) occur.
  const exemplars = Array.from({ length: 30 }, (_, e) => ({
    domain: e % 3 === 0 ? 'CC' : 'URW',
    labels: [`L${e % 4}`, ...(e % 5 === 0 ? [`M${e % 2}`] : [])],
    weights: Array.from({ length: 4 }, (_, j) => [(e * 5 + j * 3) % V, Math.round(next() * 4 - 1) / 2] as const),
  }));
  const data: NarrativeModelData = {
    format: 'narrascope-narrative-model',
    version: 'test',
    taxonomy: 'test',
    seed: 0,
    trainedOn: 'test',
    vocabulary: Array.from({ length: V }, (_, i) => `t${i}`),
    idf: Array.from({ length: V }, (_, i) => 1 + i / 10),
    heads: {},
    exemplars,
    thresholds: { narrative: 0.5, coarse: 0.5, fine: 0.5, prior: 0 },
  };
  const model = new NarrativeModel(data);

  it('neighbour votes equal sorting every exemplar by similarity', () => {
    for (let r = 0; r < 200; r++) {
      const x = new Map<number, number>();
      for (let j = 0; j < 5; j++) x.set(Math.floor(next() * V), Math.round(next() * 4) / 2);
      for (const domain of ['CC', 'URW']) for (const k of [0, 1, 3, 7, 40]) expect(model.neighbourVotes(x, domain, k)).toEqual(referenceVotes(data, x, domain, k));
    }
  });

  it('vectorizes counts into a unit vector whose packed form follows its entries', () => {
    const v = model.vectorizeCounts(new Map([['t3', 2], ['unknown', 1], ['t1', 1], ['t7', 3]]));
    expect([...v.keys()]).toEqual([3, 1, 7]);
    expect([...v.values()].reduce((s, y) => s + y * y, 0)).toBeCloseTo(1, 12);
    const { index, value } = packVector(v);
    expect(Array.from(index)).toEqual([...v.keys()]);
    expect(Array.from(value)).toEqual([...v.values()]);
  });
});

describe('NarrativeModel on text: indexed terms equal the occurrence lists', () => {
  // Words, their plural and possessive forms, stop words, digits, hyphens and punctuation: unigrams,
  // bigrams (some in the vocabulary, some not, one whose parts are known only as a bigram) and cut points.
  const pieces = ['gas', 'gases', "gas's", 'price', 'prices', 'war', 'the', 'of', '2022', 'x', 'nato', 'green', 'deal', 'rare-earth', ' ', '  ', '\n\n', '-', ', ', '. ', 'Prices', 'Gas’s', 'éco'];
  const vocabulary = ['gas', 'price', 'war', 'nato', 'green', 'deal', 'gas price', 'price war', 'green deal', 'rare earth', 'deal gas', 'éco', 'nato nato'];
  const data: NarrativeModelData = {
    format: 'narrascope-narrative-model',
    version: 'test',
    taxonomy: 'test',
    seed: 0,
    trainedOn: 'test',
    vocabulary,
    idf: vocabulary.map((_, i) => 1 + i / 7),
    heads: { h: { bias: 0.1, weights: vocabulary.map((_, i) => [i, ((i * 5) % 7) - 3] as const) } },
    thresholds: { narrative: 0.5, coarse: 0.5, fine: 0.5, prior: 0 },
  };
  const model = new NarrativeModel(data);
  const texts = randomStrings(pieces, 250, 30, 5);

  it('vectorize, vectorizeRange and cuesInRange give what the occurrence lists give', () => {
    let nonEmpty = 0;
    for (const text of texts) {
      const whole = model.vectorize(text);
      expect([...whole], text).toEqual([...model.vectorizeCounts(termCounts(text))]);
      if (whole.size > 1) nonEmpty++;
      for (let start = 0; start <= text.length; start += 3) {
        for (let end = start; end <= text.length; end += 5) {
          const slice = text.slice(start, end);
          const expected = model.vectorizeCounts(countTerms(termOccurrences(slice, start)));
          expect([...model.vectorizeRange(text, start, end)], `${text} ${start}-${end}`).toEqual([...expected]);
          expect(model.cuesInRange('h', text, start, end, 4), `${text} ${start}-${end}`).toEqual(model.cues('h', slice, start, 4));
        }
      }
    }
    expect(nonEmpty).toBeGreaterThan(30);
  });
});
