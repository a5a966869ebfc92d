import { dot, type IdfFn, type PreparedText } from './prepared-text.js';

/**
 * Features of a (query, fact-check) pair for the re-ranker. Each is cheap, bounded, and says something
 * BM25 alone does not: how much of the *fact-check* the query covers (tweets are long, claims short),
 * whether names and numbers agree, whether words in order agree (bigrams), and how close the meanings
 * are when the words differ (word vectors). Names are stable: the model file refers to them.
 */
export const FEATURE_NAMES = [
  'bm25',
  'bm25Rel',
  'bm25Claim',
  'bm25Title',
  'rankRecip',
  'queryCoverage',
  'claimCoverage',
  'titleCoverage',
  'bigramClaim',
  'bigramTitle',
  'numberMatch',
  'numberMismatch',
  'properCoverage',
  'vecClaim',
  'vecTitle',
  'softClaim',
  'softTitle',
  'softQuery',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface PairScores {
  readonly bm25: number;
  readonly bm25Max: number;
  readonly bm25Claim: number;
  readonly bm25Title: number;
  readonly rank: number;
}

/**
 * Per-query memo of word similarities: for each fact-check word seen so far, its cosine with every query
 * word. Candidates share many words, so one query computes each pair once (the hot path of re-ranking).
 */
export type SimilarityCache = Map<string, Float32Array>;

/** What a query contributes to every pair: computed once per query by `queryContext`. */
export interface QueryContext {
  readonly q: PreparedText;
  readonly idfSum: number;
  readonly cache: SimilarityCache;
}

/** The union of a fact-check's claim and title sets, computed once when the library is indexed. */
export interface DocUnion {
  readonly unique: ReadonlySet<string>;
  readonly numbers: ReadonlySet<string>;
  readonly proper: ReadonlySet<string>;
}

export function queryContext(q: PreparedText, idf: IdfFn): QueryContext {
  return { q, idfSum: sumIdf(q.unique, idf), cache: new Map() };
}

export function docUnion(claim: PreparedText, title: PreparedText): DocUnion {
  return {
    unique: new Set([...claim.unique, ...title.unique]),
    numbers: new Set([...claim.numbers, ...title.numbers]),
    proper: new Set([...claim.proper, ...title.proper]),
  };
}

export function pairFeatures(ctx: QueryContext, claim: PreparedText, title: PreparedText, doc: DocUnion, s: PairScores, idf: IdfFn): Float64Array {
  const { q, cache } = ctx;
  const f = new Float64Array(FEATURE_NAMES.length);
  const bmNorm = Math.max(ctx.idfSum, 1);
  f[0] = s.bm25 / bmNorm;
  f[1] = s.bm25Max > 0 ? s.bm25 / s.bm25Max : 0;
  f[2] = s.bm25Claim / bmNorm;
  f[3] = s.bm25Title / bmNorm;
  f[4] = 1 / (1 + s.rank);
  f[5] = coverage(q.unique, doc.unique, idf);
  f[6] = coverage(claim.unique, q.unique, idf);
  f[7] = coverage(title.unique, q.unique, idf);
  f[8] = overlapShare(claim.bigrams, q.bigrams);
  f[9] = overlapShare(title.bigrams, q.bigrams);
  let shared = 0;
  for (const n of doc.numbers) if (q.numbers.has(n)) shared++;
  f[10] = shared > 0 ? 1 : 0;
  f[11] = doc.numbers.size > 0 && q.numbers.size > 0 && shared === 0 ? 1 : 0;
  f[12] = doc.proper.size ? coverage(doc.proper, q.unique, idf) : 0;
  f[13] = q.vector && claim.vector ? dot(q.vector, claim.vector) : 0;
  f[14] = q.vector && title.vector ? dot(q.vector, title.vector) : 0;
  f[15] = softDocCoverage(claim, q, cache);
  f[16] = softDocCoverage(title, q, cache);
  f[17] = softQueryCoverage(q, claim, cache);
  return f;
}

function sumIdf(terms: ReadonlySet<string>, idf: IdfFn): number {
  let s = 0;
  for (const t of terms) s += idf(t);
  return s;
}

/** idf-weighted share of `of`'s terms that appear in `within`. */
function coverage(of: ReadonlySet<string>, within: ReadonlySet<string>, idf: IdfFn): number {
  let all = 0;
  let hit = 0;
  for (const t of of) {
    const w = idf(t);
    all += w;
    if (within.has(t)) hit += w;
  }
  return all > 0 ? hit / all : 0;
}

function overlapShare(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / a.size;
}

function similarities(word: PreparedText['wordVectors'][number], q: PreparedText, cache: SimilarityCache): Float32Array {
  let sims = cache.get(word.term);
  if (!sims) {
    sims = new Float32Array(q.wordVectors.length);
    for (let i = 0; i < sims.length; i++) {
      const other = q.wordVectors[i]!;
      sims[i] = other.term === word.term ? 1 : dot(word.v, other.v);
    }
    cache.set(word.term, sims);
  }
  return sims;
}

/**
 * For each word of the fact-check, its best cosine with any query word (1 for the same term), averaged
 * with idf weights: a word-alignment similarity that credits "jab" for "vaccine" where BM25 gives nothing.
 */
function softDocCoverage(doc: PreparedText, q: PreparedText, cache: SimilarityCache): number {
  if (doc.wordVectors.length === 0 || q.wordVectors.length === 0) return 0;
  let all = 0;
  let sum = 0;
  for (const w of doc.wordVectors) {
    all += w.idf;
    // A word the query contains scores 1 without any arithmetic.
    if (q.unique.has(w.term)) {
      sum += w.idf;
      continue;
    }
    const sims = similarities(w, q, cache);
    let best = 0;
    for (let i = 0; i < sims.length; i++) if (sims[i]! > best) best = sims[i]!;
    sum += w.idf * best;
  }
  return all > 0 ? sum / all : 0;
}

/** The same from the query's side: each query word's best cosine with any word of the fact-check. */
function softQueryCoverage(q: PreparedText, doc: PreparedText, cache: SimilarityCache): number {
  if (doc.wordVectors.length === 0 || q.wordVectors.length === 0) return 0;
  const best = new Float32Array(q.wordVectors.length);
  for (const w of doc.wordVectors) {
    if (q.unique.has(w.term)) {
      const i = q.wordVectors.findIndex((x) => x.term === w.term);
      if (i >= 0) best[i] = 1;
      continue;
    }
    const sims = similarities(w, q, cache);
    for (let i = 0; i < sims.length; i++) if (sims[i]! > best[i]!) best[i] = sims[i]!;
  }
  let all = 0;
  let sum = 0;
  q.wordVectors.forEach((w, i) => {
    sum += w.idf * best[i]!;
    all += w.idf;
  });
  return all > 0 ? sum / all : 0;
}
