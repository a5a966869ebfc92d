/**
 * Word clusters and span vectors for the technique classifier, both read from the shared word-vector table
 * (`models/vectors/words.bin`).
 *
 * - Clusters: the most frequent words of the table (its first rows) are grouped by spherical k-means over
 *   their unit vectors (built once per training run by `bench/technique/word-clusters.ts`, label-free); the
 *   artefact stores one cluster number per row, so a span token adds the feature `wc=<cluster>` and words
 *   seen rarely in training share weight with their neighbours ("scum", "vermin", "thugs").
 * - Span vector: the mean unit vector of the span's tokens and of the tokens around it, the input of the
 *   small dense softmax model (`dense.ts`) whose logits are added to the sparse classifier's.
 */
import type { Token } from '../../core/segment/types.js';
import type { WordVectors } from '../vectors/word-vectors.js';
import type { FeatureDoc } from './features.js';
import { taggerWordIds } from './fast-tagger.js';

export interface WordClusterArtefact {
  /** Number of clusters. */
  readonly k: number;
  /** k-means iterations used to build the table (provenance). */
  readonly iterations: number;
  /** Word count of the vector table the rows refer to (checked at load). */
  readonly vectorWords: number;
  /** Rows covered: the first `rows` rows of the vector table (the most frequent words). */
  readonly rows: number;
  /** Cluster of each covered row: a little-endian Uint16Array in base64. */
  readonly table: string;
}

export interface WordClusters {
  readonly vectors: WordVectors;
  readonly k: number;
  /** Cluster of row r (r < table.length). */
  readonly table: Uint16Array;
}

export function saveWordClusters(table: Uint16Array, k: number, iterations: number, vectorWords: number): WordClusterArtefact {
  return { k, iterations, vectorWords, rows: table.length, table: Buffer.from(table.buffer, table.byteOffset, table.byteLength).toString('base64') };
}

export function loadWordClusters(a: WordClusterArtefact, vectors: WordVectors): WordClusters {
  if (a.vectorWords !== vectors.size) {
    throw new Error(
      `technique model: its word-cluster table was built for a word-vector table of ${a.vectorWords} words, but words.bin has ${vectors.size}; rebuild the model with \`npm run train technique\``,
    );
  }
  const bytes = Buffer.from(a.table, 'base64');
  if (bytes.byteLength !== a.rows * 2) throw new Error(`technique model: word-cluster table has ${bytes.byteLength} bytes for ${a.rows} rows`);
  const table = new Uint16Array(a.rows);
  for (let r = 0; r < a.rows; r++) table[r] = bytes.readUInt16LE(r * 2);
  for (let r = 0; r < a.rows; r++) if ((table[r] as number) >= a.k) throw new Error(`technique model: word-cluster ${table[r]} out of range (${a.k} clusters)`);
  return { vectors, k: a.k, table };
}

/** Cluster of a row of the vector table, or -1 (unknown word or a row past the clustered ones). */
export function clusterOfRow(c: WordClusters, row: number): number {
  return row >= 0 && row < c.table.length ? (c.table[row] as number) : -1;
}

/** Cluster of a word (its token normal form), or -1: the readable reference path. */
export function clusterOfWord(c: WordClusters, word: string): number {
  return clusterOfRow(c, c.vectors.indexOf(word));
}

export interface TokenRows {
  readonly vectors: WordVectors;
  readonly rows: Int32Array;
  /** The tagger's word id of each token and the vector row of each tagger word (see `taggerWordIds`). */
  readonly wid: Int32Array | null;
  readonly rowOfWid: Int32Array | null;
}

const rowCache = new WeakMap<FeatureDoc, TokenRows>();
const rowsOfVocab = new WeakMap<ReadonlyMap<string, number>, { vectors: WordVectors; rows: Int32Array }>();

/** Vector row of each word of a tagger vocabulary (-1: none), computed once per vocabulary. */
function vocabRows(vocab: ReadonlyMap<string, number>, vectors: WordVectors): Int32Array {
  let e = rowsOfVocab.get(vocab);
  if (!e || e.vectors !== vectors) {
    e = { vectors, rows: Int32Array.from(vocab.keys(), (w) => vectors.indexOf(w)) };
    rowsOfVocab.set(vocab, e);
  }
  return e.rows;
}

/**
 * Row in the vector table of each token's normal form (-1: not in the table), per document, looked up as
 * spans reach the token (-2: not yet), so overlapping spans and their context look each token up once;
 * through the tagger's word ids when it has run on the document (an integer table), else by the word.
 */
export function tokenRows(vectors: WordVectors, fd: FeatureDoc): TokenRows {
  let e = rowCache.get(fd);
  if (!e || e.vectors !== vectors) {
    const tagged = taggerWordIds(fd);
    e = { vectors, rows: new Int32Array(fd.tokens.length).fill(-2), wid: tagged ? tagged.wid : null, rowOfWid: tagged ? vocabRows(tagged.vocab, vectors) : null };
    rowCache.set(fd, e);
  }
  return e;
}

/** Row of token k (see `tokenRows`). */
export function tokenRow(e: TokenRows, fd: FeatureDoc, k: number): number {
  let r = e.rows[k] as number;
  if (r === -2) {
    const w = e.wid ? (e.wid[k] as number) : -1;
    e.rows[k] = r = w >= 0 ? ((e.rowOfWid as Int32Array)[w] as number) : e.vectors.indexOf((fd.tokens[k] as Token).normal);
  }
  return r;
}

/**
 * The span vector of tokens [a, b): mean unit vector of the span's known tokens, mean unit vector of the
 * known tokens among the `context` tokens before and after it, and a constant 1 (2 × dims + 1 values).
 */
export function spanVector(vectors: WordVectors, fd: FeatureDoc, a: number, b: number, context: number): Float64Array {
  const D = vectors.dims;
  const x = new Float64Array(2 * D + 1);
  x[2 * D] = 1;
  const rows = tokenRows(vectors, fd);
  const n = fd.tokens.length;
  let inside = 0;
  for (let k = a; k < b; k++) {
    const r = tokenRow(rows, fd, k);
    if (r < 0) continue;
    const u = vectors.unitRow(r);
    for (let j = 0; j < D; j++) x[j] = (x[j] as number) + (u[j] as number);
    inside++;
  }
  let around = 0;
  const lo = Math.max(0, a - context);
  const hi = Math.min(n, b + context);
  const addAround = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      const r = tokenRow(rows, fd, k);
      if (r < 0) continue;
      const u = vectors.unitRow(r);
      for (let j = 0; j < D; j++) x[D + j] = (x[D + j] as number) + (u[j] as number);
      around++;
    }
  };
  addAround(lo, a);
  addAround(Math.max(a, b), hi);
  if (inside) for (let j = 0; j < D; j++) x[j] = (x[j] as number) / inside;
  if (around) for (let j = 0; j < D; j++) x[D + j] = (x[D + j] as number) / around;
  return x;
}

/**
 * For the span tagger: given a document, the cluster of its token k (-1: none), through `tokenRow`. The tagger
 * calls it once its word ids are set, so known words find their row through an integer table.
 */
export function tokenClusters(c: WordClusters): (fd: FeatureDoc) => (k: number) => number {
  return (fd) => {
    const e = tokenRows(c.vectors, fd);
    return (k) => clusterOfRow(c, tokenRow(e, fd, k));
  };
}
