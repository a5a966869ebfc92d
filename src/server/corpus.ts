/**
 * What the corpus routes need from the store, as one interface. `StoreCorpusService` implements it over
 * the store's Kysely schema and repositories (src/store); tests may pass any other implementation.
 * Every value from a request reaches SQL only as a bound parameter; the full-text query is additionally
 * rebuilt from its words by corpus/fulltext.ts, so FTS syntax in a search box cannot make the database throw.
 */
import { sql, type Generated, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { AnalysisResult } from '../core/result/types.js';
import { createDocument, type DocumentInit } from '../core/text/document.js';
import { removeFromClusters } from '../corpus/cluster-removal.js';
import { search as searchCorpus, type SearchQuery as CorpusSearchQuery, type SearchResult as CorpusSearchResult } from '../corpus/search.js';
import { selectDocumentIds, storedResults, type StoredResultsBatch } from '../corpus/selection.js';
import { createFactCheckMatcher, type FactCheckMatcher, type MatchHit } from '../corpus/matching/index.js';
import { countFactChecks, listFactChecks, type StoredFactCheck } from '../store/fact-checks/index.js';
import { encodeSignature, MinHasher } from '../corpus/minhash.js';
import type { Store, StoreSchema } from '../store/index.js';
import { addDismissalOnce, applyDismissals, getAnalysis, getDocument, listDismissals, saveAnalysedDocument, supersededDocuments, type Dismissal, type StoredDocument } from '../store/index.js';
import { CASEFOLD_FUNCTION } from '../store/casefold.js';
import type { Capabilities } from '../store/capabilities.js';
import { ApiError } from './errors.js';
import { timeline, type Timeline, type TimelineQuery } from './timeline.js';

export interface DocumentSummary {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly language: string | null;
  readonly publishedAt: string | null;
  readonly url: string | null;
  readonly length: number;
  readonly ingestedAt: string;
}

export interface SearchQuery {
  readonly q?: string;
  readonly outlet?: string;
  readonly language?: string;
  readonly technique?: string;
  readonly narrative?: string;
  readonly from?: string;
  readonly to?: string;
  readonly hasLedger?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export interface Facet {
  readonly value: string;
  readonly count: number;
}

export interface SearchResult {
  /** Exact when `totalExact`; on PostgreSQL above 1,000 matches the planner's estimate. */
  readonly total: number;
  readonly totalExact: boolean;
  /** relevance / relevance-recent (with `q`: see src/corpus/search.ts) or date (filters only: newest first). */
  readonly order: CorpusSearchResult['order'];
  /** `sample`: more than 1,000 documents match and the facets count the 1,000 most recently ingested. */
  readonly facetScope: CorpusSearchResult['facetScope'];
  readonly items: readonly (DocumentSummary & { readonly ledgerItems: number; readonly snippet: string; readonly score: number | null })[];
  readonly facets: { readonly outlets: readonly Facet[]; readonly languages: readonly Facet[]; readonly techniques: readonly Facet[]; readonly narratives: readonly Facet[] };
}

export interface LedgerRow {
  readonly document: string;
  readonly documentTitle: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly itemKey: string;
  readonly claim: string | null;
  readonly attributedTo: string | null;
  readonly motive: string | null;
  readonly rebuttal: string | null;
  readonly verdict: string | null;
  readonly evidenceSummary: string;
}

export interface ClaimListRow {
  readonly document: string;
  readonly documentTitle: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly claimKey: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly speaker: string | null;
  readonly hasSource: boolean;
  readonly checkWorthiness: number;
}

export interface ClaimQuery {
  readonly q?: string;
  readonly outlet?: string;
  readonly type?: string;
  readonly hasSource?: boolean;
  readonly limit: number;
  readonly offset: number;
}

export type { TimelinePoint } from './timeline.js';

export interface ClusterSummary {
  readonly id: number;
  readonly kind: string;
  readonly size: number;
  readonly outlets: number;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly label: string;
}

export interface ClusterMember {
  readonly document: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly publishedAt: string | null;
  readonly similarity: number;
  readonly text: string | null;
}

/** One earlier fact-check found for a query, as the API returns it. */
export interface FactCheckMatch {
  readonly rank: number;
  readonly score: number;
  /** strong / possible / weak (src/corpus/matching/match-strength.ts); null when ranked by BM25 alone. */
  readonly strength: MatchHit<StoredFactCheck>['strength'];
  readonly factCheck: Pick<StoredFactCheck, 'id' | 'claim' | 'title' | 'rebuttal' | 'verdict' | 'rating' | 'publisher' | 'url' | 'datePublished' | 'origin'>;
  readonly highlights: MatchHit<StoredFactCheck>['highlights'];
}

export interface CorpusService {
  /** Earlier fact-checks for each query text, best first; `library` is the number of fact-checks searched. */
  matchFactChecks(queries: readonly string[], k: number): Promise<{ library: number; method: 'rerank' | 'bm25'; results: readonly (readonly FactCheckMatch[])[] }>;
  storeAnalysis(init: DocumentInit, result: AnalysisResult): Promise<{ id: string; created: boolean }>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** `dismissedFindings`: ids of the result's findings that a dismissal hides (re-anchored by quote). */
  getDocument(id: string): Promise<{ document: DocumentSummary; result: AnalysisResult | null; dismissals: readonly Dismissal[]; dismissedFindings: readonly string[] } | null>;
  deleteDocument(id: string): Promise<boolean>;
  ledger(query: { q?: string; outlet?: string; limit: number; offset: number }): Promise<{ total: number; items: readonly LedgerRow[] }>;
  claims(query: ClaimQuery): Promise<{ total: number; items: readonly ClaimListRow[] }>;
  /** Documents per outlet and period for one label (src/server/timeline.ts: top outlets only, points capped). */
  timeline(kind: 'narrative' | 'technique', query: TimelineQuery): Promise<Timeline>;
  clusters(query: { kind?: string; limit: number; offset: number }): Promise<{ total: number; items: readonly ClusterSummary[] }>;
  cluster(id: number): Promise<{ cluster: ClusterSummary; members: readonly ClusterMember[] } | null>;
  /** `created` false: the same author had already dismissed this finding with the same reason. */
  dismiss(id: string, d: Omit<Dismissal, 'documentHash' | 'id'>): Promise<{ id: number; created: boolean } | null>;
  /** `created` false: the same author had already confirmed this item with the same verdict and note. */
  confirm(id: string, c: { itemKey: string; verdict: string; note: string; author: string }): Promise<{ id: number; created: boolean } | null>;
  confirmations(id: string): Promise<readonly { itemKey: string; verdict: string; note: string; author: string; createdAt: string }[]>;
  /**
   * The stored analyses of the documents a search's filters select, in ingestion order, a batch at a time
   * (for exports of any size); `limit` keeps the most recently ingested. `matched` counts before the limit.
   */
  exportDocuments(query: Omit<SearchQuery, 'limit' | 'offset'>, options: { limit: number; keepDismissed: boolean }): Promise<{ matched: number; documents: number; batches: AsyncGenerator<StoredResultsBatch> }>;
  /**
   * The first half of exportDocuments: the ids (store row ids, in ingestion order) of the documents the
   * filters select, at most `limit` (the most recently ingested); `matched` counts before the limit. A
   * download ticket keeps them, so that its download does not run the search again.
   */
  selectForExport(query: Omit<SearchQuery, 'limit' | 'offset'>, options: { limit: number }): Promise<{ matched: number; ids: readonly number[] }>;
  /** The second half: the stored analyses of `ids`, a batch at a time, in the order given. */
  exportSelected(ids: readonly number[], options: { keepDismissed: boolean }): AsyncGenerator<StoredResultsBatch>;
  /** Ids (content hashes) of the documents that a later stored version of the same page supersedes. */
  supersededDocuments(): Promise<ReadonlySet<string>>;
}

type Db = Kysely<StoreSchema>;

/** The API's search parameters as the corpus search's filters (one value per filter in the API). */
function corpusFilters(query: Omit<SearchQuery, 'limit' | 'offset'>): Omit<CorpusSearchQuery, 'limit' | 'offset'> {
  return {
    ...(query.q !== undefined ? { text: query.q } : {}),
    ...(query.outlet ? { outlets: [query.outlet] } : {}),
    // Stored languages are lower-case codes (en, ru): language=EN would find nothing.
    ...(query.language ? { languages: [query.language.toLowerCase()] } : {}),
    ...(query.technique ? { techniques: [query.technique] } : {}),
    ...(query.narrative ? { narratives: [query.narrative] } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.hasLedger !== undefined ? { hasLedger: query.hasLedger } : {}),
  };
}

export class StoreCorpusService implements CorpusService {
  private readonly db: Db;
  private readonly hasher = new MinHasher();
  /** The matcher over the fact-check library, rebuilt when the library's size changes. */
  private matcher: { count: number; matcher: FactCheckMatcher<StoredFactCheck> } | null = null;

  constructor(private readonly store: Store) {
    this.db = store.db;
  }

  /**
   * The document an id or id prefix names, or null. A prefix that several documents share is a 409, not
   * "no document": the store answers both with null, and an analyst told that a document they just saw
   * does not exist would not think of giving more digits.
   */
  private async find(id: string): Promise<StoredDocument | null> {
    const d = await getDocument(this.db, id);
    if (d || id.length >= 64) return d;
    const shared = await this.db.selectFrom('documents').select('hash').where('hash', '>=', id).where('hash', '<', `${id}g`).limit(2).execute();
    if (shared.length > 1) throw new ApiError(409, 'ambiguous-id', `"${id}" is the start of more than one document's id`, 'Give more digits of the id, or all 64.');
    return null;
  }

  async storeAnalysis(init: DocumentInit, result: AnalysisResult): Promise<{ id: string; created: boolean }> {
    const doc = createDocument(init);
    // The same MinHash signature as `narrascope ingest`, so API-stored documents join republication clusters.
    const r = await saveAnalysedDocument(this.store, doc, result, { minhash: encodeSignature(this.hasher.signature(doc.text)) });
    return { id: doc.hash, created: r.status === 'inserted' };
  }

  async matchFactChecks(queries: readonly string[], k: number): Promise<{ library: number; method: 'rerank' | 'bm25'; results: readonly (readonly FactCheckMatch[])[] }> {
    const count = await countFactChecks(this.db);
    if (!this.matcher || this.matcher.count !== count) {
      const entries = count ? await listFactChecks(this.db) : [];
      let matcher: FactCheckMatcher<StoredFactCheck>;
      try {
        matcher = createFactCheckMatcher(entries);
      } catch {
        // A missing or stale re-ranker model must not take matching down: rank by BM25 alone.
        matcher = createFactCheckMatcher(entries, 'bm25');
      }
      this.matcher = { count, matcher };
    }
    const m = this.matcher.matcher;
    return {
      library: count,
      method: m.model ? 'rerank' : 'bm25',
      results: queries.map((q) =>
        count === 0
          ? []
          : m.match(q, { k }).map((h) => {
              const f = h.factCheck;
              return { rank: h.rank, score: h.score, strength: h.strength, highlights: h.highlights, factCheck: { id: f.id, claim: f.claim, title: f.title, rebuttal: f.rebuttal, verdict: f.verdict, rating: f.rating, publisher: f.publisher, url: f.url, datePublished: f.datePublished, origin: f.origin } };
            }),
      ),
    };
  }

  /**
   * The search of `narrascope search` (src/corpus/search.ts): relevance-ranked windows of the matches, facets
   * counted over at most FACET_EXACT_LIMIT of them, and on PostgreSQL totals estimated above
   * EXACT_TOTAL_LIMIT — the plan measured at 100,000 documents, instead of an exact count and full facets.
   */
  async search(query: SearchQuery): Promise<SearchResult> {
    const r = await searchCorpus(this.store, { ...corpusFilters(query), limit: query.limit, offset: query.offset });
    const f = r.facets;
    return {
      total: r.total,
      totalExact: r.totalExact,
      order: r.order,
      facetScope: r.facetScope,
      items: r.hits.map((h) => ({ id: h.hash, title: h.title, outlet: h.outlet, language: h.language, publishedAt: h.publishedAt, url: h.url, length: h.length, ingestedAt: h.ingestedAt, ledgerItems: h.ledgerItems, snippet: h.snippet, score: h.score })),
      facets: { outlets: f?.outlet ?? [], languages: f?.language ?? [], techniques: f?.technique ?? [], narratives: f?.narrative ?? [] },
    };
  }

  async exportDocuments(query: Omit<SearchQuery, 'limit' | 'offset'>, options: { limit: number; keepDismissed: boolean }): Promise<{ matched: number; documents: number; batches: AsyncGenerator<StoredResultsBatch> }> {
    const { matched, ids } = await this.selectForExport(query, options);
    return { matched, documents: ids.length, batches: this.exportSelected(ids, options) };
  }

  async selectForExport(query: Omit<SearchQuery, 'limit' | 'offset'>, options: { limit: number }): Promise<{ matched: number; ids: readonly number[] }> {
    const all = await selectDocumentIds(this.store, corpusFilters(query));
    return { matched: all.length, ids: all.length > options.limit ? all.slice(-options.limit) : all };
  }

  exportSelected(ids: readonly number[], options: { keepDismissed: boolean }): AsyncGenerator<StoredResultsBatch> {
    return storedResults(this.store, ids, { keepDismissed: options.keepDismissed });
  }

  async getDocument(id: string): Promise<{ document: DocumentSummary; result: AnalysisResult | null; dismissals: readonly Dismissal[]; dismissedFindings: readonly string[] } | null> {
    const d = await this.find(id);
    if (!d) return null;
    const result = await getAnalysis(this.db, d.id);
    const dismissals = await listDismissals(this.db, d.hash);
    return {
      document: { id: d.hash, title: d.title, outlet: d.outlet, language: d.language, publishedAt: d.publishedAt, url: d.url, length: d.text.length, ingestedAt: d.ingestedAt },
      result,
      dismissals,
      dismissedFindings: result && dismissals.length ? applyDismissals(result.findings, dismissals).dismissed.map((x) => x.finding.id) : [],
    };
  }

  async deleteDocument(id: string): Promise<boolean> {
    const d = await this.find(id);
    if (!d) return false;
    return this.store.write(async (trx) => {
      // Two deletions of one document at once both found it and both answered "deleted"; writing its row
      // first makes the second wait for the first (PostgreSQL; SQLite's write transactions already do) and
      // then find it gone: 404, as for any document that is not there.
      const held = await trx.updateTable('documents').set({ hash: d.hash }).where('id', '=', d.id).executeTakeFirst();
      if (Number(held.numUpdatedRows) === 0) return false;
      // Rows without ON DELETE CASCADE in the core schema are removed first.
      await trx.deleteFrom('analyses').where('document_id', '=', d.id).execute();
      // Analyst dismissals and confirmations hang on the content hash (so they survive re-analysis), not on
      // the row: they quote the text and carry notes about it, and would outlive a takedown otherwise.
      await trx.deleteFrom('dismissals').where('document_hash', '=', d.hash).execute();
      await (trx as unknown as Kysely<ConfirmationTables>).deleteFrom('ledger_confirmations').where('document_hash', '=', d.hash).execute();
      // Clusters it was in are recounted, and relabelled when their label was its words.
      await removeFromClusters(trx, d.id);
      await trx.deleteFrom('documents').where('id', '=', d.id).execute();
      return true;
    });
  }

  async ledger(query: { q?: string; outlet?: string; limit: number; offset: number }): Promise<{ total: number; items: readonly LedgerRow[] }> {
    let q = this.db.selectFrom('ledger_items as l').innerJoin('documents as d', 'd.id', 'l.document_id').leftJoin('outlets as o', 'o.id', 'd.outlet_id');
    if (query.outlet) q = q.where('o.name', '=', query.outlet);
    if (query.q) {
      const text = query.q;
      q = q.where((eb) => eb.or([containsText(this.store.caps, 'l.claim', text), containsText(this.store.caps, 'l.rebuttal', text), containsText(this.store.caps, 'l.attributed_to', text)]));
    }
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as { n: number | string }).n);
    const rows = await q
      .select(['d.hash', 'd.title', 'o.name as outlet', 'd.published_at', 'l.item_key', 'l.claim', 'l.attributed_to', 'l.motive', 'l.rebuttal', 'l.verdict', 'l.evidence_summary'])
      .orderBy('d.id', 'desc')
      .orderBy('l.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return {
      total,
      items: rows.map((r) => ({ document: r.hash, documentTitle: r.title, outlet: r.outlet, publishedAt: r.published_at, itemKey: r.item_key, claim: r.claim, attributedTo: r.attributed_to, motive: r.motive, rebuttal: r.rebuttal, verdict: r.verdict, evidenceSummary: r.evidence_summary })),
    };
  }

  async claims(query: ClaimQuery): Promise<{ total: number; items: readonly ClaimListRow[] }> {
    let q = this.db.selectFrom('claims as c').innerJoin('documents as d', 'd.id', 'c.document_id').leftJoin('outlets as o', 'o.id', 'd.outlet_id');
    if (query.outlet) q = q.where('o.name', '=', query.outlet);
    if (query.type) q = q.where('c.type', '=', query.type);
    if (query.hasSource !== undefined) q = q.where('c.has_source', '=', query.hasSource ? 1 : 0);
    if (query.q) q = q.where(containsText(this.store.caps, 'c.text', query.q));
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as { n: number | string }).n);
    const rows = await q
      .select(['d.hash', 'd.title', 'o.name as outlet', 'd.published_at', 'c.claim_key', 'c.text', 'c.start_offset', 'c.end_offset', 'c.type', 'c.speaker', 'c.has_source', 'c.check_worthiness'])
      .orderBy('c.check_worthiness', 'desc')
      .orderBy('c.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return {
      total,
      items: rows.map((r) => ({ document: r.hash, documentTitle: r.title, outlet: r.outlet, publishedAt: r.published_at, claimKey: r.claim_key, text: r.text, start: Number(r.start_offset), end: Number(r.end_offset), type: r.type, speaker: r.speaker, hasSource: Number(r.has_source) === 1, checkWorthiness: Number(r.check_worthiness) })),
    };
  }

  async timeline(kind: 'narrative' | 'technique', query: TimelineQuery): Promise<Timeline> {
    return timeline(this.db, this.store.caps, kind, query);
  }

  async clusters(query: { kind?: string; limit: number; offset: number }): Promise<{ total: number; items: readonly ClusterSummary[] }> {
    let q = this.db.selectFrom('clusters');
    if (query.kind) q = q.where('kind', '=', query.kind);
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as { n: number | string }).n);
    const rows = await q.selectAll().orderBy('size', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute();
    return { total, items: rows.map(clusterSummary) };
  }

  async cluster(id: number): Promise<{ cluster: ClusterSummary; members: readonly ClusterMember[] } | null> {
    const c = await this.db.selectFrom('clusters').selectAll().where('id', '=', id).executeTakeFirst();
    if (!c) return null;
    const rows = await this.db
      .selectFrom('cluster_members as m')
      .innerJoin('documents as d', 'd.id', 'm.document_id')
      .leftJoin('outlets as o', 'o.id', 'd.outlet_id')
      .select(['d.hash', 'd.title', 'o.name as outlet', 'd.published_at', 'm.similarity', 'm.text'])
      .where('m.cluster_id', '=', id)
      // Members published the same day came in an arbitrary order, another on PostgreSQL than on SQLite (and
      // a different 1,000 of a larger cluster): ties go in ingestion order.
      .orderBy(sql`coalesce(d.published_at, d.ingested_at)`)
      .orderBy('d.id')
      .limit(1000)
      .execute();
    return { cluster: clusterSummary(c), members: rows.map((r) => ({ document: r.hash, title: r.title, outlet: r.outlet, publishedAt: r.published_at, similarity: Number(r.similarity), text: r.text })) };
  }

  async dismiss(id: string, d: Omit<Dismissal, 'documentHash' | 'id'>): Promise<{ id: number; created: boolean } | null> {
    const doc = await this.find(id);
    if (!doc) return null;
    const done = await addDismissalOnce(this.store, { ...d, documentHash: doc.hash });
    // A deletion that committed between the look-up and the insert has already removed the document's
    // dismissals: this one would stay behind, quoting the text of a document taken down. A deletion after
    // this check removes it with the others.
    if (done.created && !(await this.db.selectFrom('documents').select('id').where('id', '=', doc.id).executeTakeFirst())) {
      await this.store.write((trx) => trx.deleteFrom('dismissals').where('id', '=', done.id).execute());
      return null;
    }
    return done;
  }

  async confirm(id: string, c: { itemKey: string; verdict: string; note: string; author: string }): Promise<{ id: number; created: boolean } | null> {
    const doc = await this.find(id);
    if (!doc) return null;
    return this.store.write(async (trx) => {
      const t = trx as unknown as Kysely<ConfirmationTables>;
      // A repeated submission (a double click, a client's retry) is the same confirmation, not a second
      // one: each confirmation becomes a ClaimReview in the exports. Writing the document's row first makes
      // two such requests wait for each other on PostgreSQL too (SQLite's write transactions already do),
      // so the second one's look-up sees the first one's row.
      const held = await trx.updateTable('documents').set({ hash: doc.hash }).where('id', '=', doc.id).executeTakeFirst();
      // Deleted since it was found (a DELETE at the same moment): a confirmation stored now would outlive
      // the takedown with its note, under a hash no document has.
      if (Number(held.numUpdatedRows) === 0) return null;
      const same = await t
        .selectFrom('ledger_confirmations')
        .select('id')
        .where('document_hash', '=', doc.hash)
        .where('item_key', '=', c.itemKey)
        .where('verdict', '=', c.verdict)
        .where('note', '=', c.note)
        .where('author', '=', c.author)
        .executeTakeFirst();
      if (same) return { id: Number(same.id), created: false };
      const row = await t
        .insertInto('ledger_confirmations')
        .values({ document_hash: doc.hash, item_key: c.itemKey, verdict: c.verdict, note: c.note, author: c.author, created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: Number(row.id), created: true };
    });
  }

  async supersededDocuments(): Promise<ReadonlySet<string>> {
    return supersededDocuments(this.store);
  }

  async confirmations(id: string): Promise<readonly { itemKey: string; verdict: string; note: string; author: string; createdAt: string }[]> {
    const doc = await this.find(id);
    if (!doc) return [];
    const t = this.db as unknown as Kysely<ConfirmationTables>;
    const rows = await t.selectFrom('ledger_confirmations').selectAll().where('document_hash', '=', doc.hash).orderBy('id').execute();
    return rows.map((r) => ({ itemKey: r.item_key, verdict: r.verdict, note: r.note, author: r.author, createdAt: r.created_at }));
  }
}

/**
 * `column` contains `text` as plain text, ignoring case: LIKE with its wildcards escaped, both sides
 * lower-cased. SQLite's LIKE ignores ASCII case and PostgreSQL's does not, so "poison" and "Poison" found
 * different ledger items and claims on the two stores; and SQLite's lower() folds ASCII only, so on SQLite
 * "польша" did not find "ПОЛЬША": there both sides go through the store's Unicode lower case
 * (src/store/casefold.ts).
 */
function containsText(caps: Capabilities, column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
  if (caps.dialect === 'sqlite') return sql<SqlBool>`${sql.raw(CASEFOLD_FUNCTION)}(${sql.ref(column)}) LIKE ${sql.raw(CASEFOLD_FUNCTION)}(${pattern}) ESCAPE '\\'`;
  return sql<SqlBool>`lower(${sql.ref(column)}) LIKE lower(${pattern}) ESCAPE '\\'`;
}

/** Tables added by the server's migration (src/store/migrations/0002-api.ts). */
export interface ConfirmationTables {
  ledger_confirmations: { id: Generated<number>; document_hash: string; item_key: string; verdict: string; note: string; author: string; created_at: string };
}

function clusterSummary(c: { id: number; kind: string; size: number; outlets: number; first_seen: string | null; last_seen: string | null; label: string }): ClusterSummary {
  return { id: Number(c.id), kind: c.kind, size: Number(c.size), outlets: Number(c.outlets), firstSeen: c.first_seen, lastSeen: c.last_seen, label: c.label };
}
