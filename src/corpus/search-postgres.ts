/**
 * The PostgreSQL plan of corpus search (the SQL of its GIN path is portable, so tests also run it on a
 * SQLite store beside the id-set plan of search-sqlite.ts; the PostgreSQL-only parts are compared with
 * SQLite in test/corpus/search-postgres.test.ts).
 *
 * What costs time on PostgreSQL is reading a document's tsvector (detoasting it) and visiting the heap to
 * map a GIN match to its document id; anything that visits every match of a common word costs 0.2–0.8 s
 * at 100,000 documents (PostgreSQL 15 no longer skips all-visible pages in a bitmap scan). So:
 * - a probe of the newest documents measures how common the words are, and a cost model picks how to find
 *   them: walking the documents newest first (common words; one pass finds the ranking window's edge and
 *   scores it) or the GIN index (rarer ones);
 * - the window of the words alone is kept per newest document (windowCache), so the same words with other
 *   filters or pages only check its documents against the filters;
 * - at most `exactTotalLimit` + 1 matches are read, newest first, for the facets and the total; when there
 *   are more, the total is PostgreSQL's planner estimate (`totalExact: false`), one plan and no row;
 * - the facets and the estimate run while the page is ranked;
 * - a phrase's candidates come from the hashed adjacent word pairs (migration 0007), not from its words
 *   anywhere, and the filters are joined to them before any word position is checked.
 * The cost model is in search-postgres-cost.ts; measured figures and what did not work: docs/corpus.md.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Store } from '../store/open.js';
import { parseQuery, phrasePairsCondition, tsqueryExpression, type Term } from './fulltext.js';
import type { SearchResult } from './search.js';
import { ginCost, OLD_WALK, probe, walkCost, windowSpan, type Density } from './search-postgres-cost.js';

export interface JoinedPlanInput {
  /** The filters' conditions (not the words). */
  readonly filters: readonly Expression<SqlBool>[];
  /** The same, with those on the document row hidden from the planner's index choice (the GIN path's). */
  readonly ginFilters: readonly Expression<SqlBool>[];
  /** The words alone, and their relevance expression (null without a text query). */
  readonly words: RawBuilder<boolean> | null;
  readonly rank: RawBuilder<number> | null;
  /** PostgreSQL: the words' to_tsquery('simple', ...) text (null on SQLite). */
  readonly tsquery: string | null;
  /** The words with each phrase relaxed to all of its words (null when the query has no phrase): GIN's candidates. */
  readonly relaxedWords: RawBuilder<boolean> | null;
  /**
   * PostgreSQL: the phrases' hashed word pairs, a necessary condition (fulltext.ts phrasePairsCondition;
   * null without a phrase, with OR, or on SQLite). `words` already includes it; the GIN path also uses it
   * alone, to join the filters before any tsvector is read.
   */
  readonly phrasePairs?: RawBuilder<boolean> | null;
  readonly page: { readonly limit: number; readonly offset: number };
  readonly rankWindow: number;
  /** Facets count the `facetLimit` most recent matches. */
  readonly facetLimit: number;
  /** Totals up to this are counted; above it they are estimated, unless `exactTotal`. */
  readonly exactTotalLimit: number;
  readonly exactTotal: boolean;
  /** Tests: take this path for the words instead of the cost model's choice. */
  readonly path?: 'walk' | 'gin';
}

export interface JoinedPlan<F> {
  readonly total: number;
  readonly totalExact: boolean;
  readonly order: SearchResult['order'];
  readonly page: readonly { readonly id: number; readonly score: number | null }[];
  /** How many documents the facets were counted over. */
  readonly facetDocuments: number;
  readonly facets: F;
}

export type Page = { id: number; score: number | null }[];

/**
 * A PostgreSQL query's GIN candidates when it holds a phrase: each phrase relaxed to all of its words (the
 * index has no word positions). Null without a phrase, or on SQLite.
 */
export function relaxedMatch(store: Store, text: string): RawBuilder<boolean> | null {
  const terms = parseQuery(text);
  if (store.caps.fullText !== 'tsvector' || !terms.some((t) => t.phrase && !t.not)) return null;
  const relaxed = terms.flatMap((t): Term[] => (t.phrase && !t.not ? t.text.split(' ').map((w, i) => ({ text: w, phrase: false, not: false, or: i === 0 && t.or })) : [t]));
  const e = tsqueryExpression(relaxed);
  if (!e) return null;
  // With the hashed word pairs (migration 0007), GIN's candidates are the documents holding the phrases'
  // pairs: about the matches themselves, instead of every document holding the words anywhere.
  const pairs = phrasePairsCondition(terms);
  return pairs ? sql<boolean>`(${pairs} AND documents.tsv @@ to_tsquery('simple', ${e}))` : sql<boolean>`documents.tsv @@ to_tsquery('simple', ${e})`;
}

export function whereSql(conds: readonly Expression<SqlBool>[]): RawBuilder<unknown> {
  return conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
}

type Db = Store['db'];

/** One `matching` statement: the words, the filters, whether to score, and what follows the FROM clause. */
interface MatchQuery {
  readonly walk: boolean;
  /** Whether the query's filters apply (else the words alone), and the id range: `documents.id >= from` / `< below`. */
  readonly filtered: boolean;
  readonly range?: { readonly from?: number; readonly below?: number };
  readonly scored: boolean;
  /** Newest first, at most `limit` rows after skipping `offset`. */
  readonly newest?: { readonly limit: number; readonly offset?: number };
  /** A transaction of `within` (same path) to run in, instead of one of its own. */
  readonly db?: Db;
}

/**
 * Ids (and `score`s) of documents passing the filters and the words, by one of two paths. Walk: the
 * filters' documents (every document without filters) are read as ids first, newest first, and each one's
 * tsvector is tested in a LATERAL subquery, so that a document the filters exclude is never detoasted and
 * a LIMIT stops the walk. GIN: one WHERE clause, with index and sequential scans switched off for the
 * statement so that PostgreSQL takes the words from the GIN index (a bitmap) instead of walking the primary
 * key or reading every tsvector. Scores are computed on a detoasted copy of the tsvector (`tsv ||
 * ''::tsvector`): ts_rank on the stored value cost 20 µs a document where the copy and the test together
 * cost 7 µs (2,700 documents: 55 ms against 19 ms). No statement runs in parallel workers: their start
 * cost more than any of these statements saved. SQLite (tests) runs one portable statement.
 */
async function matching<R>(store: Store, input: JoinedPlanInput, m: MatchQuery): Promise<R[]> {
  const tail = m.newest ? sql`ORDER BY 1 DESC LIMIT ${m.newest.limit} OFFSET ${m.newest.offset ?? 0}` : sql``;
  const words = input.words as RawBuilder<boolean>;
  const filters = m.filtered ? input.filters : [];
  const range = [...(m.range?.from ? [sql<boolean>`documents.id >= ${m.range.from}`] : []), ...(m.range?.below ? [sql<boolean>`documents.id < ${m.range.below}`] : [])];
  if (store.caps.dialect !== 'postgres' || input.tsquery === null) {
    const columns = m.scored ? sql`, ${input.rank} AS score` : sql``;
    return (await sql<R>`SELECT documents.id AS id${columns} FROM documents ${whereSql([...filters, ...range, words])} ${tail}`.execute(store.db)).rows;
  }
  const q = sql`to_tsquery('simple', ${input.tsquery})`;
  let query: RawBuilder<R>;
  if (m.walk) {
    const test = m.scored
      ? sql`SELECT ts_rank(x.t, ${q}) AS score FROM (SELECT documents.tsv || ''::tsvector AS t FROM documents WHERE documents.id = f.id OFFSET 0) x WHERE x.t @@ ${q}`
      : sql`SELECT 1 AS one FROM documents WHERE documents.id = f.id AND ${words} OFFSET 0`;
    query = sql<R>`SELECT f.id AS id${m.scored ? sql`, w.score AS score` : sql``} FROM (SELECT documents.id AS id FROM documents ${whereSql([...filters, ...range])} ${m.newest ? sql`ORDER BY 1 DESC` : sql``}) f CROSS JOIN LATERAL (${test}) w ${tail}`;
  } else if (input.phrasePairs) {
    // A phrase: the word pairs' GIN candidates joined to the filters first (and sorted newest first when
    // only the newest matches are wanted), then the word positions checked on the tsvectors of those that
    // are left, until the LIMIT. In one WHERE clause PostgreSQL tests every candidate's tsvector in the
    // scan, before the join and the sort: `"ru zi"` with a technique filter read 12,440 tsvectors in
    // 40–60 ms to keep 1,004; the window's edge, all 12,440 to find the 2,000th newest.
    const inner = whereSql([...(m.filtered ? input.ginFilters : []), ...range, input.phrasePairs]);
    const order = m.newest ? sql`ORDER BY 1 DESC OFFSET 0` : sql`OFFSET 0`;
    query = m.scored
      ? sql<R>`SELECT x.id AS id, ts_rank(x.t, ${q}) AS score FROM (SELECT documents.id AS id, documents.tsv || ''::tsvector AS t FROM documents ${inner} ${order}) x WHERE x.t @@ ${q} ${tail}`
      : sql<R>`SELECT x.id AS id FROM (SELECT documents.id AS id, documents.tsv AS t FROM documents ${inner} ${order}) x WHERE x.t @@ ${q} ${tail}`;
  } else {
    // The filters on the document row in a form no index serves, so that the words drive the scan from the
    // GIN index (the id range may join it from the primary key); EXISTS filters become semi-joins. A
    // materialised CTE of the GIN matches joined to the filters cost 57–62 ms where this costs 22–26.
    const where = whereSql([...(m.filtered ? input.ginFilters : []), ...range, words]);
    query = m.scored
      ? sql<R>`SELECT x.id AS id, ts_rank(x.t, ${q}) AS score FROM (SELECT documents.id AS id, documents.tsv || ''::tsvector AS t FROM documents ${where} OFFSET 0) x ${tail}`
      : sql<R>`SELECT documents.id AS id FROM documents ${where} ${tail}`;
  }
  return within(store, m.walk, async (db) => (await query.execute(db)).rows, m.db);
}

/**
 * Runs `fn` in one transaction whose planner settings suit the path: no parallel workers (starting them
 * cost more than any of these statements saved) and, for GIN, no index or sequential scans. Joins the
 * transaction `db` when given; SQLite (tests) runs `fn` as is.
 */
async function within<T>(store: Store, walk: boolean, fn: (db: Db) => Promise<T>, db?: Db): Promise<T> {
  if (db || store.caps.dialect !== 'postgres') return fn(db ?? store.db);
  return store.db.transaction().execute(async (trx: Db) => {
    // set_config(..., true): for this transaction only.
    await (walk
      ? sql`SELECT set_config('max_parallel_workers_per_gather', '0', true)`
      : sql`SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true)`
    ).execute(trx);
    return fn(trx);
  });
}

/** The ranking window: its edge, the query's matches in it scored, and (to cache) every match of the words in it. */
type Window = { windowStart: number; ranked: Page; all: Page | null };

/**
 * Per process, the ranking window of the words alone — its edge, every match in it and its score, the
 * words' density — by store, words, window size and newest document id. Scores depend on the words and the
 * document only, so faceted navigation (the same words again with other filters or another page) then
 * only checks the window's ≤ rankWindow documents against the filters, reading no tsvector; finding the
 * window of a phrase of two common words reads 17,000. A new document changes the newest id and so the
 * key; a deleted one is dropped by the filter check (the window is one match short until the next
 * document). ≈24 kB per entry.
 */
const windowCache = new Map<string, { windowStart: number; density: Density; ids: Int32Array; scores: Float64Array }>();
const WINDOW_CACHE = 128;

async function windowKey(store: Store, tsquery: string, rankWindow: number): Promise<string> {
  const top = (await sql<{ top: number | null }>`SELECT max(documents.id) AS top FROM documents`.execute(store.db)).rows[0]?.top;
  return `${store.location}\u0000${tsquery}\u0000${rankWindow}\u0000${Number(top ?? 0)}`;
}

/**
 * PostgreSQL: the window's matches of the words that pass the filters (and still exist), in one statement:
 * over the id range when the matches fill most of it (an index range scan), else over their ids.
 */
async function passing(store: Store, input: JoinedPlanInput, all: Page): Promise<Page> {
  if (!all.length) return [];
  let lo = Infinity;
  let hi = 0;
  for (const r of all) {
    lo = Math.min(lo, r.id);
    hi = Math.max(hi, r.id);
  }
  const dense = hi - lo + 1 <= 2 * all.length;
  const among = dense ? sql<boolean>`documents.id BETWEEN ${lo} AND ${hi}` : sql<boolean>`documents.id = ANY(${all.map((r) => r.id)}::int[])`;
  const kept = new Set((await sql<{ id: number }>`SELECT documents.id AS id FROM documents ${whereSql([among, ...input.filters])}`.execute(store.db)).rows.map((r) => Number(r.id)));
  return all.filter((r) => kept.has(r.id));
}

/**
 * The window's edge from the words alone, then its matches scored (two statements): of the query when not
 * caching, of the words alone when caching (the filters then checked on their ids).
 */
async function ginWindow(store: Store, input: JoinedPlanInput, walk: boolean, caching: boolean): Promise<Window> {
  const w = await within(store, walk, async (db) => {
    const edge = await matching<{ id: number }>(store, input, { walk, filtered: false, scored: false, newest: { limit: 2, offset: input.rankWindow - 1 }, db });
    const windowStart = edge.length === 2 ? Number(edge[0]?.id) : 0;
    const rows = await matching<{ id: number; score: number }>(store, input, { walk, filtered: !caching, range: { from: windowStart }, scored: true, db });
    return { windowStart, scored: rows.map((r) => ({ id: Number(r.id), score: Number(r.score) as number | null })) };
  });
  if (!caching) return { windowStart: w.windowStart, ranked: w.scored, all: null };
  return { windowStart: w.windowStart, ranked: await passing(store, input, w.scored), all: w.scored };
}

/**
 * PostgreSQL, words common enough to walk: one walk newest first over the documents reads each tsvector
 * once, tests the words and the filters, and scores the documents (all matches when caching, else those
 * that pass the filters), until rankWindow + 1 matches of the words (the window's edge and whether there
 * is more). Two statements (edge, then window) read the window's tsvectors twice.
 */
async function walkWindow(store: Store, input: JoinedPlanInput, tsquery: string, matchShare: number, caching: boolean): Promise<Window> {
  const q = sql`to_tsquery('simple', ${tsquery})`;
  const pass = input.filters.length ? sql`(${sql.join(input.filters, sql` AND `)})` : sql`TRUE`;
  // Mostly matches: copy each tsvector once and test the copy. Mostly not (a phrase of common words): test
  // the stored value, and copy only the matches, which the copy costs as much as the test does.
  const lateral =
    matchShare >= 0.5
      ? sql`SELECT x.t, x.pass FROM (SELECT documents.tsv || ''::tsvector AS t, ${pass} AS pass FROM documents WHERE documents.id = f.id OFFSET 0) x WHERE x.t @@ ${q}`
      : sql`SELECT documents.tsv || ''::tsvector AS t, ${pass} AS pass FROM documents WHERE documents.id = f.id AND ${input.words as RawBuilder<boolean>} OFFSET 0`;
  const score = caching ? sql`ts_rank(w.t, ${q})` : sql`CASE WHEN w.pass THEN ts_rank(w.t, ${q}) END`;
  const rows = await within(store, true, async (trx) => {
    return (
      await sql<{ id: number; score: number | null; pass: boolean }>`SELECT f.id AS id, ${score} AS score, w.pass AS pass FROM (SELECT documents.id AS id FROM documents ORDER BY 1 DESC) f
        CROSS JOIN LATERAL (${lateral}) w
        ORDER BY 1 DESC LIMIT ${input.rankWindow + 1}`.execute(trx)
    ).rows;
  });
  const windowStart = rows.length > input.rankWindow ? Number(rows[input.rankWindow - 1]?.id) : 0;
  const inWindow = rows.slice(0, input.rankWindow);
  return {
    windowStart,
    ranked: inWindow.filter((r) => r.pass).map((r) => ({ id: Number(r.id), score: Number(r.score) })),
    all: caching ? inWindow.map((r) => ({ id: Number(r.id), score: Number(r.score) })) : null,
  };
}

/**
 * Runs the plan. `facetsOf` counts facets over a list of ids (the most recent matches); it runs while the
 * page is ranked.
 */
export async function planJoinedSearch<F>(store: Store, input: JoinedPlanInput, facetsOf: (ids: readonly number[]) => Promise<F>): Promise<JoinedPlan<F>> {
  const { words, rank } = input;
  if (!words || !rank) return planFiltersOnly(store, input, facetsOf);
  const headLimit = Math.max(input.facetLimit, input.exactTotalLimit);
  // Relevance ranks the rankWindow most recent matches of the words alone (filters aside), as on SQLite:
  // the window starts at the rankWindow-th most recent one. It depends on the words and the documents only,
  // so it is kept per newest document id (see windowCache) for the same words with other filters or pages.
  const key = input.tsquery !== null && !input.path ? await windowKey(store, input.tsquery, input.rankWindow) : null;
  const cached = key ? windowCache.get(key) : undefined;
  const d = cached?.density ?? (await probe(store, { ...input, words }));
  const walk = input.path ? input.path === 'walk' : walkCost(d, input.rankWindow, d.top) <= 2 * ginCost(d, d.top, 1, input.rankWindow);
  const caching = key !== null && store.caps.dialect === 'postgres';
  const { windowStart, ranked, all } = cached
    ? { windowStart: cached.windowStart, ranked: await passing(store, input, Array.from(cached.ids, (id, i) => ({ id, score: cached.scores[i] as number }))), all: null }
    : walk && input.tsquery !== null && store.caps.dialect === 'postgres'
      ? await walkWindow(store, input, input.tsquery, d.match, caching)
      : await ginWindow(store, input, walk, caching);
  if (key && all) {
    if (windowCache.size >= WINDOW_CACHE) windowCache.delete(windowCache.keys().next().value as string);
    windowCache.set(key, { windowStart, density: d, ids: Int32Array.from(all, (r) => r.id), scores: Float64Array.from(all, (r) => r.score ?? 0) });
  }
  // The newest matches (facets, and the exact total up to headLimit): from the window when it holds
  // enough, else continued below it (only with filters: the window holds rankWindow matches of the words).
  const headIds = ranked.map((r) => r.id).sort((x, y) => y - x).slice(0, headLimit + 1);
  let older: number[] = [];
  if (windowStart && headIds.length <= headLimit) {
    const needed = headLimit + 1 - headIds.length;
    // The filters' share, from the window: its matches that passed them, of its matches of the words.
    const kept = windowSpan(ranked, windowStart, d);
    const walkOlder = input.path ? input.path === 'walk' : OLD_WALK * walkCost(d, needed, windowStart, kept) <= ginCost(d, windowStart, kept, needed);
    older = (await matching<{ id: number }>(store, input, { walk: walkOlder, filtered: true, range: { below: windowStart }, scored: false, newest: { limit: needed } })).map((r) => Number(r.id));
    headIds.push(...older);
  }
  ranked.sort((a, b) => (b.score as number) - (a.score as number) || b.id - a.id);
  const counted = headIds.length <= input.exactTotalLimit;
  const facetIds = headIds.slice(0, input.facetLimit);
  const where = whereSql([...input.filters, words]);
  const [facets, page, total] = await Promise.all([
    facetsOf(facetIds),
    pageOf(store, input, ranked, windowStart, older, input.path ? input.path === 'walk' : OLD_WALK * walkCost(d, input.page.offset + input.page.limit, windowStart, windowSpan(ranked, windowStart, d)) <= ginCost(d, windowStart, windowSpan(ranked, windowStart, d), input.page.offset + input.page.limit)),
    // PostgreSQL estimates a phrase as all of its words anywhere: scaled by the share of those that held
    // the phrase among the newest documents.
    counted ? headIds.length : input.exactTotal ? exactCount(store, where) : estimatedCount(store, where, headIds.length, d.phrase && d.candidates > 0 ? d.match / d.candidates : 1),
  ]);
  return { total: Math.max(total, page.known), totalExact: counted || input.exactTotal, order: windowStart ? 'relevance-recent' : 'relevance', page: page.page, facetDocuments: facetIds.length, facets };
}

/**
 * The page of a text query: the ranked window's matches by relevance, older matches after them newest
 * first (from `older`, the newest matches below the window already read, when it reaches far enough).
 * `known`: how many matches were seen (a lower bound of the total).
 */
async function pageOf(store: Store, input: JoinedPlanInput, ranked: Page, windowStart: number, older: readonly number[], walk: boolean): Promise<{ page: Page; known: number }> {
  const { page } = input;
  const hits = ranked.slice(page.offset, page.offset + page.limit);
  if (!windowStart || hits.length >= page.limit) return { page: hits, known: ranked.length + older.length };
  const skip = Math.max(0, page.offset - ranked.length);
  const want = page.limit - hits.length;
  const more =
    skip + want <= older.length
      ? older.slice(skip, skip + want)
      : (await matching<{ id: number }>(store, input, { walk, filtered: true, range: { below: windowStart }, scored: false, newest: { limit: want, offset: skip } })).map((r) => Number(r.id));
  for (const id of more) hits.push({ id, score: null });
  return { page: hits, known: Math.max(ranked.length + older.length, ranked.length + skip + more.length) };
}

/** A query without words: newest matches for facets and total, the page by publication date. */
async function planFiltersOnly<F>(store: Store, input: JoinedPlanInput, facetsOf: (ids: readonly number[]) => Promise<F>): Promise<JoinedPlan<F>> {
  const where = whereSql(input.filters);
  const headLimit = Math.max(input.facetLimit, input.exactTotalLimit);
  const [head, page] = await Promise.all([sql<{ id: number }>`SELECT documents.id AS id FROM documents ${where} ORDER BY 1 DESC LIMIT ${headLimit + 1}`.execute(store.db), datePage(store, input)]);
  const headIds = head.rows.map((r) => Number(r.id));
  const counted = headIds.length <= input.exactTotalLimit;
  const facetIds = headIds.slice(0, input.facetLimit);
  const [facets, total] = await Promise.all([facetsOf(facetIds), counted ? headIds.length : input.exactTotal ? exactCount(store, where) : estimatedCount(store, where, headIds.length)]);
  return { total: Math.max(total, page.known), totalExact: counted || input.exactTotal, order: 'date', page: page.page, facetDocuments: facetIds.length, facets };
}
/** The page of a query without words: newest publication date first, undated last (PostgreSQL sorts NULL first in DESC unless told), then newest id. */
async function datePage(store: Store, input: JoinedPlanInput): Promise<{ page: Page; known: number }> {
  const { limit, offset } = input.page;
  const rows = await sql<{ id: number }>`SELECT documents.id AS id FROM documents ${whereSql(input.filters)} ORDER BY documents.published_at DESC NULLS LAST, documents.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(store.db);
  return { page: rows.rows.map((r) => ({ id: Number(r.id), score: null })), known: rows.rows.length ? offset + rows.rows.length : 0 };
}

async function exactCount(store: Store, where: RawBuilder<unknown>): Promise<number> {
  return Number((await sql<{ n: number }>`SELECT count(*) AS n FROM documents ${where}`.execute(store.db)).rows[0]?.n ?? 0);
}

/**
 * PostgreSQL's estimate of how many documents satisfy `where` (the planner's row count, from the tsvector
 * column's word statistics and the filter columns' histograms) times `scale`, at least `atLeast`, which
 * the caller has seen. Stores without a planner estimate (SQLite, in tests) count exactly.
 */
async function estimatedCount(store: Store, where: RawBuilder<unknown>, atLeast: number, scale = 1): Promise<number> {
  if (store.caps.dialect !== 'postgres') return exactCount(store, where);
  const rows = (await sql<{ 'QUERY PLAN': unknown }>`EXPLAIN (FORMAT JSON) SELECT 1 FROM documents ${where}`.execute(store.db)).rows;
  const plan = rows[0]?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan?: { 'Plan Rows'?: number } }[];
  return Math.max(atLeast, Math.round(Number(parsed[0]?.Plan?.['Plan Rows'] ?? 0) * scale));
}
