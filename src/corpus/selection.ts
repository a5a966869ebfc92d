/**
 * A selection of stored documents by the search filters (words, outlet, dates, language, technique,
 * narrative, entity, has-ledger), read back as analysis results in batches — what `narrascope export
 * --corpus` writes. Unlike search it neither ranks nor pages: it takes every match, in ingestion order.
 */
import { sql } from 'kysely';
import type { AnalysisResult } from '../core/result/types.js';
import { withoutFindings } from '../core/result/without-findings.js';
import type { Store } from '../store/open.js';
import { applyDismissals, getAnalyses, listDismissalsOf } from '../store/index.js';
import { searchConditions, type SearchQuery } from './search.js';

/** The filters of a search, without its paging and facet options. */
export type CorpusSelection = Omit<SearchQuery, 'limit' | 'offset' | 'facets' | 'exactTotal'>;

/**
 * Ids of the documents that match, in ingestion order. With `limit`, the `limit` most recently ingested
 * of them (still returned oldest first). A few bytes per id: a 100,000-document corpus is under 1 MB.
 */
export async function selectDocumentIds(store: Store, selection: CorpusSelection, limit?: number): Promise<number[]> {
  const conds = searchConditions(store, selection);
  if (!conds) return [];
  const where = conds.length ? sql`WHERE ${sql.join(conds, sql` AND `)}` : sql``;
  const rows = limit === undefined
    ? await sql<{ id: number }>`SELECT documents.id FROM documents ${where} ORDER BY documents.id`.execute(store.db)
    : await sql<{ id: number }>`SELECT documents.id FROM documents ${where} ORDER BY documents.id DESC LIMIT ${limit}`.execute(store.db);
  const ids = rows.rows.map((r) => Number(r.id));
  return limit === undefined ? ids : ids.reverse();
}

export interface StoredResultsOptions {
  /** Documents read per statement (default 100: about 7 MB of analysis JSON for news articles). */
  readonly batchSize?: number;
  /** Leave in the findings analysts dismissed (default: take them out, see core/result/without-findings.ts). */
  readonly keepDismissed?: boolean;
}

export interface StoredResultsBatch {
  readonly results: readonly AnalysisResult[];
  /** Selected documents with no stored analysis (their analysis failed, or was removed). */
  readonly missing: number;
  /** Selected documents whose stored analysis could not be decoded (a damaged row). */
  readonly unreadable: number;
  /** Findings taken out because an analyst dismissed them. */
  readonly dismissed: number;
  /** When each document of the batch was first stored, by content hash (the STIX `created` of its objects). */
  readonly ingestedAt: ReadonlyMap<string, string>;
}

/**
 * The stored analysis results of `ids`, a batch at a time and in the order given, so that memory stays
 * bounded by the batch and not by the selection.
 */
export async function* storedResults(store: Store, ids: readonly number[], options: StoredResultsOptions = {}): AsyncGenerator<StoredResultsBatch> {
  const size = Math.max(1, options.batchSize ?? 100);
  for (let at = 0; at < ids.length; at += size) {
    const batch = ids.slice(at, at + size);
    const { results: byId, unreadable, ingestedAt: byIdIngested } = await getAnalyses(store.db, batch);
    const ingestedAt = new Map<string, string>();
    for (const [id, r] of byId) {
      const t = byIdIngested.get(id);
      if (t) ingestedAt.set(r.document.hash, t);
    }
    const ordered = batch.flatMap((id) => {
      const r = byId.get(id);
      return r ? [r] : [];
    });
    let dismissed = 0;
    let results = ordered;
    if (!options.keepDismissed) {
      const dismissals = await listDismissalsOf(store.db, ordered.map((r) => r.document.hash));
      if (dismissals.size) {
        results = ordered.map((r) => {
          const list = dismissals.get(r.document.hash);
          if (!list) return r;
          const hidden = applyDismissals(r.findings, list).dismissed.map((x) => x.finding.id);
          dismissed += hidden.length;
          return withoutFindings(r, new Set(hidden));
        });
      }
    }
    yield { results, missing: batch.length - ordered.length - unreadable.length, unreadable: unreadable.length, dismissed, ingestedAt };
  }
}
