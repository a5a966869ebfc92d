/**
 * How telling a word is, from its place in the word-vector table's frequency order (src/models/vectors:
 * the 40,000 most frequent words of a large English web corpus first). `ln(rank + 2)`: "the" ≈ 0.7,
 * "american" 4.8, "weapon" 8.2, a word outside the common 40,000 ("coronavirus", a name) 10.6. Used to
 * weigh a watch entry's or countered claim's words, so that a sentence lacking the one rare word of a
 * claim does not count as repeating it.
 */
import { loadWordVectors, type WordVectors } from '../models/vectors/word-vectors.js';

/** Ranks past the table's frequency-ordered part (its last rows are corpus words in no frequency order). */
const COMMON_WORDS = 40_000;
const RAREST = Math.log(COMMON_WORDS + 2);

let table: WordVectors | null | undefined;

function vectors(): WordVectors | null {
  if (table === undefined) {
    try {
      table = loadWordVectors();
    } catch {
      // Without the table every word weighs the same: matching falls back to counting words.
      table = null;
    }
  }
  return table;
}

/** The word's weight (a lower-cased word as written, not a stem); equal weights when the table is missing. */
export function wordRarity(word: string): number {
  const v = vectors();
  if (!v) return 1;
  const rank = v.indexOf(word);
  return rank < 0 || rank >= COMMON_WORDS ? RAREST : Math.log(rank + 2);
}
