/**
 * MinHash signatures over word shingles, our own implementation (DESIGN.md §7: the npm package was slow and
 * imprecise). A document's shingles are its overlapping k-word sequences (lower-cased words of letters and
 * digits); each shingle is hashed once to 32 bits (FNV-1a per word, then mixed), and each of the
 * `numHashes` functions is `h_i(x) = mix(x XOR seed_i)` — a xor-multiply-xorshift bijection of 32-bit
 * integers — whose minimum over the shingles is signature slot i. The share of equal slots of two
 * signatures estimates the Jaccard similarity of their shingle sets (standard error √(J(1−J)/k)).
 */

export interface MinHashOptions {
  /** Signature length (default 128). */
  readonly numHashes?: number;
  /** Words per shingle (default 3). */
  readonly shingleSize?: number;
  /** Seed of the hash family (default 0x5eed); signatures are comparable only under the same options. */
  readonly seed?: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A strong 32-bit finaliser (murmur3 fmix32): every input bit affects every output bit. */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The 32-bit hashes of a text's word shingles (duplicates possible; MinHash ignores them). */
export function shingleHashes(text: string, k = 3): Uint32Array {
  const words: number[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) words.push(fnv1a(m[0]));
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

/** Exact Jaccard similarity of two texts' shingle sets (for evaluation and tests). */
export function shingleJaccard(a: string, b: string, k = 3): number {
  const sa = new Set(shingleHashes(a, k));
  const sb = new Set(shingleHashes(b, k));
  if (sa.size === 0 && sb.size === 0) return 1;
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

export class MinHasher {
  readonly numHashes: number;
  readonly shingleSize: number;
  private readonly seeds: Uint32Array;

  constructor(options: MinHashOptions = {}) {
    this.numHashes = options.numHashes ?? 128;
    this.shingleSize = options.shingleSize ?? 3;
    this.seeds = new Uint32Array(this.numHashes);
    let s = options.seed ?? 0x5eed;
    for (let i = 0; i < this.numHashes; i++) {
      s = fmix32(s + 0x9e3779b9);
      this.seeds[i] = s;
    }
  }

  /** Signature of a text; writes into `out` (length numHashes) when given. An empty text gives all 0xffffffff. */
  signature(text: string, out = new Uint32Array(this.numHashes)): Uint32Array {
    return this.signatureOf(shingleHashes(text, this.shingleSize), out);
  }

  signatureOf(shingles: Uint32Array, out = new Uint32Array(this.numHashes)): Uint32Array {
    const k = this.numHashes;
    const seeds = this.seeds;
    out.fill(0xffffffff);
    for (let s = 0; s < shingles.length; s++) {
      const x = shingles[s] as number;
      for (let i = 0; i < k; i++) {
        // xor-multiply-xorshift: a cheap bijection whose high bits depend on every bit of x ^ seed.
        let h = Math.imul(x ^ (seeds[i] as number), 0x85ebca6b);
        h ^= h >>> 15;
        h = Math.imul(h, 0xc2b2ae35) >>> 0;
        if (h < (out[i] as number)) out[i] = h;
      }
    }
    return out;
  }
}

/** Estimated Jaccard: share of equal slots of two signatures (at offsets in flat arrays). */
export function estimateJaccard(a: Uint32Array, b: Uint32Array, k = a.length, offA = 0, offB = 0): number {
  let eq = 0;
  for (let i = 0; i < k; i++) if (a[offA + i] === b[offB + i]) eq++;
  return eq / k;
}

/** Signature ↔ text column (base64 of little-endian uint32s). */
export function encodeSignature(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
}

export function decodeSignature(s: string, out?: Uint32Array): Uint32Array {
  const buf = Buffer.from(s, 'base64');
  const sig = out ?? new Uint32Array(buf.length / 4);
  for (let i = 0; i < sig.length; i++) sig[i] = buf.readUInt32LE(i * 4);
  return sig;
}
