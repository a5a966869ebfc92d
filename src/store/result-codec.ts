/**
 * How a stored analysis result is kept: its JSON (DESIGN.md §3, without the document text) compressed with
 * Brotli at quality 1. A news article's result is ~80 KB of JSON — fourteen times its text — and was two
 * thirds of a SQLite store's size; compressed it is ~12 KB (≈ 6.6× smaller), for ≈ 0.3 ms of CPU in the
 * analysing thread and ≈ 0.1 ms to read back. Quality 1 because compression runs once per analysed
 * document on the ingest path; higher qualities gain little (quality 4: ≈ 7.7×) for twice the time.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** Packs JSON given as a string or as its UTF-8 bytes (see `jsonBytes`); the same bytes either way. */
export function packResultJson(json: string | Uint8Array): Uint8Array {
  return brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: typeof json === 'string' ? Buffer.byteLength(json) : json.byteLength,
    },
  });
}

export function unpackResultJson(packed: Uint8Array): string {
  return brotliDecompressSync(packed).toString('utf8');
}

/**
 * JSON.stringify(value) as UTF-8 bytes, for `packResultJson`, without building the JSON as one string.
 * V8's JSON.stringify returns a result's ~76 K characters as a rope (a cons string, two-byte as soon as
 * one character is not Latin-1, e.g. a "≥" in a finding's evidence), and encoding it first flattens it into
 * a new ~150 KB string: stringify, flatten and encode took ≈ 1.0 ms of CPU per news article, ≈ 0.5 ms of it
 * the flattening and its garbage. Here each top-level field, and each element of a long array, is
 * stringified on its own (small strings) and written straight into one reused buffer: ≈ 0.7 ms, the same
 * bytes. `value` must be a plain object, as an AnalysisResult is (no toJSON at the top, string keys).
 * The returned bytes are a view of a buffer that the next call overwrites: use them at once.
 */
export function jsonBytes(value: object): Uint8Array {
  const w = writer;
  w.length = 0;
  let sep = '{';
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (Array.isArray(v) && v.length > 8) {
      w.put(`${sep}${JSON.stringify(key)}:[`);
      for (let i = 0; i < v.length; i++) {
        const s = JSON.stringify(v[i]);
        w.put(i === 0 ? (s ?? 'null') : `,${s ?? 'null'}`);
      }
      sep = '],';
      continue;
    }
    const s = JSON.stringify(v);
    // Like JSON.stringify: a field whose value has no JSON form (undefined, a function) is left out.
    if (s === undefined) continue;
    w.put(`${sep}${JSON.stringify(key)}:${s}`);
    sep = ',';
  }
  w.put(sep === '{' ? '{}' : sep === '],' ? ']}' : '}');
  return w.buf.subarray(0, w.length);
}

/** A growing byte buffer, kept between calls (one result at a time per thread). */
class ByteWriter {
  buf = Buffer.allocUnsafe(256 * 1024);
  length = 0;

  put(s: string): void {
    // At most 3 UTF-8 bytes per UTF-16 unit.
    if (this.length + 3 * s.length > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.length + 3 * s.length));
      this.buf.copy(grown, 0, 0, this.length);
      this.buf = grown;
    }
    this.length += this.buf.write(s, this.length, 'utf8');
  }
}

const writer = new ByteWriter();
