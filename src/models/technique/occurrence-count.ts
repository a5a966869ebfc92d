/**
 * How often a span's text occurs in its document (the span classifier's `reps=` feature). Searching the
 * whole lower-cased document once per candidate span was a large share of the span features' cost; here
 * the positions of each character trigram of the text are chained once per document, and a search visits
 * only the positions of the needle's rarest trigram.
 *
 * The rarest trigram, not the first: in a long text of few distinct words every chain is long, and walking
 * the first trigram's chain for each of the thousands of candidate spans was quadratic (a 200,000-word
 * one-line article took 11 s, 900,000 words did not finish in 5 minutes). A document also has a budget of
 * chain positions to visit (BUDGET_PER_CHAR per character); no news article comes near it, and past it the
 * count is the number found so far, a lower bound, so that no text can make this stage quadratic.
 */

interface TrigramChains {
  readonly text: string;
  readonly mask: number;
  /** First position (ascending chains) of each trigram hash bucket; -1: none. */
  readonly head: Int32Array;
  /** Positions in each bucket (the chain's length). */
  readonly size: Int32Array;
  /** Next position with the same bucket; -1: none. */
  readonly next: Int32Array;
  /** Chain positions still to visit for this document. */
  budget: number;
  /** Chain positions visited for this document (for tests). */
  visited: number;
}

/** Chain positions a document may have visited per character of its text, over all its needles. */
export const BUDGET_PER_CHAR = 64;
/** And at least this many, so that short documents never reach the budget. */
const MIN_BUDGET = 1_000_000;
/** Most buckets: 2^20 (8 MB of tables), so that chains of a long text are not mostly collisions. */
const MAX_BUCKETS = 1 << 20;

let last: TrigramChains | undefined;

function trigramHash(text: string, at: number): number {
  return (text.charCodeAt(at) * 961 + text.charCodeAt(at + 1) * 31 + text.charCodeAt(at + 2)) | 0;
}

function chainsOf(text: string): TrigramChains {
  if (last?.text === text) return last;
  let buckets = 256;
  while (buckets < text.length && buckets < MAX_BUCKETS) buckets *= 2;
  const mask = buckets - 1;
  const head = new Int32Array(buckets).fill(-1);
  const size = new Int32Array(buckets);
  const next = new Int32Array(Math.max(0, text.length));
  // Walk backwards so that each chain lists its positions in ascending order.
  for (let p = text.length - 3; p >= 0; p--) {
    const h = trigramHash(text, p) & mask;
    next[p] = head[h] as number;
    head[h] = p;
    size[h] = (size[h] as number) + 1;
  }
  last = { text, mask, head, size, next, budget: Math.max(MIN_BUDGET, BUDGET_PER_CHAR * text.length), visited: 0 };
  return last;
}

/**
 * The number of non-overlapping occurrences of `needle` in `text`, counting from the start and stopping at
 * `max`: the count of `for (at = text.indexOf(needle); at >= 0 && n < max; at = text.indexOf(needle, at + needle.length)) n++`
 * (within the document's budget; see above).
 */
export function countOccurrences(text: string, needle: string, max: number): number {
  if (needle.length < 3) {
    let n = 0;
    for (let at = text.indexOf(needle); at >= 0 && n < max; at = text.indexOf(needle, at + needle.length)) n++;
    return n;
  }
  const chains = chainsOf(text);
  const { mask, head, size, next } = chains;
  // Every occurrence has the needle's rarest trigram at its offset `k` (collisions are checked).
  let k = 0;
  let best = Infinity;
  for (let i = 0; i + 3 <= needle.length && best > 0; i++) {
    const s = size[trigramHash(needle, i) & mask] as number;
    if (s < best) {
      best = s;
      k = i;
    }
  }
  let n = 0;
  let from = 0;
  let visits = 0;
  for (let p = head[trigramHash(needle, k) & mask] as number; p >= 0 && n < max; p = next[p] as number) {
    if (++visits > chains.budget) break;
    const at = p - k;
    if (at < from || !text.startsWith(needle, at)) continue;
    n++;
    from = at + needle.length;
  }
  chains.budget -= Math.min(visits, chains.budget);
  chains.visited += visits;
  return n;
}

/** Chain positions visited since the chains of `text` were built (0 for another text): for tests. */
export function visitedPositions(text: string): number {
  return last?.text === text ? last.visited : 0;
}
