/**
 * Documents and their analyses. `saveAnalysedDocument` is the one write path of ingestion: in one
 * transaction it stores the document (keyed by content hash), its analysis and every derived row, so a
 * document is either fully stored or not at all, and storing it twice changes nothing.
 */
import type { AnalysisResult } from '../../core/result/types.js';
import type { Document } from '../../core/text/document.js';
import type { Store } from '../open.js';
import { unpackResultJson } from '../result-codec.js';
import { DERIVED_COLUMNS, isPreparedAnalysis, prepareAnalysis, type DerivedTable, type PreparedAnalysis, type Row } from './prepared-analysis.js';

export { techniquesOf } from './prepared-analysis.js';
import type { DocumentRow } from '../schema.js';
import { chunks, nowIso, weekOf, type Db } from './rows.js';

export type SaveStatus = 'inserted' | 'reanalysed' | 'unchanged';

export interface SaveResult {
  readonly status: SaveStatus;
  readonly documentId: number;
}

export interface SaveOptions {
  /** Replace the analysis of a document already stored (after detectors changed). */
  readonly reanalyze?: boolean;
  /** Near-duplicate signature (see corpus/minhash.ts), stored for clustering. */
  readonly minhash?: string | null;
  /** Extra work in the same transaction (watch matches, counter links), given the document id. */
  readonly after?: (trx: Db, documentId: number, status: SaveStatus) => Promise<void>;
}

export async function documentIdByHash(db: Db, hash: string): Promise<number | null> {
  const row = await db.selectFrom('documents').select('id').where('hash', '=', hash).executeTakeFirst();
  return row ? Number(row.id) : null;
}

/**
 * SQLite statements of the per-document write path, run directly (cached prepared statements) instead of
 * through Kysely: building and compiling a Kysely query costs ~0.3 ms, and storing a document took eight of
 * them — about as much CPU as SQLite's own work. PostgreSQL keeps the Kysely path (null here).
 */
interface RawWriter {
  readonly read: NonNullable<Store['readColumn']>;
  readonly insert: NonNullable<Store['insertRows']>;
  readonly insertValues: Store['insertValues'];
}

function rawWriter(store: Store): RawWriter | null {
  return store.readColumn && store.insertRows ? { read: store.readColumn, insert: store.insertRows, insertValues: store.insertValues } : null;
}

/** The id of the stored document with this content hash, or null (direct statement on SQLite). */
export async function storedDocumentId(store: Store, hash: string, trx: Db = store.db): Promise<number | null> {
  if (!store.readColumn) return documentIdByHash(trx, hash);
  const id = store.readColumn('SELECT id FROM documents WHERE hash = ?', [hash])[0];
  return id === undefined ? null : Number(id);
}

/** Which of these hashes are stored already (one query per 400). */
export async function existingHashes(db: Db, hashes: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks([...new Set(hashes)])) {
    if (!part.length) continue;
    const rows = await db.selectFrom('documents').select('hash').where('hash', 'in', part).execute();
    for (const r of rows) out.add(r.hash);
  }
  return out;
}

export async function outletId(trx: Db, name: string | undefined | null, raw: RawWriter | null = null): Promise<number | null> {
  const clean = name?.trim();
  if (!clean) return null;
  if (raw) {
    const id = raw.read('SELECT id FROM outlets WHERE name = ?', [clean])[0];
    return id !== undefined ? Number(id) : raw.insert('outlets', [{ name: clean }]);
  }
  await trx.insertInto('outlets').values({ name: clean }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await trx.selectFrom('outlets').select('id').where('name', '=', clean).executeTakeFirstOrThrow();
  return Number(row.id);
}

/** True for a unique-constraint violation (another writer stored the same hash first). */
function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export async function saveAnalysedDocument(store: Store, doc: Document, result: AnalysisResult | PreparedAnalysis, options: SaveOptions = {}): Promise<SaveResult> {
  try {
    return await store.write((trx) => saveInTransaction(store, trx, doc, result, options));
  } catch (e) {
    // PostgreSQL: two processes checked the hash at the same time and the other committed first. Running
    // again finds its row (and returns `unchanged`, or re-analyses when asked).
    if (isUniqueViolation(e)) return store.write((trx) => saveInTransaction(store, trx, doc, result, options));
    throw e;
  }
}

export interface SaveItem {
  readonly doc: Document;
  /** The analysis result, or its stored form made by `prepareAnalysis` (in a worker thread). */
  readonly result: AnalysisResult | PreparedAnalysis;
  readonly options?: SaveOptions;
}

/**
 * Several documents in one transaction (group commit): each commit of a write-ahead log costs a few
 * milliseconds of page writes whatever it holds, which at ingest rates is as much as storing a document.
 * The batch is atomic; when it fails, each document is saved alone, so one bad document fails only itself
 * (its error is the rejection of its own entry in the returned list).
 */
export async function saveAnalysedDocuments(store: Store, items: readonly SaveItem[]): Promise<PromiseSettledResult<SaveResult>[]> {
  if (items.length === 1) {
    const [only] = items as [SaveItem];
    return [await saveAnalysedDocument(store, only.doc, only.result, only.options).then((value): PromiseSettledResult<SaveResult> => ({ status: 'fulfilled', value }), (reason: unknown): PromiseSettledResult<SaveResult> => ({ status: 'rejected', reason }))];
  }
  try {
    const saved = await store.write(async (trx) => {
      const out: SaveResult[] = [];
      for (const it of items) out.push(await saveInTransaction(store, trx, it.doc, it.result, it.options ?? {}));
      return out;
    });
    return saved.map((value) => ({ status: 'fulfilled', value }));
  } catch {
    const out: PromiseSettledResult<SaveResult>[] = [];
    for (const it of items) out.push(...(await saveAnalysedDocuments(store, [it])));
    return out;
  }
}

async function saveInTransaction(store: Store, trx: Db, doc: Document, result: AnalysisResult | PreparedAnalysis, options: SaveOptions): Promise<SaveResult> {
  const raw = rawWriter(store);
  // A caller that has the result's JSON already (an ingest worker) passes the prepared form instead.
  const p = isPreparedAnalysis(result) ? result : prepareAnalysis(result);
  let documentId = await storedDocumentId(store, doc.hash, trx);
  let status: SaveStatus;
  if (documentId !== null) {
    if (!options.reanalyze) return { status: 'unchanged', documentId };
    await deleteDerived(trx, documentId);
    status = 'reanalysed';
  } else {
    const values = documentValues(doc, p, await outletId(trx, doc.source.outlet, raw), options.minhash ?? null);
    documentId = raw ? raw.insert('documents', [values]) : Number((await trx.insertInto('documents').values(values).returning('id').executeTakeFirstOrThrow()).id);
    if (documentId === null) throw new Error('the document row was not inserted');
    status = 'inserted';
  }
  await insertAnalysis(trx, raw, documentId, p);
  await options.after?.(trx, documentId, status);
  return { status, documentId };
}

function documentValues(doc: Document, p: PreparedAnalysis, outlet: number | null, minhash: string | null): Omit<DocumentRow, 'id'> {
  const s = doc.source;
  return {
    hash: doc.hash,
    title: doc.title ?? p.title,
    text: doc.text,
    language: doc.language ?? p.language,
    outlet_id: outlet,
    author: s.author ?? null,
    url: s.uri && /^https?:/iu.test(s.uri) ? s.uri : null,
    published_at: s.publishedAt ?? null,
    published_week: weekOf(s.publishedAt),
    source_kind: s.kind,
    source_json: JSON.stringify(s),
    length: doc.text.length,
    minhash,
    current_analysis_id: null,
    ingested_at: nowIso(),
  };
}

async function deleteDerived(trx: Db, documentId: number): Promise<void> {
  for (const table of ['findings', 'ledger_items', 'claims', 'narratives', 'entities', 'document_techniques'] as const) {
    await trx.deleteFrom(table).where('document_id', '=', documentId).execute();
  }
}

/**
 * Writes a document's derived rows into a table inside the current write transaction. Each row is given
 * as its values after `document_id` and `analysis_id`, in the order of the table's column list below.
 * SQLite: one cached prepared statement per table, run once per row (≈3 µs a row) with no row object
 * built; building and preparing a Kysely multi-row insert for ~100 rows of a document costs several
 * milliseconds. PostgreSQL: Kysely multi-row inserts of the same values.
 */
type RowWriter = (table: DerivedTable, rows: readonly Row[]) => Promise<void>;

function rowWriter(raw: RawWriter | null, trx: Db, documentId: number, analysisId: number): RowWriter {
  if (raw?.insertValues) {
    const insertValues = raw.insertValues;
    return async (table, rows) => {
      const own = DERIVED_COLUMNS[table];
      const values = rows.map((r) => {
        const v: unknown[] = [documentId, analysisId];
        for (let i = 0; i < own.length; i++) v.push(r[i] ?? null);
        return v;
      });
      insertValues(table, ['document_id', 'analysis_id', ...own], values);
    };
  }
  return async (table, rows) => {
    const columns = DERIVED_COLUMNS[table];
    const objects = rows.map((r) => {
      const o: Record<string, unknown> = { document_id: documentId, analysis_id: analysisId };
      columns.forEach((c, i) => (o[c] = r[i]));
      return o;
    });
    for (const part of chunks(objects)) await trx.insertInto(table).values(part as never).execute();
  };
}

async function insertAnalysis(trx: Db, raw: RawWriter | null, documentId: number, p: PreparedAnalysis): Promise<number> {
  const values = {
    document_id: documentId,
    tool_version: p.toolVersion,
    config_hash: p.configHash,
    versions_json: p.versionsJson,
    result_json: '',
    result_packed: p.packed,
    total_ms: p.totalMs,
    created_at: nowIso(),
  };
  const analysisId = raw ? raw.insert('analyses', [values]) : Number((await trx.insertInto('analyses').values(values).returning('id').executeTakeFirstOrThrow()).id);
  if (analysisId === null) throw new Error('the analysis row was not inserted');
  const write = rowWriter(raw, trx, documentId, analysisId);
  for (const table of Object.keys(DERIVED_COLUMNS) as DerivedTable[]) await write(table, p.rows[table]);
  const techniques = p.techniques.map(([technique, count]) => ({ document_id: documentId, technique, count }));
  if (raw) raw.insert('document_techniques', techniques);
  else if (techniques.length) await trx.insertInto('document_techniques').values(techniques).execute();
  if (raw) raw.read('UPDATE documents SET current_analysis_id = ? WHERE id = ? RETURNING id', [analysisId, documentId]);
  else await trx.updateTable('documents').set({ current_analysis_id: analysisId }).where('id', '=', documentId).execute();
  return analysisId;
}

export interface StoredDocument {
  readonly id: number;
  readonly hash: string;
  readonly title: string | null;
  readonly text: string;
  readonly language: string | null;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly ingestedAt: string;
}

/** A document by content hash (or a unique prefix of it, at least 8 hex digits) or by numeric id. */
export async function getDocument(db: Db, key: string | number): Promise<StoredDocument | null> {
  let q = db
    .selectFrom('documents')
    .leftJoin('outlets', 'outlets.id', 'documents.outlet_id')
    .select(['documents.id', 'hash', 'title', 'text', 'language', 'outlets.name as outlet', 'author', 'url', 'published_at', 'ingested_at']);
  if (typeof key === 'number') q = q.where('documents.id', '=', key);
  else if (key.length === 64) q = q.where('hash', '=', key);
  else q = q.where('hash', '>=', key).where('hash', '<', `${key}g`);
  const rows = await q.limit(2).execute();
  if (rows.length !== 1) return null;
  const r = rows[0]!;
  return { id: Number(r.id), hash: r.hash, title: r.title, text: r.text, language: r.language, outlet: r.outlet, author: r.author, url: r.url, publishedAt: r.published_at, ingestedAt: r.ingested_at };
}

/** The stored analysis result of a document (document text put back in), or null. */
export async function getAnalysis(db: Db, documentId: number): Promise<AnalysisResult | null> {
  const row = await db
    .selectFrom('documents')
    .innerJoin('analyses', 'analyses.id', 'documents.current_analysis_id')
    .select(['analyses.result_json', 'analyses.result_packed', 'documents.text'])
    .where('documents.id', '=', documentId)
    .executeTakeFirst();
  if (!row) return null;
  const result = JSON.parse(storedResultJson(row)) as AnalysisResult;
  return { ...result, document: { ...result.document, text: row.text } };
}

/**
 * The stored analysis results of several documents (document text put back in), keyed by document id;
 * documents without an analysis are absent, and so are those whose stored result cannot be read (listed
 * in `unreadable`, so that one damaged row does not stop an export of thousands). One statement per call.
 */
export async function getAnalyses(db: Db, documentIds: readonly number[]): Promise<{ results: Map<number, AnalysisResult>; unreadable: number[]; ingestedAt: Map<number, string> }> {
  const results = new Map<number, AnalysisResult>();
  const unreadable: number[] = [];
  /** When each document was first stored: the creation time of what is exported from it (STIX `created`). */
  const ingestedAt = new Map<number, string>();
  if (!documentIds.length) return { results, unreadable, ingestedAt };
  const rows = await db
    .selectFrom('documents')
    .innerJoin('analyses', 'analyses.id', 'documents.current_analysis_id')
    .select(['documents.id', 'analyses.result_json', 'analyses.result_packed', 'documents.text', 'documents.ingested_at'])
    .where('documents.id', 'in', [...documentIds])
    .execute();
  for (const row of rows) {
    let result: AnalysisResult;
    try {
      result = JSON.parse(storedResultJson(row)) as AnalysisResult;
    } catch {
      unreadable.push(Number(row.id));
      continue;
    }
    results.set(Number(row.id), { ...result, document: { ...result.document, text: row.text } });
    ingestedAt.set(Number(row.id), row.ingested_at);
  }
  return { results, unreadable, ingestedAt };
}

/** The result JSON of an `analyses` row, whichever way it is stored (compressed since migration 0006). */
export function storedResultJson(row: { readonly result_json: string; readonly result_packed: Uint8Array | null }): string {
  return row.result_packed ? unpackResultJson(row.result_packed) : row.result_json;
}

export async function countDocuments(db: Db): Promise<number> {
  const row = await db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
