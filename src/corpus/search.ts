/**
 * Corpus search: full text (FTS5 / PostgreSQL text search, see fulltext.ts) combined with filters —
 * outlet, publication date range, language, technique, narrative, entity, has-ledger — with facet counts
 * over the whole matching set. The same function serves the CLI and the HTTP API.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Store } from '../store/open.js';
import { fts5Expression, matchCondition, parseQuery, rankExpression } from './fulltext.js';
import { planSqliteSearch } from './search-sqlite.js';

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
}

export interface SearchHit {
  readonly id: number;
  readonly hash: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly language: string | null;
  readonly url: string | null;
  readonly snippet: string;
  readonly score: number | null;
  readonly ledgerItems: number;
}

export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

export interface SearchResult {
  readonly total: number;
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

type HitRow = { id: number; hash: string; title: string | null; outlet: string | null; published_at: string | null; language: string | null; url: string | null; text: string; score: number | null; ledger: number };

/**
 * The page of a text query in the database-joined path (PostgreSQL), with the ranking of the SQLite path:
 * relevance over the `rankWindow` most recent matches of the words (all of them when fewer), older matches
 * after them newest first. ts_rank reads each match's tsvector, so ranking every match of a common word
 * would cost seconds at 100,000 documents; the window bounds it.
 */
async function rankedPage(store: Store, text: string, conds: readonly Expression<SqlBool>[], page: { limit: number; offset: number }, rankWindow: number): Promise<{ order: 'relevance' | 'relevance-recent'; page: { id: number; score: number | null }[] }> {
  const db = store.db;
  const words = matchCondition(store.caps, text);
  const rank = rankExpression(store.caps, text);
  if (!words || !rank) return { order: 'relevance', page: [] };
  // The window starts at the rankWindow-th most recent match of the words alone (filters aside), as on SQLite.
  const edge = (await sql<{ id: number }>`SELECT documents.id AS id FROM documents WHERE ${words} ORDER BY 1 DESC LIMIT 2 OFFSET ${rankWindow - 1}`.execute(db)).rows;
  const windowStart = edge.length === 2 ? Number(edge[0]?.id) : 0;
  const inWindow = windowStart ? [...conds, sql<boolean>`documents.id >= ${windowStart}`] : [...conds];
  const ranked = (await sql<{ id: number; score: number }>`SELECT documents.id AS id, ${rank} AS score FROM documents ${whereSql(inWindow)} ORDER BY 2 DESC, 1 DESC`.execute(db)).rows.map((r) => ({ id: Number(r.id), score: Number(r.score) as number | null }));
  const end = page.offset + page.limit;
  const hits = ranked.slice(page.offset, end);
  if (windowStart && hits.length < page.limit) {
    // Older matches follow, most recent first.
    const skip = Math.max(0, page.offset - ranked.length);
    const older = await sql<{ id: number }>`SELECT documents.id AS id FROM documents ${whereSql([...conds, sql<boolean>`documents.id < ${windowStart}`])} ORDER BY 1 DESC LIMIT ${page.limit - hits.length} OFFSET ${skip}`.execute(db);
    for (const r of older.rows) hits.push({ id: Number(r.id), score: null });
  }
  return { order: windowStart ? 'relevance-recent' : 'relevance', page: hits };
}

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

/** The WHERE conditions of a query, as SQL over `documents` (aliased documents) and `outlets`. */
function conditions(store: Store, q: SearchQuery): Expression<SqlBool>[] | null {
  const out: Expression<SqlBool>[] = [];
  if (q.text?.trim()) {
    const m = matchCondition(store.caps, q.text);
    if (!m) return null; // a query with no searchable word matches nothing
    out.push(m);
  }
  if (q.outlets?.length) out.push(sql<boolean>`documents.outlet_id IN (SELECT id FROM outlets WHERE name IN (${sql.join(q.outlets)}))`);
  if (q.from) out.push(sql<boolean>`documents.published_at >= ${q.from}`);
  if (q.to) out.push(sql<boolean>`documents.published_at <= ${q.to.length === 10 ? `${q.to}T99` : q.to}`);
  if (q.languages?.length) out.push(sql<boolean>`documents.language IN (${sql.join(q.languages)})`);
  if (q.techniques?.length) out.push(sql<boolean>`EXISTS (SELECT 1 FROM document_techniques t WHERE t.document_id = documents.id AND t.technique IN (${sql.join(q.techniques)}))`);
  if (q.narratives?.length) {
    const likes = q.narratives.map((n) => sql`(n.label = ${n} OR n.label LIKE ${`${n.replace(/[%_\\]/gu, '\\$&')}:%`} ESCAPE '\\')`);
    out.push(sql<boolean>`EXISTS (SELECT 1 FROM narratives n WHERE n.document_id = documents.id AND (${sql.join(likes, sql` OR `)}))`);
  }
  if (q.entities?.length) out.push(sql<boolean>`EXISTS (SELECT 1 FROM entities e WHERE e.document_id = documents.id AND lower(e.name) IN (${sql.join(q.entities.map((e) => e.toLowerCase()))}))`);
  if (q.hasLedger !== undefined) out.push(q.hasLedger ? sql<boolean>`EXISTS (SELECT 1 FROM ledger_items l WHERE l.document_id = documents.id)` : sql<boolean>`NOT EXISTS (SELECT 1 FROM ledger_items l WHERE l.document_id = documents.id)`);
  return out;
}

function whereSql(conds: readonly Expression<SqlBool>[]): ReturnType<typeof sql> {
  return conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
}

/** A window of the text around the first query word (plain text; the caller escapes it for display). */
export function makeSnippet(text: string, query: string | undefined, width = 200): string {
  const words = (query ? parseQuery(query) : []).filter((t) => !t.not).map((t) => t.text.split(' ')[0] as string);
  const lower = text.toLowerCase();
  let at = -1;
  for (const w of words) {
    const i = lower.indexOf(w);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  const start = Math.max(0, at < 0 ? 0 : at - width / 3);
  const cut = text.slice(start, start + width).replace(/\s+/gu, ' ').trim();
  return `${start > 0 ? '…' : ''}${cut}${start + width < text.length ? '…' : ''}`;
}

/** Facet rows of a set of documents: outlet/language per document, and value/count per facet table. */
export interface FacetRows {
  readonly meta: readonly (readonly [string | null, string | null])[];
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

async function genericFacetRows(store: Store, ids: readonly number[]): Promise<FacetRows> {
  const db = store.db;
  const inIds = inIdList(store.caps, ids);
  const grouped = async (select: ReturnType<typeof sql>): Promise<[string | null, number][]> => {
    const rows = await sql<{ value: string | null; n: number }>`${select} ${inIds} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${FACET_LIMIT}`.execute(db);
    return rows.rows.map((r) => [r.value, Number(r.n)]);
  };
  const meta = await sql<{ outlet: string | null; language: string | null }>`SELECT outlets.name AS outlet, documents.language FROM documents LEFT JOIN outlets ON outlets.id = documents.outlet_id WHERE documents.id ${inIds}`.execute(db);
  const ledger = await sql<{ n: number }>`SELECT count(DISTINCT l.document_id) AS n FROM ledger_items l WHERE l.document_id ${inIds}`.execute(db);
  return {
    meta: meta.rows.map((r) => [r.outlet, r.language] as const),
    technique: await grouped(sql`SELECT t.technique AS value, count(*) AS n FROM document_techniques t WHERE t.document_id`),
    narrative: await grouped(sql`SELECT n.label AS value, count(DISTINCT n.document_id) AS n FROM narratives n WHERE n.document_id`),
    entity: await grouped(sql`SELECT e.name AS value, count(DISTINCT e.document_id) AS n FROM entities e WHERE e.document_id`),
    withLedger: Number(ledger.rows[0]?.n ?? 0),
  };
}

function facetsFromRows(rows: FacetRows, documents: number): NonNullable<SearchResult['facets']> {
  const top = (counts: Map<string, number>): FacetValue[] =>
    [...counts].map(([value, count]) => ({ value, count })).sort((x, y) => y.count - x.count || x.value.localeCompare(y.value)).slice(0, FACET_LIMIT);
  // Outlet and language from one pass over the documents; the other facets come grouped from their tables.
  const outlets = new Map<string, number>();
  const languages = new Map<string, number>();
  for (const [outlet, language] of rows.meta) {
    if (outlet !== null) outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
    if (language !== null) languages.set(language, (languages.get(language) ?? 0) + 1);
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

/** For tests: a smaller ranking window, to exercise `relevance-recent` on a small store. */
export interface SearchTuning {
  readonly rankWindow?: number;
}

export async function search(store: Store, q: SearchQuery, tuning: SearchTuning = {}): Promise<SearchResult> {
  const conds = conditions(store, q);
  if (!conds) return { total: 0, order: 'relevance', hits: [], facets: null, facetScope: null, facetSample: null };
  const db = store.db;
  const limit = Math.max(0, Math.min(q.limit ?? 20, 1000));
  const offset = Math.max(0, q.offset ?? 0);
  const text = q.text?.trim() ? q.text : null;
  const details = sql`SELECT documents.id, documents.hash, documents.title, outlets.name AS outlet, documents.published_at, documents.language, documents.url,
      substr(documents.text, 1, 4000) AS text, (SELECT count(*) FROM ledger_items l WHERE l.document_id = documents.id) AS ledger`;
  let hitRows: HitRow[];
  let matched: number;
  let order: SearchResult['order'];
  /** The documents facets are counted over: every match, or the FACET_EXACT_LIMIT most recently ingested. */
  let facetIds: number[];
  if (store.readColumn && store.readRows && store.caps.fullText === 'fts5') {
    const fts5 = text ? fts5Expression(parseQuery(text)) : null;
    const plan = planSqliteSearch(store.readColumn, store.readRows, q, fts5, { limit, offset }, tuning.rankWindow ?? RANK_WINDOW);
    matched = plan.matched.length;
    order = plan.order;
    facetIds = Array.from(plan.matched.subarray(Math.max(0, plan.matched.length - FACET_EXACT_LIMIT)));
    hitRows = await hitDetails(store, details, plan.page);
  } else {
    const where = whereSql(conds);
    const matchSet = sql`SELECT documents.id AS id FROM documents ${where}`;
    // The match set is fetched once as ids (up to FACET_EXACT_LIMIT + 1, newest first): facets then work on
    // that list instead of re-running the full-text query once per facet.
    const idRows = (await sql<{ id: number }>`${matchSet} ORDER BY 1 DESC LIMIT ${FACET_EXACT_LIMIT + 1}`.execute(db)).rows;
    matched = idRows.length > FACET_EXACT_LIMIT ? Number((await sql<{ n: number }>`SELECT count(*) AS n FROM (${matchSet}) m`.execute(db)).rows[0]?.n ?? 0) : idRows.length;
    facetIds = idRows.slice(0, FACET_EXACT_LIMIT).map((r) => Number(r.id));
    if (text) {
      const ranked = await rankedPage(store, text, conds, { limit, offset }, tuning.rankWindow ?? RANK_WINDOW);
      order = ranked.order;
      hitRows = await hitDetails(store, details, ranked.page);
    } else {
      order = 'date';
      hitRows = (await sql<HitRow>`${details}, NULL AS score FROM documents LEFT JOIN outlets ON outlets.id = documents.outlet_id ${where} ORDER BY documents.published_at DESC, documents.id DESC LIMIT ${limit} OFFSET ${offset}`.execute(db)).rows;
    }
  }
  const sampled = matched > FACET_EXACT_LIMIT;
  let facets: SearchResult['facets'] = null;
  let facetScope: SearchResult['facetScope'] = null;
  if (q.facets ?? true) {
    facetScope = sampled ? 'sample' : 'all';
    facets = store.readRows && store.caps.fullText === 'fts5' ? facetsFromRows(sqliteFacetRows(store.readRows, facetIds), facetIds.length) : facetsFromRows(await genericFacetRows(store, facetIds), facetIds.length);
  }
  return {
    total: matched,
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
      snippet: makeSnippet(r.text, q.text),
      score: r.score === null ? null : Number(r.score),
      ledgerItems: Number(r.ledger),
    })),
    facets,
  };
}
