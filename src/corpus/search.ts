/**
 * Corpus search: full text (FTS5 / PostgreSQL text search, see fulltext.ts) combined with filters —
 * outlet, publication date range, language, technique, narrative, entity, has-ledger — with facet counts
 * over the matching set. It serves `narrascope search`, the library API and the HTTP API's document search
 * (src/server/corpus.ts). SQLite: search-sqlite.ts; PostgreSQL: search-postgres.ts.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { casefold, entityNameKey } from '../store/casefold.js';
import type { Store } from '../store/open.js';
import { fts5Expression, matchCondition, parseQuery, phrasePairsCondition, rankExpression, tsqueryExpression } from './fulltext.js';
import { planJoinedSearch, relaxedMatch } from './search-postgres.js';
import { planSqliteSearch } from './search-sqlite.js';
import { inclusiveUpperBound } from './date-bound.js';

export interface SearchQuery {
  /** Full-text query (words, "phrases", OR, -word); empty for filters only. */
  readonly text?: string;
  readonly outlets?: readonly string[];
  /** Inclusive ISO dates (YYYY-MM-DD or longer). */
  readonly from?: string;
  readonly to?: string;
  readonly languages?: readonly string[];
  /** Technique names, e.g. Loaded_Language. */
  readonly techniques?: readonly string[];
  /** Narrative labels or label prefixes (`URW: Discrediting the West` matches its sub-narratives). */
  readonly narratives?: readonly string[];
  /** Entity names (case-insensitive exact). */
  readonly entities?: readonly string[];
  readonly hasLedger?: boolean;
  readonly limit?: number;
  readonly offset?: number;
  /** Compute facets (default true). */
  readonly facets?: boolean;
  /**
   * Count every match even when there are more than EXACT_TOTAL_LIMIT (PostgreSQL only; SQLite always
   * counts exactly). Costs a visit of every match: 0.2–0.8 s for a word in 99,000 of 100,000 documents.
   */
  readonly exactTotal?: boolean;
}

export interface SearchHit {
  readonly id: number;
  readonly hash: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly language: string | null;
  readonly url: string | null;
  /** Characters of the document's text. */
  readonly length: number;
  readonly ingestedAt: string;
  readonly snippet: string;
  readonly score: number | null;
  readonly ledgerItems: number;
}

export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

export interface SearchResult {
  /** How many documents match: exact when `totalExact`, else PostgreSQL's estimate (see EXACT_TOTAL_LIMIT). */
  readonly total: number;
  /** Always true on SQLite; on PostgreSQL false when more than EXACT_TOTAL_LIMIT documents match. */
  readonly totalExact: boolean;
  /**
   * relevance: BM25 (SQLite) / ts_rank (PostgreSQL) over every match; relevance-recent (more than RANK_WINDOW
   * matches of the words): relevance over the RANK_WINDOW most recently ingested matches, older matches after
   * them newest first; date (no query): newest first.
   */
  readonly order: 'relevance' | 'relevance-recent' | 'date';
  readonly hits: readonly SearchHit[];
  readonly facets: {
    readonly outlet: readonly FacetValue[];
    readonly language: readonly FacetValue[];
    readonly technique: readonly FacetValue[];
    readonly narrative: readonly FacetValue[];
    readonly entity: readonly FacetValue[];
    readonly hasLedger: readonly FacetValue[];
  } | null;
  /** `all`: facets count every match; `sample`: the FACET_EXACT_LIMIT most recently ingested matches (see facetSample). */
  readonly facetScope: 'all' | 'sample' | null;
  readonly facetSample: number | null;
}

const FACET_LIMIT = 20;
/**
 * Facets are exact when at most this many documents match; above it they are counted over this many
 * matching documents (highest ids, i.e. most recently ingested) and the result says so (`facetScope: 'sample'`) —
 * counting facets over a hundred thousand matches would cost more than the search itself.
 */
export const FACET_EXACT_LIMIT = 1000;
/**
 * Relevance ranks at most this many matches of the words — the most recently ingested ones. Scoring costs
 * ≈2 µs per match in FTS5 (more for phrases) and more with ts_rank, which reads each match's tsvector, so a
 * word found in half of a 100,000-document corpus could not be ranked within a search's latency budget; a
 * word that common says little about relevance anyway.
 */
export const RANK_WINDOW = 2_000;
/**
 * PostgreSQL counts matches exactly up to this many; above it `total` is the planner's estimate and
 * `totalExact` is false (unless the query asks for `exactTotal`). Counting every match of a common word
 * reads the whole documents heap (see search-postgres.ts); SQLite's id sets give the exact total for free.
 */
export const EXACT_TOTAL_LIMIT = 1000;

type HitRow = { id: number; hash: string; title: string | null; outlet: string | null; published_at: string | null; language: string | null; url: string | null; length: number; ingested_at: string; text: string; score: number | null; ledger: number };

/** The hit rows of a page of ids, in the page's order, with their scores. */
async function hitDetails(store: Store, details: ReturnType<typeof sql>, page: readonly { id: number; score: number | null }[]): Promise<HitRow[]> {
  if (!page.length) return [];
  const rows = await sql<HitRow>`${details}, NULL AS score FROM documents LEFT JOIN outlets ON outlets.id = documents.outlet_id WHERE documents.id IN (${sql.join(page.map((t) => t.id))})`.execute(store.db);
  const byId = new Map(rows.rows.map((r) => [Number(r.id), r]));
  return page.flatMap((t) => {
    const r = byId.get(t.id);
    return r ? [{ ...r, score: t.score }] : [];
  });
}

/** Filters on the document row itself (outlet, dates, language), as opposed to EXISTS over another table. */
const onRow = new WeakSet<object>();

/**
 * The WHERE conditions of a query, as SQL over `documents`: the words first (when there are any), then
 * the filters. Null when the text has no searchable word (such a query matches nothing).
 */
export function searchConditions(store: Store, q: SearchQuery): Expression<SqlBool>[] | null {
  const out: Expression<SqlBool>[] = [];
  const row = (e: RawBuilder<boolean>): RawBuilder<boolean> => {
    onRow.add(e);
    return e;
  };
  if (q.text?.trim()) {
    const m = matchCondition(store.caps, q.text);
    if (!m) return null; // a query with no searchable word matches nothing
    out.push(m); // first: the joined plan takes it apart from the filters
  }
  if (q.outlets?.length) out.push(row(sql<boolean>`documents.outlet_id IN (SELECT id FROM outlets WHERE name IN (${sql.join(q.outlets)}))`));
  if (q.from) out.push(row(sql<boolean>`documents.published_at >= ${q.from}`));
  if (q.to) out.push(row(sql<boolean>`documents.published_at <= ${inclusiveUpperBound(q.to)}`));
  if (q.languages?.length) out.push(row(sql<boolean>`documents.language IN (${sql.join(q.languages)})`));
  if (q.techniques?.length) out.push(sql<boolean>`EXISTS (SELECT 1 FROM document_techniques t WHERE t.document_id = documents.id AND t.technique IN (${sql.join(q.techniques)}))`);
  if (q.narratives?.length) {
    const likes = q.narratives.map((n) => sql`(n.label = ${n} OR n.label LIKE ${`${n.replace(/[%_\\]/gu, '\\$&')}:%`} ESCAPE '\\')`);
    out.push(sql<boolean>`EXISTS (SELECT 1 FROM narratives n WHERE n.document_id = documents.id AND (${sql.join(likes, sql` OR `)}))`);
  }
  if (q.entities?.length) out.push(sql<boolean>`EXISTS (SELECT 1 FROM entities e WHERE e.document_id = documents.id AND e.name_key IN (${sql.join(q.entities.map(entityNameKey))}))`);
  if (q.hasLedger !== undefined) out.push(q.hasLedger ? sql<boolean>`EXISTS (SELECT 1 FROM ledger_items l WHERE l.document_id = documents.id)` : sql<boolean>`NOT EXISTS (SELECT 1 FROM ledger_items l WHERE l.document_id = documents.id)`);
  return out;
}

/** A window of the text around the first query word (plain text; the caller escapes it for display). */
export function makeSnippet(text: string, query: string | undefined, width = 200): string {
  const words = (query ? parseQuery(query) : []).filter((t) => !t.not).map((t) => t.text.split(' ')[0] as string);
  const lower = casefold(text);
  let at = -1;
  for (const w of words) {
    const i = lower.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, at < 0 ? 0 : at - width / 3);
  const cut = text.slice(start, start + width).replace(/\s+/gu, ' ').trim();
  return `${start > 0 ? '…' : ''}${cut}${start + width < text.length ? '…' : ''}`;
}

/**
 * Facet rows of a set of documents: outlet/language per document (or per group, with a count third), and
 * value/count per facet table.
 */
export interface FacetRows {
  readonly meta: readonly (readonly [string | null, string | null, number?])[];
  readonly technique: readonly (readonly [string | null, number])[];
  readonly narrative: readonly (readonly [string | null, number])[];
  readonly entity: readonly (readonly [string | null, number])[];
  readonly withLedger: number;
}

/** The facet queries with the id list as one JSON parameter: the same SQL text every time (a cached statement). */
function sqliteFacetRows(readRows: NonNullable<Store['readRows']>, ids: readonly number[]): FacetRows {
  const list = '(SELECT value FROM json_each(?))';
  const json = JSON.stringify(ids);
  const grouped = (select: string): [string | null, number][] => readRows(`${select} IN ${list} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${FACET_LIMIT}`, [json]) as [string | null, number][];
  return {
    meta: readRows(`SELECT outlets.name, documents.language FROM documents LEFT JOIN outlets ON outlets.id = documents.outlet_id WHERE documents.id IN ${list}`, [json]) as [string | null, string | null][],
    technique: grouped('SELECT t.technique, count(*) FROM document_techniques t WHERE t.document_id'),
    narrative: grouped('SELECT n.label, count(DISTINCT n.document_id) FROM narratives n WHERE n.document_id'),
    entity: grouped('SELECT e.name, count(DISTINCT e.document_id) FROM entities e WHERE e.document_id'),
    withLedger: Number(readRows(`SELECT count(DISTINCT l.document_id) FROM ledger_items l WHERE l.document_id IN ${list}`, [json])[0]?.[0] ?? 0),
  };
}

/** `IN (ids)` with the whole list as one parameter (see Capabilities.idListParameter). */
function inIdList(caps: Store['caps'], ids: readonly number[]): ReturnType<typeof sql> {
  return caps.idListParameter === 'array' ? sql`= ANY(${[...ids]}::int[])` : sql`IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
}

/**
 * Every facet in one statement (UNION ALL): one plan and one round trip instead of five — on a busy
 * PostgreSQL each statement's planning and the id array's parsing cost more than its counting.
 */
async function genericFacetRows(store: Store, ids: readonly number[]): Promise<FacetRows> {
  if (!ids.length) return { meta: [], technique: [], narrative: [], entity: [], withLedger: 0 };
  // PostgreSQL: the id array is one parameter, read once (a CTE), and outlets and languages are counted in
  // one pass over the documents (grouping sets). Against one `= ANY($n)` parameter per part and two passes
  // it saved 3–4 ms of 9–12 per search (the planner estimates each 1,000-element array literal, and each
  // part probes the index 1,000 times), with the same rows. SQLite has no grouping sets. (A CTE read
  // several times is computed once on every PostgreSQL version; `MATERIALIZED` would need 12 or later.)
  const array = store.caps.idListParameter === 'array';
  const inIds = array ? sql`= ANY((SELECT ids FROM facet_ids)::int[])` : inIdList(store.caps, ids);
  const top = (select: ReturnType<typeof sql>): ReturnType<typeof sql> => sql`SELECT * FROM (${select} ${inIds} GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT ${FACET_LIMIT}) top`;
  const meta = array
    ? sql`WITH facet_ids AS (SELECT ${[...ids]}::int[] AS ids)
      SELECT CASE WHEN GROUPING(outlets.name) = 0 THEN 'o' ELSE 'l' END AS k, CASE WHEN GROUPING(outlets.name) = 0 THEN outlets.name ELSE documents.language END AS value, count(*) AS n
      FROM documents LEFT JOIN outlets ON outlets.id = documents.outlet_id WHERE documents.id ${inIds} GROUP BY GROUPING SETS ((outlets.name), (documents.language))`
    : sql`SELECT 'o' AS k, outlets.name AS value, count(*) AS n FROM documents LEFT JOIN outlets ON outlets.id = documents.outlet_id WHERE documents.id ${inIds} GROUP BY 2
      UNION ALL SELECT 'l' AS k, documents.language AS value, count(*) AS n FROM documents WHERE documents.id ${inIds} GROUP BY 2`;
  const rows = (
    await sql<{ k: string; value: string | null; n: number }>`${meta}
      UNION ALL ${top(sql`SELECT 't' AS k, t.technique AS value, count(*) AS n FROM document_techniques t WHERE t.document_id`)}
      UNION ALL ${top(sql`SELECT 'n' AS k, n.label AS value, count(DISTINCT n.document_id) AS n FROM narratives n WHERE n.document_id`)}
      UNION ALL ${top(sql`SELECT 'e' AS k, e.name AS value, count(DISTINCT e.document_id) AS n FROM entities e WHERE e.document_id`)}
      UNION ALL SELECT 'h' AS k, NULL AS value, count(DISTINCT l.document_id) AS n FROM ledger_items l WHERE l.document_id ${inIds}`.execute(store.db)
  ).rows;
  // Count, then value: UNION ALL promises no order, even within a part.
  const of = (k: string): [string | null, number][] =>
    rows
      .filter((r) => r.k === k)
      .map((r): [string | null, number] => [r.value, Number(r.n)])
      .sort((a, b) => b[1] - a[1] || ((a[0] ?? '') < (b[0] ?? '') ? -1 : (a[0] ?? '') > (b[0] ?? '') ? 1 : 0));
  return {
    meta: [...of('o').map(([v, n]) => [v, null, n] as const), ...of('l').map(([v, n]) => [null, v, n] as const)],
    technique: of('t'),
    narrative: of('n'),
    entity: of('e'),
    withLedger: Number(of('h')[0]?.[1] ?? 0),
  };
}

function facetsFromRows(rows: FacetRows, documents: number): NonNullable<SearchResult['facets']> {
  const top = (counts: Map<string, number>): FacetValue[] =>
    [...counts].map(([value, count]) => ({ value, count })).sort((x, y) => y.count - x.count || x.value.localeCompare(y.value)).slice(0, FACET_LIMIT);
  // Outlet and language from one pass over the documents (or their groups); the other facets come grouped from their tables.
  const outlets = new Map<string, number>();
  const languages = new Map<string, number>();
  for (const [outlet, language, n = 1] of rows.meta) {
    if (outlet !== null) outlets.set(outlet, (outlets.get(outlet) ?? 0) + n);
    if (language !== null) languages.set(language, (languages.get(language) ?? 0) + n);
  }
  const values = (list: readonly (readonly [string | null, number])[]): FacetValue[] => list.filter(([v]) => v !== null).map(([v, n]) => ({ value: String(v), count: Number(n) }));
  return {
    outlet: top(outlets),
    language: top(languages),
    technique: values(rows.technique),
    narrative: values(rows.narrative),
    entity: values(rows.entity),
    hasLedger: [
      { value: 'yes', count: rows.withLedger },
      { value: 'no', count: documents - rows.withLedger },
    ],
  };
}

/** For tests: a smaller ranking window and exact-total limit, to exercise `relevance-recent` and estimated totals on a small store. */
export interface SearchTuning {
  readonly rankWindow?: number;
  readonly exactTotalLimit?: number;
  /** PostgreSQL: walk the documents or use the GIN index for the words, instead of the cost model's choice. */
  readonly path?: 'walk' | 'gin';
}

export async function search(store: Store, q: SearchQuery, tuning: SearchTuning = {}): Promise<SearchResult> {
  const conds = searchConditions(store, q);
  if (!conds) return { total: 0, totalExact: true, order: 'relevance', hits: [], facets: null, facetScope: null, facetSample: null };
  const limit = Math.max(0, Math.min(q.limit ?? 20, 1000));
  const offset = Math.max(0, q.offset ?? 0);
  const text = q.text?.trim() ? q.text : null;
  const details = sql`SELECT documents.id, documents.hash, documents.title, outlets.name AS outlet, documents.published_at, documents.language, documents.url,
      documents.length, documents.ingested_at, substr(documents.text, 1, 4000) AS text, (SELECT count(*) FROM ledger_items l WHERE l.document_id = documents.id) AS ledger`;
  const wantFacets = q.facets ?? true;
  let hitRows: HitRow[];
  let matched: number;
  let totalExact = true;
  let order: SearchResult['order'];
  let facets: SearchResult['facets'] = null;
  /** How many documents facets are counted over: every match, or the FACET_EXACT_LIMIT most recently ingested. */
  let facetDocuments: number;
  if (store.readColumn && store.readRows && store.caps.fullText === 'fts5') {
    const fts5 = text ? fts5Expression(parseQuery(text)) : null;
    const plan = planSqliteSearch(store.readColumn, store.readRows, q, fts5, { limit, offset }, tuning.rankWindow ?? RANK_WINDOW);
    matched = plan.matched.length;
    order = plan.order;
    const facetIds = Array.from(plan.matched.subarray(Math.max(0, plan.matched.length - FACET_EXACT_LIMIT)));
    facetDocuments = facetIds.length;
    if (wantFacets) facets = facetsFromRows(sqliteFacetRows(store.readRows, facetIds), facetIds.length);
    hitRows = await hitDetails(store, details, plan.page);
  } else {
    const plan = await planJoinedSearch(
      store,
      {
        filters: text ? conds.slice(1) : conds,
        // `(filter) IS TRUE` is the same test, but no index can serve it: on the GIN path PostgreSQL drove the
        // scan from a date index and tested each document's tsvector (12,600 of them, 150 ms; GIN: 20 ms).
        ginFilters: (text ? conds.slice(1) : conds).map((c) => (onRow.has(c) ? sql<boolean>`(${c}) IS TRUE` : c)),
        words: text ? (conds[0] as RawBuilder<boolean>) : null,
        rank: text ? rankExpression(store.caps, text) : null,
        relaxedWords: text ? relaxedMatch(store, text) : null,
        tsquery: text && store.caps.fullText === 'tsvector' ? tsqueryExpression(parseQuery(text)) : null,
        phrasePairs: text && store.caps.fullText === 'tsvector' ? phrasePairsCondition(parseQuery(text)) : null,
        page: { limit, offset },
        rankWindow: tuning.rankWindow ?? RANK_WINDOW,
        facetLimit: FACET_EXACT_LIMIT,
        exactTotalLimit: tuning.exactTotalLimit ?? EXACT_TOTAL_LIMIT,
        exactTotal: q.exactTotal ?? false,
        ...(tuning.path ? { path: tuning.path } : {}),
      },
      async (ids) => (wantFacets ? facetsFromRows(await genericFacetRows(store, ids), ids.length) : null),
    );
    matched = plan.total;
    totalExact = plan.totalExact;
    order = plan.order;
    facets = plan.facets;
    facetDocuments = plan.facetDocuments;
    hitRows = await hitDetails(store, details, plan.page);
  }
  const facetScope: SearchResult['facetScope'] = wantFacets ? (matched > facetDocuments ? 'sample' : 'all') : null;
  return {
    total: matched,
    totalExact,
    order,
    facetScope,
    facetSample: facetScope === 'sample' ? FACET_EXACT_LIMIT : null,
    hits: hitRows.map((r) => ({
      id: Number(r.id),
      hash: r.hash,
      title: r.title,
      outlet: r.outlet,
      publishedAt: r.published_at,
      language: r.language,
      url: r.url,
      length: Number(r.length),
      ingestedAt: r.ingested_at,
      snippet: makeSnippet(r.text, q.text),
      score: r.score === null ? null : Number(r.score),
      ledgerItems: Number(r.ledger),
    })),
    facets,
  };
}
