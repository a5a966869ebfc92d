import { dot, type IdfFn, type PreparedText } from './prepared-text.js';
import type { QueryTrigrams, TrigramTable } from './trigrams.js';

/**
 * Features of a (query, fact-check) pair for the re-ranker. Each is cheap, bounded, and says something
 * BM25 alone does not: how much of the *fact-check* the query covers (tweets are long, claims short),
 * whether names and numbers agree, whether words in order agree (bigrams), and how close the meanings
 * are when the words differ (word vectors), whether the words agree letter by letter (character trigrams,
 * for run-together hashtags and spelling variants), and whether the fact-check names a year the tweet does
 * not. Names are stable: the model file refers to them.
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
  'bm25Body',
  'bm25Attribution',
  'yearMismatch',
  'trigramContainment',
  'trigramJaccard',
  'matchedShare',
  'maxSharedIdf',
  'logDocTerms',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface PairScores {
  readonly bm25: number;
  readonly bm25Max: number;
  readonly bm25Claim: number;
  readonly bm25Title: number;
  readonly rank: number;
  /** BM25 over claim + title of the query's body and of its attribution (see tweet-attribution.ts). */
  readonly bm25Body: number;
  readonly bm25Attribution: number;
}

/** What a query contributes to every pair: computed once per query by `queryContext`. */
export interface QueryContext {
  readonly q: PreparedText;
  readonly idfSum: number;
  /** Year-like numbers (1800–2099) anywhere in the query, attribution dates included. */
  readonly years: ReadonlySet<string>;
  /** The body's trigrams, marked in the library's table. */
  readonly trigrams: QueryTrigrams;
  readonly trigramTable: TrigramTable;
  /** The query's terms marked in the library's term ids (term-marks.ts): marks[id] === stamp. */
  readonly marks: Int32Array;
  readonly stamp: number;
}

/** The union of a fact-check's claim and title sets, computed once when the library is indexed. */
export interface DocUnion {
  readonly unique: ReadonlySet<string>;
  readonly numbers: ReadonlySet<string>;
  readonly properTerms: readonly string[];
  readonly properIdf: Float64Array;
  readonly years: ReadonlySet<string>;
  /** Distinct trigram ids of claim + title (see trigrams.ts). */
  readonly trigrams: Int32Array;
  readonly uniqueIdf: Float64Array;
  readonly uniqueTerms: readonly string[];
  /** Term ids (term-marks.ts) parallel to uniqueTerms, properTerms and the claim's and title's uniqueTerms. */
  readonly uniqueIds: Int32Array;
  readonly properIds: Int32Array;
  readonly claimIds: Int32Array;
  readonly titleIds: Int32Array;
}

export function queryContext(
  q: PreparedText,
  trigrams: QueryTrigrams,
  trigramTable: TrigramTable,
  marked: { readonly marks: Int32Array; readonly stamp: number },
): QueryContext {
  let idfSum = 0;
  for (const w of q.uniqueIdf) idfSum += w;
  return { q, idfSum, years: yearsOf(q.numbers), trigrams, trigramTable, ...marked };
}

export function docUnion(
  claim: PreparedText,
  title: PreparedText,
  idf: IdfFn,
  trigrams: Int32Array,
  intern: (terms: readonly string[]) => Int32Array,
): DocUnion {
  const properTerms = [...new Set([...claim.proper, ...title.proper])];
  const numbers = new Set([...claim.numbers, ...title.numbers]);
  const unique = new Set([...claim.unique, ...title.unique]);
  const uniqueTerms = [...unique];
  return {
    unique,
    numbers,
    properTerms,
    properIdf: Float64Array.from(properTerms, (t) => idf(t)),
    years: yearsOf(numbers),
    trigrams,
    uniqueTerms,
    uniqueIdf: Float64Array.from(uniqueTerms, (t) => idf(t)),
    uniqueIds: intern(uniqueTerms),
    properIds: intern(properTerms),
    claimIds: intern(claim.uniqueTerms),
    titleIds: intern(title.uniqueTerms),
  };
}

const YEAR_RE = /^(?:1[89]\d\d|20\d\d)$/u;

function yearsOf(numbers: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const n of numbers) if (YEAR_RE.test(n)) out.add(n);
  return out;
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
  const { marks, stamp } = ctx;
  f[6] = coverage(doc.claimIds, claim.uniqueIdf, marks, stamp);
  f[7] = coverage(doc.titleIds, title.uniqueIdf, marks, stamp);
  f[8] = overlapShare(claim.bigrams, q.bigrams);
  f[9] = overlapShare(title.bigrams, q.bigrams);
  let shared = 0;
  for (const n of doc.numbers) if (q.numbers.has(n)) shared++;
  f[10] = shared > 0 ? 1 : 0;
  f[11] = doc.numbers.size > 0 && q.numbers.size > 0 && shared === 0 ? 1 : 0;
  f[12] = coverage(doc.properIds, doc.properIdf, marks, stamp);
  f[13] = q.vector && claim.vector ? dot(q.vector, claim.vector) : 0;
  f[14] = q.vector && title.vector ? dot(q.vector, title.vector) : 0;
  f[15] = s.bm25Body / bmNorm;
  f[16] = s.bm25Attribution / bmNorm;
  // A fact-check about "the 2012 election" rarely matches a tweet that names no 2012.
  let yearShared = false;
  for (const y of doc.years) if (ctx.years.has(y)) yearShared = true;
  f[17] = doc.years.size > 0 && !yearShared ? 1 : 0;
  const sharedTrigrams = ctx.trigramTable.shared(ctx.trigrams, doc.trigrams);
  f[18] = doc.trigrams.length > 0 ? sharedTrigrams / doc.trigrams.length : 0;
  f[19] = sharedTrigrams / Math.max(doc.trigrams.length + ctx.trigrams.size - sharedTrigrams, 1);
  // One pass over the fact-check's distinct terms gives the shared terms, their idf mass (the query's
  // coverage: the idf of the query terms the fact-check has) and the highest idf among them.
  let matched = 0;
  let maxIdf = 0;
  let sharedIdf = 0;
  for (let i = 0; i < doc.uniqueIds.length; i++) {
    if (marks[doc.uniqueIds[i]!] !== stamp) continue;
    const w = doc.uniqueIdf[i]!;
    matched++;
    sharedIdf += w;
    if (w > maxIdf) maxIdf = w;
  }
  f[5] = ctx.idfSum > 0 ? sharedIdf / ctx.idfSum : 0;
  f[20] = doc.uniqueIds.length > 0 ? matched / doc.uniqueIds.length : 0;
  f[21] = maxIdf;
  f[22] = Math.log(1 + doc.uniqueTerms.length);
  return f;
}

/** idf-weighted share of the terms (ids with their idfs) that the query has; 0 for no terms. */
function coverage(ids: Int32Array, idfs: Float64Array, marks: Int32Array, stamp: number): number {
  let all = 0;
  let hit = 0;
  for (let i = 0; i < ids.length; i++) {
    const w = idfs[i]!;
    all += w;
    if (marks[ids[i]!] === stamp) hit += w;
  }
  return all > 0 ? hit / all : 0;
}

function overlapShare(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / a.size;
}
