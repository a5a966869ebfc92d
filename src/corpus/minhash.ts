/**
 * MinHash signatures over word shingles, our own implementation (DESIGN.md §7: the npm package was slow and
 * imprecise). A document's shingles are its overlapping k-word sequences (lower-cased words of letters and
 * digits); each shingle is hashed once to 32 bits (FNV-1a per word, then mixed), and the signature is
 * built by one-permutation hashing with densification (see `signatureOf`). The share of equal slots of
 * two signatures estimates the Jaccard similarity of their shingle sets (standard error ≈ √(J(1−J)/k)).
 */
import { wordCharLength } from './word-chars.js';

export interface MinHashOptions {
  /** Signature length (default 128). */
  readonly numHashes?: number;
  /** Words per shingle (default 3). */
  readonly shingleSize?: number;
  /** Seed of the hash family (default 0x5eed); signatures are comparable only under the same options. */
  readonly seed?: number;
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

/**
 * FNV-1a (32-bit, over UTF-16 units) of each word of a lower-cased text, in order: the hashes that the
 * matches of /[\p{L}\p{N}]+/gu gave before, by a scan that hashes the words in place (no match objects,
 * no substrings; this runs on every ingested document).
 */
function wordHashes(lower: string): number[] {
  const out: number[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    let len = wordCharLength(lower, i);
    if (len === 0) {
      i++;
      continue;
    }
    let h = 0x811c9dc5;
    do {
      for (let j = 0; j < len; j++) {
        h ^= lower.charCodeAt(i + j);
        h = Math.imul(h, 0x01000193);
      }
      i += len;
      len = i < n ? wordCharLength(lower, i) : 0;
    } while (len > 0);
    out.push(h >>> 0);
  }
  return out;
}

/** The 32-bit hashes of a text's word shingles (duplicates possible; MinHash ignores them). */
export function shingleHashes(text: string, k = 3): Uint32Array {
  const words = wordHashes(text.toLowerCase());
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
  private readonly salt: number;
  private readonly bits: number;

  constructor(options: MinHashOptions = {}) {
    this.numHashes = options.numHashes ?? 128;
    this.shingleSize = options.shingleSize ?? 3;
    this.bits = Math.log2(this.numHashes);
    if (!Number.isInteger(this.bits) || this.bits < 1 || this.bits > 16) throw new Error(`numHashes must be a power of two from 2 to 65536, got ${this.numHashes}`);
    this.salt = fmix32(options.seed ?? 0x5eed);
  }

  /** Signature of a text; writes into `out` (length numHashes) when given. An empty text gives all 0xffffffff. */
  signature(text: string, out = new Uint32Array(this.numHashes)): Uint32Array {
    return this.signatureOf(shingleHashes(text, this.shingleSize), out);
  }

  /**
   * One-permutation hashing with optimal densification (Shrivastava, ICML 2017): each shingle goes to one
   * of k bins by the top bits of its salted hash and the bin keeps the minimum of an independent hash;
   * an empty bin borrows the value of the first non-empty bin on its own pseudo-random probe sequence.
   * One hash per shingle instead of k — the same estimator of Jaccard, k times cheaper.
   */
  signatureOf(shingles: Uint32Array, out = new Uint32Array(this.numHashes)): Uint32Array {
    const k = this.numHashes;
    const shift = 32 - this.bits;
    const salt = this.salt;
    out.fill(0xffffffff);
    if (shingles.length === 0) return out;
    const filled = new Uint8Array(k);
    for (let s = 0; s < shingles.length; s++) {
      const h = fmix32((shingles[s] as number) ^ salt);
      const bin = h >>> shift;
      const v = fmix32(h + 0x7f4a7c15);
      filled[bin] = 1;
      if (v < (out[bin] as number)) out[bin] = v;
    }
    for (let i = 0; i < k; i++) {
      if (filled[i]) continue;
      for (let attempt = 1; ; attempt++) {
        const j = fmix32(Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(attempt, 0x85ebca6b) ^ salt) >>> shift;
        if (filled[j]) {
          out[i] = out[j] as number;
          break;
        }
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
