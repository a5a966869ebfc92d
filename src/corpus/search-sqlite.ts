/**
 * The SQLite plan of corpus search. Every condition — the full-text match and each filter — is read as a
 * sorted id set from its own index (FTS5, documents_outlet, documents_published, document_techniques ...),
 * the sets are intersected in memory (id-set.ts), and only the page of hits is then fetched.
 * SQLite's own plan for "full-text match AND filter" copies every match into a temporary B-tree first,
 * which at 100,000 documents cost 100–200 ms for a common word; this plan costs ~0.3 µs per id read.
 */
import { entityNameKey } from '../store/casefold.js';
import { parseQuery } from './fulltext.js';
import { contains, difference, intersectAll, parseIdList } from './id-set.js';
import { rankPhrase } from './phrase-rank.js';
import type { SearchQuery, SearchResult } from './search.js';
import { inclusiveUpperBound } from './date-bound.js';
import { firstAtLeast } from '../core/lower-bound.js';

export type ReadColumn = (query: string, params: readonly unknown[]) => unknown[];
export type ReadRows = (query: string, params: readonly unknown[]) => unknown[][];

export interface SqlitePlan {
  /** Every matching document id, ascending (= ingest order). */
  readonly matched: Int32Array;
  /** Matches of the words alone, before filters (null without a text query). */
  readonly textMatches: number | null;
  readonly order: SearchResult['order'];
  /** The requested page, in order. */
  readonly page: readonly { readonly id: number; readonly score: number | null }[];
}

const sqlList = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** The sorted, distinct ids a one-column query returns (read as one `group_concat` string). */
function ids(read: ReadColumn, query: string, params: readonly unknown[]): Int32Array {
  return parseIdList(read(`WITH ids(x) AS (${query}) SELECT group_concat(x) FROM ids`, params)[0] as string | null);
}

/** The id sets a query's filters require (`include`) and exclude. */
function filterSets(read: ReadColumn, q: SearchQuery): { include: Int32Array[]; exclude: Int32Array[] } {
  const include: Int32Array[] = [];
  const exclude: Int32Array[] = [];
  if (q.outlets?.length) {
    include.push(ids(read, `SELECT documents.id FROM documents INDEXED BY documents_outlet WHERE outlet_id IN (SELECT id FROM outlets WHERE name IN (${sqlList(q.outlets.length)}))`, q.outlets));
  }
  if (q.from || q.to) {
    const { where, bounds } = dateWhere(dateBounds(q));
    include.push(ids(read, `SELECT id FROM documents INDEXED BY documents_published WHERE ${where}`, bounds));
  }
  if (q.languages?.length) include.push(ids(read, `SELECT id FROM documents INDEXED BY documents_language WHERE language IN (${sqlList(q.languages.length)})`, q.languages));
  if (q.techniques?.length) include.push(ids(read, `SELECT document_id FROM document_techniques WHERE technique IN (${sqlList(q.techniques.length)})`, q.techniques));
  if (q.narratives?.length) {
    // A label, or a coarse label whose fine labels start with "label:" (';' sorts right after ':').
    const where = q.narratives.map(() => '(label = ? OR (label >= ? AND label < ?))').join(' OR ');
    include.push(ids(read, `SELECT document_id FROM narratives WHERE ${where}`, q.narratives.flatMap((n) => [n, `${n}:`, `${n};`])));
  }
  if (q.entities?.length) {
    include.push(ids(read, `SELECT document_id FROM entities WHERE name_key IN (${sqlList(q.entities.length)})`, q.entities.map(entityNameKey)));
  }
  if (q.hasLedger !== undefined) (q.hasLedger ? include : exclude).push(ids(read, 'SELECT DISTINCT document_id FROM ledger_items', []));
  return { include, exclude };
}

export function planSqliteSearch(
  read: ReadColumn,
  readRows: ReadRows,
  q: SearchQuery,
  fts5: string | null,
  page: { limit: number; offset: number },
  rankWindow: number,
): SqlitePlan {
  const { include, exclude } = filterSets(read, q);
  const text = fts5 ? ids(read, 'SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?', [fts5]) : null;
  const sets = text ? [text, ...include] : include;
  // With no positive condition every document is a candidate (the language index holds every id).
  let matched = sets.length ? intersectAll(sets) : ids(read, 'SELECT id FROM documents INDEXED BY documents_language', []);
  for (const e of exclude) matched = difference(matched, e);
  const end = page.offset + page.limit;
  if (!text || !fts5) return { matched, textMatches: null, order: 'date', page: byDate(read, readRows, matched, page.offset, end, dateBounds(q)) };
  // BM25 over the most recent `rankWindow` matches of the words (all of them when there are fewer): FTS5
  // scores ≈2 µs per match for a word and several times that for a phrase, so ranking every match of a
  // common word would cost more than the rest of the search together. Scores are sorted here: FTS5's
  // ORDER BY rank sorts twice as slowly.
  const windowStart = text.length > rankWindow ? (text[text.length - rankWindow] as number) : 0;
  const ranked = rankWindowMatches(read, readRows, q, fts5, text, matched, windowStart, include.length > 0 || exclude.length > 0);
  ranked.sort((a, b) => b.score - a.score || b.id - a.id);
  const hits: { id: number; score: number | null }[] = ranked;
  // Matches older than the window follow, most recent first.
  for (let i = firstAtLeast(matched, windowStart) - 1; i >= 0 && hits.length < end; i--) hits.push({ id: matched[i] as number, score: null });
  return { matched, textMatches: text.length, order: windowStart > 0 ? 'relevance-recent' : 'relevance', page: hits.slice(page.offset, end) };
}

/**
 * BM25 scores of the matches from `windowStart` on. A query that is one quoted phrase is scored by
 * phrase-rank.ts (same formula, without FTS5's second pass over the phrase); anything else by FTS5's bm25().
 */
function rankWindowMatches(read: ReadColumn, readRows: ReadRows, q: SearchQuery, fts5: string, text: Int32Array, matched: Int32Array, windowStart: number, filtered: boolean): { id: number; score: number }[] {
  const terms = parseQuery(q.text ?? '');
  const only = terms.length === 1 ? terms[0] : undefined;
  if (only?.phrase && !only.not) return rankPhrase(read, readRows, only.text.split(' '), matched.subarray(firstAtLeast(matched, windowStart)), text.length);
  const scored = readRows('SELECT rowid, -bm25(documents_fts) FROM documents_fts WHERE documents_fts MATCH ? AND rowid >= ?', [fts5, windowStart]);
  const ranked: { id: number; score: number }[] = [];
  for (const [id, score] of scored) if (!filtered || contains(matched, Number(id))) ranked.push({ id: Number(id), score: Number(score) });
  return ranked;
}

/** The query's publication-date range as index bounds (a bare end date, month or year covers all of it). */
function dateBounds(q: SearchQuery): { from: string | null; to: string | null } {
  return { from: q.from ?? null, to: q.to ? inclusiveUpperBound(q.to) : null };
}

/** The SQL condition on `published_at` for date bounds ('' without any) and its parameters. */
function dateWhere(dates: { from: string | null; to: string | null }): { where: string; bounds: string[] } {
  const where = [dates.from ? 'published_at >= ?' : null, dates.to ? 'published_at <= ?' : null].filter(Boolean).join(' AND ');
  return { where, bounds: [dates.from, dates.to].filter((x): x is string => !!x) };
}

/**
 * Newest publication date first (undated last), then newest id: the page [from, to) of `matched`, which
 * must hold only documents within `dates`. Up to `tuning.sortLimit` matches are sorted in memory; the
 * index walk reads at least `tuning.minRead` rows at first (tests make both small).
 */
export function byDate(
  read: ReadColumn,
  readRows: ReadRows,
  matched: Int32Array,
  from: number,
  to: number,
  dates: { from: string | null; to: string | null },
  tuning = { sortLimit: 1000, minRead: 100 },
): { id: number; score: null }[] {
  if (from >= matched.length) return [];
  if (matched.length <= tuning.sortLimit) {
    // Few matches: their dates by primary key, sorted here.
    const rows = readRows('SELECT id, published_at FROM documents WHERE id IN (SELECT value FROM json_each(?))', [JSON.stringify(Array.from(matched))]);
    rows.sort((a, b) => compareDesc(a[1] as string | null, b[1] as string | null) || Number(b[0]) - Number(a[0]));
    return rows.slice(from, to).map((r) => ({ id: Number(r[0]), score: null }));
  }
  // Many matches: walk the date index from the newest end (or from the query's end date), reading about
  // twice the rows the page needs at the set's density, then eight times more each time that was not
  // enough — matches bunched in the past (an old date range) cost a few reads, not one read of everything.
  // Undated documents sort last, so the walk only leaves them out when the query has a date range.
  const { where, bounds } = dateWhere(dates);
  const query = `SELECT id FROM documents INDEXED BY documents_published ${where ? `WHERE ${where}` : ''} ORDER BY published_at DESC, id DESC LIMIT ?`;
  const total = Number(read('SELECT max(id) FROM documents', [])[0] ?? 0) || 1;
  for (let limit = Math.ceil((to * total * 2) / matched.length) + tuning.minRead; ; limit *= 8) {
    const ids = read(query, [...bounds, limit]);
    const out: { id: number; score: null }[] = [];
    let rank = 0;
    for (const id of ids) {
      if (!contains(matched, Number(id))) continue;
      if (rank++ >= from) out.push({ id: Number(id), score: null });
      if (rank >= to) return out;
    }
    if (ids.length < limit) return out;
  }
}

function compareDesc(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}
