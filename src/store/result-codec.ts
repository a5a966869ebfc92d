/**
 * How a stored analysis result is kept: its JSON (DESIGN.md §3, without the document text) compressed with
 * Brotli at quality 1. A news article's result is ~80 KB of JSON — fourteen times its text — and was two
 * thirds of a SQLite store's size; compressed it is ~12 KB (≈ 6.6× smaller), for ≈ 0.3 ms of CPU in the
 * analysing thread and ≈ 0.1 ms to read back. Quality 1 because compression runs once per analysed
 * document on the ingest path; higher qualities gain little (quality 4: ≈ 7.7×) for twice the time.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

export function packResultJson(json: string): Uint8Array {
  return brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 1,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json),
    },
  });
}

export function unpackResultJson(packed: Uint8Array): string {
  return brotliDecompressSync(packed).toString('utf8');
}
