/**
 * How often a span's text occurs in its document (the span classifier's `reps=` feature). Searching the
 * whole lower-cased document once per candidate span was a large share of the span features' cost; here
 * the positions of each character trigram of the text are chained once per document, and a search visits
 * only the positions where the needle's first trigram can start.
 */

interface TrigramChains {
  readonly text: string;
  readonly mask: number;
  /** First position (ascending chains) of each trigram hash bucket; -1: none. */
  readonly head: Int32Array;
  /** Next position with the same bucket; -1: none. */
  readonly next: Int32Array;
}

let last: TrigramChains | undefined;

function trigramHash(text: string, at: number): number {
  return (text.charCodeAt(at) * 961 + text.charCodeAt(at + 1) * 31 + text.charCodeAt(at + 2)) | 0;
}

function chainsOf(text: string): TrigramChains {
  if (last?.text === text) return last;
  let buckets = 256;
  while (buckets < text.length && buckets < 1 << 16) buckets *= 2;
  const mask = buckets - 1;
  const head = new Int32Array(buckets).fill(-1);
  const next = new Int32Array(Math.max(0, text.length));
  // Walk backwards so that each chain lists its positions in ascending order.
  for (let p = text.length - 3; p >= 0; p--) {
    const h = trigramHash(text, p) & mask;
    next[p] = head[h] as number;
    head[h] = p;
  }
  last = { text, mask, head, next };
  return last;
}

/**
 * The number of non-overlapping occurrences of `needle` in `text`, counting from the start and stopping at
 * `max`: the count of `for (at = text.indexOf(needle); at >= 0 && n < max; at = text.indexOf(needle, at + needle.length)) n++`.
 */
export function countOccurrences(text: string, needle: string, max: number): number {
  if (needle.length < 3) {
    let n = 0;
    for (let at = text.indexOf(needle); at >= 0 && n < max; at = text.indexOf(needle, at + needle.length)) n++;
    return n;
  }
  const { mask, head, next } = chainsOf(text);
  let n = 0;
  let from = 0;
  // Every occurrence starts at a position of the needle's first trigram's bucket (collisions are checked).
  for (let p = head[trigramHash(needle, 0) & mask] as number; p >= 0 && n < max; p = next[p] as number) {
    if (p < from || !text.startsWith(needle, p)) continue;
    n++;
    from = p + needle.length;
  }
  return n;
}
