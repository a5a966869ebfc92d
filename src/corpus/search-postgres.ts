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
 * - at most `exactTotalLimit` + 1 matches are read, newest first, for the facets and the total; when there
 *   are more, the total is PostgreSQL's planner estimate (`totalExact: false`), one plan and no row;
 * - independent statements run at the same time on the pool's connections.
 * Measured figures and what did not work: docs/corpus.md.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Store } from '../store/open.js';
import { parseQuery, tsqueryExpression, type Term } from './fulltext.js';
import type { SearchResult } from './search.js';

export interface JoinedPlanInput {
  /** The filters' conditions (not the words). */
  readonly filters: readonly Expression<SqlBool>[];
  /** The words alone, and their relevance expression (null without a text query). */
  readonly words: RawBuilder<boolean> | null;
  readonly rank: RawBuilder<number> | null;
  /** PostgreSQL: the words' to_tsquery('simple', ...) text (null on SQLite). */
  readonly tsquery: string | null;
  /** The words with each phrase relaxed to all of its words (null when the query has no phrase): GIN's candidates. */
  readonly relaxedWords: RawBuilder<boolean> | null;
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

type Page = { id: number; score: number | null }[];

/**
 * A PostgreSQL query's GIN candidates when it holds a phrase: each phrase relaxed to all of its words (the
 * index has no word positions). Null without a phrase, or on SQLite.
 */
export function relaxedMatch(store: Store, text: string): RawBuilder<boolean> | null {
  const terms = parseQuery(text);
  if (store.caps.fullText !== 'tsvector' || !terms.some((t) => t.phrase && !t.not)) return null;
  const relaxed = terms.flatMap((t): Term[] => (t.phrase && !t.not ? t.text.split(' ').map((w, i) => ({ text: w, phrase: false, not: false, or: i === 0 && t.or })) : [t]));
  const e = tsqueryExpression(relaxed);
  return e ? sql<boolean>`documents.tsv @@ to_tsquery('simple', ${e})` : null;
}

export function whereSql(conds: readonly Expression<SqlBool>[]): RawBuilder<unknown> {
  return conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
}

/** Documents the density probe reads (the newest ones). */
const PROBE_DOCUMENTS = 256;
/**
 * The cost model that picks an access path for the words, in units of one tsvector read among the newest
 * documents (detoasted and tested: ≈3–8 µs, their TOAST pages being cached). Walking reads one tsvector per
 * document walked; below the ranking window the documents are older and their TOAST pages mostly not
 * cached (OLD_WALK: 1,000 documents of one outlet spread over the table took 51 ms, 50 µs each). The GIN
 * index decodes every posting of the words (GIN_POSTING) and visits the heap once per candidate
 * (HEAP_VISIT; the heap is compact since migration 0005), but for a phrase it must read each candidate's
 * tsvector to check the word positions. The window takes two GIN statements (its edge, then its scores),
 * each decoding the postings. Calibrated at 100,000 documents: a word in 11% of them, 24 ms through GIN
 * against 60–140 ms walked; in 48%, about even (≈80 ms each on a busy machine); in 99%, walking 2,000
 * documents 16 ms. PostgreSQL's own cost model prices neither the tsvector reads nor the heap visits at
 * this, and walked the primary key for a word in 5% of the documents (37,000 tsvectors, 180 ms, where GIN
 * took 12 ms).
 */
const GIN_POSTING = 0.07;
const HEAP_VISIT = 0.05;
const OLD_WALK = 5;

type Db = Store['db'];

/** The newest documents' share holding the words, and holding all their words (phrases relaxed). */
interface Density {
  readonly match: number;
  readonly candidates: number;
  readonly phrase: boolean;
  /** The newest document id (≈ the number of documents). */
  readonly top: number;
}

async function probe(store: Store, input: JoinedPlanInput & { words: RawBuilder<boolean> }): Promise<Density> {
  // Without a phrase the candidates are the matches: one test per document.
  const candidates = input.relaxedWords ? sql`count(*) FILTER (WHERE ${input.relaxedWords})` : sql`NULL`;
  const r = (await sql<{ n: number; c: number | null; top: number | null; probed: number }>`SELECT count(*) FILTER (WHERE ${input.words}) AS n, ${candidates} AS c, max(documents.id) AS top, count(*) AS probed FROM (SELECT * FROM documents ORDER BY documents.id DESC LIMIT ${PROBE_DOCUMENTS}) documents`.execute(store.db)).rows[0];
  const probed = Math.max(1, Number(r?.probed ?? 0));
  const match = Number(r?.n ?? 0) / probed;
  return { match, candidates: r?.c === null || r?.c === undefined ? match : Number(r.c) / probed, phrase: input.relaxedWords !== null, top: Number(r?.top ?? 0) };
}

/**
 * Tsvector reads to find `needed` matches walking newest first through `region` documents, of which the
 * filters keep the share `kept` (the walk reads only those).
 */
function walkCost(d: Density, needed: number, region: number, kept = 1): number {
  return Math.min(region * kept, needed / Math.max(d.match, 1 / Math.max(d.top, 1)));
}

/** Cost of one GIN statement over `region` documents: every posting decoded, each candidate in it visited. */
function ginCost(d: Density, region: number): number {
  return d.candidates * d.top * GIN_POSTING + d.candidates * region * (d.phrase ? 1 : HEAP_VISIT);
}

/** The share of the window's matches of the words that also passed the filters (rankWindow of them). */
function windowSpan(ranked: Page, windowStart: number, d: Density): number {
  return windowStart ? Math.min(1, Math.max(ranked.length, 1) / Math.max(1, d.match * (d.top - windowStart + 1))) : 1;
}

/** One `matching` statement: the words, the filters, whether to score, and what follows the FROM clause. */
interface MatchQuery {
  readonly walk: boolean;
  /** The query's filters (or none), then the id range: `documents.id >= from` / `< below`. */
  readonly filters: readonly Expression<SqlBool>[];
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
  const range = [...(m.range?.from ? [sql<boolean>`documents.id >= ${m.range.from}`] : []), ...(m.range?.below ? [sql<boolean>`documents.id < ${m.range.below}`] : [])];
  if (store.caps.dialect !== 'postgres' || input.tsquery === null) {
    const columns = m.scored ? sql`, ${input.rank} AS score` : sql``;
    return (await sql<R>`SELECT documents.id AS id${columns} FROM documents ${whereSql([...m.filters, ...range, words])} ${tail}`.execute(store.db)).rows;
  }
  const q = sql`to_tsquery('simple', ${input.tsquery})`;
  let query: RawBuilder<R>;
  if (m.walk) {
    const test = m.scored
      ? sql`SELECT ts_rank(x.t, ${q}) AS score FROM (SELECT documents.tsv || ''::tsvector AS t FROM documents WHERE documents.id = f.id OFFSET 0) x WHERE x.t @@ ${q}`
      : sql`SELECT 1 AS one FROM documents WHERE documents.id = f.id AND ${words} OFFSET 0`;
    query = sql<R>`SELECT f.id AS id${m.scored ? sql`, w.score AS score` : sql``} FROM (SELECT documents.id AS id FROM documents ${whereSql([...m.filters, ...range])} ${m.newest ? sql`ORDER BY 1 DESC` : sql``}) f CROSS JOIN LATERAL (${test}) w ${tail}`;
  } else {
    // The words' matches in the range come from the GIN index alone (a materialised CTE), and the filters
    // are joined to them: in one WHERE clause PostgreSQL drove the scan from a filter's index and tested
    // each tsvector instead (12,600 documents of a date range, 150 ms, for a word GIN answers in 20).
    // A join, not `IN (SELECT id FROM w)`: PostgreSQL guesses 200 distinct ids in a CTE and then probed the
    // documents once per match.
    const joined = m.filters.length > 0;
    const from = joined ? sql`w JOIN documents ON documents.id = w.id ${whereSql(m.filters)}` : sql`documents ${whereSql([...range, words])}`;
    const cte = joined ? sql`WITH w AS MATERIALIZED (SELECT documents.id AS id FROM documents ${whereSql([...range, words])}) ` : sql``;
    query = m.scored
      ? sql<R>`${cte}SELECT x.id AS id, ts_rank(x.t, ${q}) AS score FROM (SELECT documents.id AS id, documents.tsv || ''::tsvector AS t FROM ${from} OFFSET 0) x ${tail}`
      : sql<R>`${cte}SELECT documents.id AS id FROM ${from} ${tail}`;
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

type Window = { windowStart: number; ranked: Page };

/** The window's edge from the words alone, then the query's matches in the window scored (two statements). */
async function ginWindow(store: Store, input: JoinedPlanInput, walk: boolean): Promise<Window> {
  return within(store, walk, async (db) => {
    const edge = await matching<{ id: number }>(store, input, { walk, filters: [], scored: false, newest: { limit: 2, offset: input.rankWindow - 1 }, db });
    const windowStart = edge.length === 2 ? Number(edge[0]?.id) : 0;
    const ranked = (await matching<{ id: number; score: number }>(store, input, { walk, filters: input.filters, range: { from: windowStart }, scored: true, db })).map((r) => ({ id: Number(r.id), score: Number(r.score) as number | null }));
    return { windowStart, ranked };
  });
}

/**
 * PostgreSQL, words common enough to walk: one walk newest first over the documents reads each tsvector
 * once, tests the words, and scores the documents that also pass the filters, until rankWindow + 1 matches
 * of the words (the window's edge and whether there is more). Two statements (edge, then window) read the
 * window's tsvectors twice.
 */
async function walkWindow(store: Store, input: JoinedPlanInput, tsquery: string, matchShare: number): Promise<Window> {
  const q = sql`to_tsquery('simple', ${tsquery})`;
  const pass = input.filters.length ? sql`(${sql.join(input.filters, sql` AND `)})` : sql`TRUE`;
  // Mostly matches: copy each tsvector once and test the copy. Mostly not (a phrase of common words): test
  // the stored value, and copy only the matches, which the copy costs as much as the test does.
  const lateral =
    matchShare >= 0.5
      ? sql`SELECT x.t, x.pass FROM (SELECT documents.tsv || ''::tsvector AS t, ${pass} AS pass FROM documents WHERE documents.id = f.id OFFSET 0) x WHERE x.t @@ ${q}`
      : sql`SELECT documents.tsv || ''::tsvector AS t, ${pass} AS pass FROM documents WHERE documents.id = f.id AND documents.tsv @@ ${q} OFFSET 0`;
  const rows = await within(store, true, async (trx) => {
    return (
      await sql<{ id: number; score: number | null }>`SELECT f.id AS id, CASE WHEN w.pass THEN ts_rank(w.t, ${q}) END AS score FROM (SELECT documents.id AS id FROM documents ORDER BY 1 DESC) f
        CROSS JOIN LATERAL (${lateral}) w
        ORDER BY 1 DESC LIMIT ${input.rankWindow + 1}`.execute(trx)
    ).rows;
  });
  const windowStart = rows.length > input.rankWindow ? Number(rows[input.rankWindow - 1]?.id) : 0;
  const inWindow = rows.slice(0, input.rankWindow);
  return { windowStart, ranked: inWindow.filter((r) => r.score !== null).map((r) => ({ id: Number(r.id), score: Number(r.score) })) };
}

/**
 * Runs the plan. `facetsOf` counts facets over a list of ids (the most recent matches); it runs while the
 * page is ranked.
 */
export async function planJoinedSearch<F>(store: Store, input: JoinedPlanInput, facetsOf: (ids: readonly number[]) => Promise<F>): Promise<JoinedPlan<F>> {
  const { words, rank } = input;
  if (!words || !rank) return planFiltersOnly(store, input, facetsOf);
  const headLimit = Math.max(input.facetLimit, input.exactTotalLimit);
  const d = await probe(store, { ...input, words });
  // Relevance ranks the rankWindow most recent matches of the words alone (filters aside), as on SQLite:
  // the window starts at the rankWindow-th most recent one (a second row says there are more). The same
  // path then scores the query's matches in the window.
  const walk = input.path ? input.path === 'walk' : walkCost(d, input.rankWindow, d.top) <= 2 * ginCost(d, d.top);
  const { windowStart, ranked } = walk && input.tsquery !== null && store.caps.dialect === 'postgres' ? await walkWindow(store, input, input.tsquery, d.match) : await ginWindow(store, input, walk);
  // The newest matches (facets, and the exact total up to headLimit): from the window when it holds
  // enough, else continued below it (only with filters: the window holds rankWindow matches of the words).
  const headIds = ranked.map((r) => r.id).sort((x, y) => y - x).slice(0, headLimit + 1);
  let older: number[] = [];
  if (windowStart && headIds.length <= headLimit) {
    const needed = headLimit + 1 - headIds.length;
    // The filters' share, from the window: its matches that passed them, of its matches of the words.
    const kept = windowSpan(ranked, windowStart, d);
    const walkOlder = input.path ? input.path === 'walk' : OLD_WALK * walkCost(d, needed, windowStart, kept) <= ginCost(d, windowStart);
    older = (await matching<{ id: number }>(store, input, { walk: walkOlder, filters: input.filters, range: { below: windowStart }, scored: false, newest: { limit: needed } })).map((r) => Number(r.id));
    headIds.push(...older);
  }
  ranked.sort((a, b) => (b.score as number) - (a.score as number) || b.id - a.id);
  const counted = headIds.length <= input.exactTotalLimit;
  const facetIds = headIds.slice(0, input.facetLimit);
  const where = whereSql([...input.filters, words]);
  const [facets, page, total] = await Promise.all([
    facetsOf(facetIds),
    pageOf(store, input, ranked, windowStart, older, input.path ? input.path === 'walk' : OLD_WALK * walkCost(d, input.page.offset + input.page.limit, windowStart, windowSpan(ranked, windowStart, d)) <= ginCost(d, windowStart)),
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
      : (await matching<{ id: number }>(store, input, { walk, filters: input.filters, range: { below: windowStart }, scored: false, newest: { limit: want, offset: skip } })).map((r) => Number(r.id));
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
