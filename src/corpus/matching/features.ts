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
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface PairScores {
  readonly bm25: number;
  readonly bm25Max: number;
  readonly bm25Claim: number;
  readonly bm25Title: number;
  readonly rank: number;
}

/** What a query contributes to every pair: computed once per query by `queryContext`. */
export interface QueryContext {
  readonly q: PreparedText;
  readonly idfSum: number;
}

/** The union of a fact-check's claim and title sets, computed once when the library is indexed. */
export interface DocUnion {
  readonly unique: ReadonlySet<string>;
  readonly numbers: ReadonlySet<string>;
  readonly properTerms: readonly string[];
  readonly properIdf: Float64Array;
}

export function queryContext(q: PreparedText): QueryContext {
  let idfSum = 0;
  for (const w of q.uniqueIdf) idfSum += w;
  return { q, idfSum };
}

export function docUnion(claim: PreparedText, title: PreparedText, idf: IdfFn): DocUnion {
  const properTerms = [...new Set([...claim.proper, ...title.proper])];
  return {
    unique: new Set([...claim.unique, ...title.unique]),
    numbers: new Set([...claim.numbers, ...title.numbers]),
    properTerms,
    properIdf: Float64Array.from(properTerms, (t) => idf(t)),
  };
}

export function pairFeatures(
  ctx: QueryContext,
  claim: PreparedText,
  title: PreparedText,
  doc: DocUnion,
  s: PairScores,
): Float64Array {
  const { q } = ctx;
  const f = new Float64Array(FEATURE_NAMES.length);
  const bmNorm = Math.max(ctx.idfSum, 1);
  f[0] = s.bm25 / bmNorm;
  f[1] = s.bm25Max > 0 ? s.bm25 / s.bm25Max : 0;
  f[2] = s.bm25Claim / bmNorm;
  f[3] = s.bm25Title / bmNorm;
  f[4] = 1 / (1 + s.rank);
  f[5] = coverage(q.uniqueTerms, q.uniqueIdf, doc.unique);
  f[6] = coverage(claim.uniqueTerms, claim.uniqueIdf, q.unique);
  f[7] = coverage(title.uniqueTerms, title.uniqueIdf, q.unique);
  f[8] = overlapShare(claim.bigrams, q.bigrams);
  f[9] = overlapShare(title.bigrams, q.bigrams);
  let shared = 0;
  for (const n of doc.numbers) if (q.numbers.has(n)) shared++;
  f[10] = shared > 0 ? 1 : 0;
  f[11] = doc.numbers.size > 0 && q.numbers.size > 0 && shared === 0 ? 1 : 0;
  f[12] = coverage(doc.properTerms, doc.properIdf, q.unique);
  f[13] = q.vector && claim.vector ? dot(q.vector, claim.vector) : 0;
  f[14] = q.vector && title.vector ? dot(q.vector, title.vector) : 0;
  return f;
}

/** idf-weighted share of the terms (with their idfs) that appear in `within`; 0 for no terms. */
function coverage(terms: readonly string[], idfs: Float64Array, within: ReadonlySet<string>): number {
  let all = 0;
  let hit = 0;
  for (let i = 0; i < terms.length; i++) {
    const w = idfs[i]!;
    all += w;
    if (within.has(terms[i]!)) hit += w;
  }
  return all > 0 ? hit / all : 0;
}

function overlapShare(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / a.size;
}
