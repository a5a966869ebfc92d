import { describe, expect, it } from 'vitest';
import { evaluateClusters } from '../../bench/corpus/evaluate.js';
import { SyntheticCorpus } from '../../bench/corpus/synthetic.js';
import { lshCluster } from '../../src/corpus/lsh.js';
import { decodeSignature, encodeSignature, estimateJaccard, fmix32, MinHasher, shingleHashes, shingleJaccard } from '../../src/corpus/minhash.js';
import { randomStrings } from '../support/random-strings.js';

describe('MinHash', () => {
  const hasher = new MinHasher();
  const corpus = new SyntheticCorpus({ documents: 3000, seed: 7 });

  it('estimates word-shingle Jaccard within a few standard errors', () => {
    let worst = 0;
    for (const fam of corpus.families().slice(0, 60)) {
      const [a, b] = [corpus.text(fam[0] as number), corpus.text(fam[1] as number)];
      const exact = shingleJaccard(a, b);
      const est = estimateJaccard(hasher.signature(a), hasher.signature(b));
      const se = Math.sqrt(Math.max(exact * (1 - exact), 0.01) / hasher.numHashes);
      worst = Math.max(worst, Math.abs(est - exact) / se);
    }
    expect(worst).toBeLessThan(4.5);
  });

  it('gives identical texts identical signatures and round-trips through the store encoding', () => {
    const s = hasher.signature('The same words in the same order.');
    expect(estimateJaccard(s, hasher.signature('the SAME words, in the same order'))).toBe(1);
    expect([...decodeSignature(encodeSignature(s))]).toEqual([...s]);
  });

  it('clusters planted near-duplicates (recall ≥ 0.95 at Jaccard ≥ 0.8) without merging pairs below 0.5', () => {
    const k = hasher.numHashes;
    const sigs = new Uint32Array(corpus.docs.length * k);
    corpus.docs.forEach((d) => hasher.signature(corpus.text(d.id), sigs.subarray(d.id * k, (d.id + 1) * k)));
    const r = lshCluster(sigs, corpus.docs.length, k);
    const q = evaluateClusters(corpus, r.clusters);
    expect(q.positivePairs).toBeGreaterThan(100);
    expect(q.recall).toBeGreaterThanOrEqual(0.95);
    expect(q.falseMerges).toBe(0);
    // hard negatives (partial reuse) exist and stay apart
    expect(corpus.docs.some((d) => d.kind === 'partial')).toBe(true);
  });

  it('leader linkage keeps every member close to its group leader', () => {
    const texts = ['alpha beta gamma delta', 'alpha beta gamma delta epsilon', 'beta gamma delta epsilon zeta', 'gamma delta epsilon zeta eta'];
    const h = new MinHasher({ shingleSize: 1 });
    const sigs = new Uint32Array(texts.length * h.numHashes);
    texts.forEach((t, i) => h.signature(t, sigs.subarray(i * h.numHashes, (i + 1) * h.numHashes)));
    const single = lshCluster(sigs, texts.length, h.numHashes, { threshold: 0.6, linkage: 'single' });
    const leader = lshCluster(sigs, texts.length, h.numHashes, { threshold: 0.6, leaderThreshold: 0.6 });
    expect(single.clusters).toEqual([[0, 1, 2, 3]]);
    expect(leader.clusters.every((c) => c.length < 4)).toBe(true);
  });
});

/** shingleHashes as it was written with a regex (the reference for the hand-written word scan). */
function referenceShingles(text: string, k = 3): Uint32Array {
  const fnv1a = (s: string): number => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  };
  const words: number[] = [];
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) words.push(fnv1a(m[0]));
  if (words.length === 0) return new Uint32Array(0);
  if (words.length < k) {
    let h = 0;
    for (const w of words) h = fmix32(Math.imul(h, 31) + w);
    return Uint32Array.of(h);
  }
  const out = new Uint32Array(words.length - k + 1);
  for (let i = 0; i + k <= words.length; i++) {
    let h = 0x9e3779b9;
    for (let j = 0; j < k; j++) h = fmix32((h ^ (words[i + j] as number)) + j);
    out[i] = h;
  }
  return out;
}

describe('shingleHashes', () => {
  it('hashes the words of the regex it replaces, in any script, with surrogates and marks', () => {
    const pieces = ['a', 'Z', 'é', 'Σ', 'ß', 'İ', '9', '٣', '谣', '言', '\u{1d400}', '\u{1f600}', "'", '’', ' ', '.', '-', '\n', '\ud800', '\udc00', 'xy', 'The', 'ǅ', '\u0301', 'ﬁ'];
    for (const s of randomStrings(pieces, 5000, 30, 11)) {
      expect([...shingleHashes(s)], JSON.stringify(s)).toEqual([...referenceShingles(s)]);
      expect([...shingleHashes(s, 1)], JSON.stringify(s)).toEqual([...referenceShingles(s, 1)]);
    }
  });
});
