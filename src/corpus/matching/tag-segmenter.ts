/**
 * Splits run-together hashtags and handles into words: "#tentcity" → tent city, "#texaschurchshooting" →
 * texas church shooting, "@realdonaldtrump" → real donald trump. CamelCase tags are split by the tokeniser
 * already; lower-case (or all-capitals) ones are not, and as one word they match no fact-check. The split is the most probable sequence of words under a
 * unigram model of the library's own words (claims and titles), found by dynamic programming; a tag that is
 * itself a library word, or that cannot be covered by library words, is left whole. No outside word list:
 * the library decides.
 */
const WORD_RE = /\p{L}+/gu;
/** Longest piece considered (letters). */
const MAX_PIECE = 20;
/** Shortest tag worth splitting. */
const MIN_TAG = 6;

export class TagSegmenter {
  private readonly counts = new Map<string, number>();
  private total = 0;

  constructor(texts: Iterable<string>) {
    for (const text of texts) {
      // In NFKC form, as the tokeniser hands tags to split: a full-width word of the library is its plain word.
      // eslint-disable-next-line no-control-regex
      const plain = /[^\u0000-\u007f]/u.test(text) ? text.normalize('NFKC') : text;
      for (const m of plain.toLowerCase().matchAll(WORD_RE)) {
        this.counts.set(m[0], (this.counts.get(m[0]) ?? 0) + 1);
        this.total++;
      }
    }
  }

  /** The words of a run-together tag (as contiguous pieces of it), or null to keep it whole. */
  split(tag: string): string[] | null {
    const s = tag.toLowerCase();
    if (s.length < MIN_TAG || s.length !== tag.length || !/^\p{L}+$/u.test(s) || this.counts.has(s))
      return null;
    const n = s.length;
    const best = new Float64Array(n + 1).fill(Infinity);
    const back = new Int32Array(n + 1).fill(-1);
    best[0] = 0;
    for (let i = 1; i <= n; i++) {
      for (let j = Math.max(0, i - MAX_PIECE); j < i; j++) {
        if (best[j] === Infinity) continue;
        const piece = s.slice(j, i);
        // Single letters only as the words "a" and "i" (else "tentcity" could become t-e-n-t...).
        if (piece.length === 1 && piece !== 'a' && piece !== 'i') continue;
        const count = this.counts.get(piece);
        if (count === undefined) continue;
        const cost = best[j]! + Math.log(this.total / count);
        if (cost < best[i]!) {
          best[i] = cost;
          back[i] = j;
        }
      }
    }
    if (best[n] === Infinity) return null;
    const pieces: string[] = [];
    for (let i = n; i > 0; i = back[i]!) pieces.unshift(tag.slice(back[i]!, i));
    return pieces.length > 1 ? pieces : null;
  }
}
