/**
 * BM25 of a one-phrase query ("western media"), computed here with exactly the formula and statistics of
 * FTS5's bm25(): FTS5 re-runs the whole phrase query inside bm25() to count the documents holding the
 * phrase (its IDF), which doubles the cost of the slowest search class — phrases of two common words, whose
 * positions must be checked in almost every document. The caller already knows that count (it read the
 * phrase's matches), so only the term frequencies of the documents being ranked are needed: they are
 * counted in their stored text, and document lengths come from FTS5's own docsize table.
 *
 * FTS5 bm25 (sqlite/ext/fts5/fts5_aux.c), k1 = 1.2, b = 0.75, column weights 1:
 *   idf = ln((N − n + 0.5) / (n + 0.5)), 1e-6 when ≤ 0;  score = idf · tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl))
 * with N and the total token count from the index's averages record, dl the document's tokens in all
 * columns, tf the phrase's instances (overlapping ones too) in all columns.
 */
import type { ReadColumn, ReadRows } from './search-sqlite.js';

const K1 = 1.2;
const B = 0.75;
/** FTS5 unicode61 token characters: letters, numbers, private use. */
const TOKEN = '\\p{L}\\p{N}\\p{Co}';

/** FTS5's varints (SQLite's format: big-endian 7-bit groups, the 9th byte whole). */
function readVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    let v = 0;
    for (let k = 0; k < 9 && i < bytes.length; k++) {
      const b = bytes[i++] as number;
      if (k === 8) {
        v = v * 256 + b;
        break;
      }
      v = v * 128 + (b & 0x7f);
      if (!(b & 0x80)) break;
    }
    out.push(v);
  }
  return out;
}

/** Lower case, and "é" folded to "e" as remove_diacritics 2 folds it: stored text and query words alike. */
function fold(text: string): string {
  const lower = text.toLowerCase();
  // eslint-disable-next-line no-control-regex -- the test is "any non-ASCII character"
  return /[^\u0000-\u007f]/u.test(lower) ? lower.normalize('NFD').replace(/\p{M}+/gu, '') : lower;
}

/** Counts the phrase's instances in a text, overlapping ones included ("a a" occurs twice in "a a a"). */
function phraseCounter(words: readonly string[]): (text: string | null) => number {
  const [first, ...rest] = words.map((w) => fold(w).replace(/[^\p{L}\p{N}\p{Co}]/gu, '')).filter((w) => w.length > 0);
  // Query words are letters and digits, so none folds to nothing; were one to, an empty pattern would match
  // everywhere without advancing.
  if (!first) return () => 0;
  // The first word found by a plain search (fast), the others checked right after it: each instance
  // starts at a different occurrence of the first word, so overlapping instances are all counted.
  const head = new RegExp(`(?<![${TOKEN}])${first}(?![${TOKEN}])`, 'gu');
  const tail = new RegExp(`${rest.map((w) => `[^${TOKEN}]+${w}`).join('')}(?![${TOKEN}])`, 'yu');
  return (text) => {
    if (!text) return 0;
    const folded = fold(text);
    head.lastIndex = 0;
    let n = 0;
    while (head.exec(folded)) {
      tail.lastIndex = head.lastIndex;
      if (tail.test(folded)) n++;
    }
    return n;
  };
}

/**
 * Scores of `ids` (documents holding the phrase) for the phrase `words`, which `matches` documents of the
 * index hold. Larger is better (FTS5's bm25() negated, as the rest of search uses it).
 */
export function rankPhrase(read: ReadColumn, readRows: ReadRows, words: readonly string[], ids: Int32Array, matches: number): { id: number; score: number }[] {
  if (!ids.length) return [];
  const totals = readVarints(read('SELECT block FROM documents_fts_data WHERE id = 1', [])[0] as Uint8Array);
  const rows = totals[0] ?? 0;
  const avgdl = totals.slice(1).reduce((a, b) => a + b, 0) / (rows || 1);
  const raw = Math.log((rows - matches + 0.5) / (matches + 0.5));
  const idf = raw <= 0 ? 1e-6 : raw;
  const count = phraseCounter(words);
  // Two primary-key reads: 25% cheaper than one join of documents and docsize.
  const list = [JSON.stringify(Array.from(ids))];
  const sizes = new Map(readRows('SELECT id, sz FROM documents_fts_docsize WHERE id IN (SELECT value FROM json_each(?))', list).map(([id, sz]) => [Number(id), sz as Uint8Array]));
  return readRows('SELECT id, title, text FROM documents WHERE id IN (SELECT value FROM json_each(?))', list).map(([id, title, text]) => {
    const tf = count(title as string | null) + count(text as string | null);
    const size = sizes.get(Number(id));
    const dl = size ? readVarints(size).reduce((a, b) => a + b, 0) : 0;
    const score = idf * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * dl) / avgdl)));
    return { id: Number(id), score };
  });
}
