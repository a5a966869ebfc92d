/**
 * Ingestion: read inputs → skip what is stored → analyse in parallel → store each document in its own
 * transaction, with its watch matches and counter-narrative links.
 *
 * Guarantees: a document is keyed by its content hash, so re-ingesting is a no-op and a run killed at any
 * moment (kill -9) can simply be run again — each document is committed whole or not at all. A document
 * that cannot be read, analysed or stored is recorded in `failures` with its error and the run goes on.
 * Memory is bounded: inputs are streamed and at most `window` documents are in flight; nothing kept per
 * document grows with the corpus (the watch and ledger indexes grow with watch entries and ledger items).
 */
import type { AnalyzerOptions } from '../../analyzer.js';
import { createAnalyzer } from '../../analyzer.js';
import { createDocument, type Document } from '../../core/text/document.js';
import { isStoreError } from '../../store/errors.js';
import type { Store } from '../../store/open.js';
import { storedDocumentId, type SaveStatus } from '../../store/repositories/documents.js';
import { prepareAnalysis, preparedClaimRanges } from '../../store/repositories/prepared-analysis.js';
import { recordFailure, type FailureStage } from '../../store/repositories/failures.js';
import { TOOL_VERSION } from '../../version.js';
import { linkCounterClaims, loadLedgerIndex } from '../counter-links.js';
import { loadWatchIndex, recordWatchMatches, type WatchMatchFound } from '../watch.js';
import { createBatchWriter } from './batch-writer.js';
import { createPool, defaultPoolSize } from './pool.js';
import { measureInputs, readSources, type ReadProgress, type SourceItem, type SourceOptions } from './sources.js';

export interface IngestOptions {
  /** Re-run analysis of stored documents whose analysis used other detector versions or configuration. */
  readonly reanalyze?: boolean;
  /** Analysis threads (default: number of cores; 1 = in-process). */
  readonly workers?: number;
  readonly analyzer?: AnalyzerOptions;
  readonly read?: SourceOptions;
  /** Check new documents against watch entries and ledgers (default true). */
  readonly track?: boolean;
  /** Called after every document (the CLI draws its progress bar from it). */
  readonly onProgress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  readonly processed: number;
  readonly stored: number;
  readonly failed: number;
  readonly elapsedMs: number;
  readonly bytesDone: number;
  readonly bytesTotal: number | undefined;
}

export interface IngestError {
  readonly origin: string;
  readonly stage: FailureStage;
  readonly message: string;
  readonly hint?: string;
  /** InputError kind (network, malformed ...) or `analysis` / `store`. */
  readonly kind: string;
}

export interface IngestSummary {
  /** Documents read from the inputs (not counting failed records). */
  readonly documents: number;
  readonly inserted: number;
  readonly reanalysed: number;
  /** Already stored with the same analysis (or repeated within this run). */
  readonly unchanged: number;
  readonly skipped: number;
  readonly failed: number;
  readonly watchMatches: readonly WatchMatchFound[];
  readonly counterLinks: number;
  /** The first 200 errors (all are in the store's failures table). */
  readonly errors: readonly IngestError[];
  readonly elapsedMs: number;
  /** Sum of per-document analysis time (across threads) and of store transaction time. */
  readonly analysisMs: number;
  readonly storeMs: number;
  readonly workers: number;
}

interface Counters {
  documents: number;
  inserted: number;
  reanalysed: number;
  unchanged: number;
  skipped: number;
  failed: number;
  counterLinks: number;
  analysisMs: number;
  storeMs: number;
}

/** The analysis identity: documents analysed under another one are re-analysed by --reanalyze. */
export function analysisIdentity(options: AnalyzerOptions = {}): { toolVersion: string; configHash: string; versionsJson: string } {
  const a = createAnalyzer(options);
  return {
    toolVersion: TOOL_VERSION,
    configHash: a.config.hash,
    versionsJson: JSON.stringify({
      detectors: a.config.detectors.map((d) => ({ id: d.detector.meta.id, version: d.detector.meta.version })),
      aggregators: a.config.aggregators.map((g) => ({ id: g.aggregator.meta.id, version: g.aggregator.meta.version })),
    }),
  };
}

/** Every stored document, in pages (for `ingest --reanalyze` without inputs). */
async function* storedDocuments(store: Store): AsyncGenerator<SourceItem> {
  let after = 0;
  for (;;) {
    const rows = await store.db.selectFrom('documents').select(['id', 'title', 'text', 'language', 'source_json']).where('id', '>', after).orderBy('id').limit(200).execute();
    if (!rows.length) return;
    for (const r of rows) {
      after = Number(r.id);
      const source = JSON.parse(r.source_json) as Document['source'];
      // The stored language is a hint again: stores written before records' languages became hints hold
      // the language column's value (EUvsDisinfo's "Russian" beside English text), which re-analysis corrects.
      yield { kind: 'document', origin: `stored:${r.id}`, document: createDocument({ text: r.text, source, ...(r.title !== null ? { title: r.title } : {}), ...(r.language ? { declaredLanguage: r.language } : {}) }) };
    }
  }
}

export async function ingest(store: Store, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const c: Counters = { documents: 0, inserted: 0, reanalysed: 0, unchanged: 0, skipped: 0, failed: 0, counterLinks: 0, analysisMs: 0, storeMs: 0 };
  const errors: IngestError[] = [];
  const matches: WatchMatchFound[] = [];
  const track = options.track ?? true;
  const watchIndex = track ? await loadWatchIndex(store.db) : null;
  const ledgerIndex = track ? await loadLedgerIndex(store.db) : null;
  const identity = options.reanalyze ? analysisIdentity(options.analyzer) : null;
  const cwd = options.read?.cwd ?? process.cwd();
  const progress: ReadProgress = { bytesDone: 0, bytesTotal: inputs.length ? await measureInputs(inputs, cwd) : undefined };
  const pool = createPool(options.workers ?? defaultPoolSize(), options.analyzer);
  const writer = createBatchWriter(store);
  // Documents in flight: being analysed, queued for a worker, or waiting for the next group commit.
  const window = Math.max(4, pool.size * 3) + 16;
  const pending = new Set<string>();
  const inflight = new Set<Promise<void>>();

  const report = (): void =>
    options.onProgress?.({ processed: c.inserted + c.reanalysed + c.unchanged + c.failed + c.skipped, stored: c.inserted + c.reanalysed, failed: c.failed, elapsedMs: performance.now() - started, bytesDone: progress.bytesDone, bytesTotal: progress.bytesTotal });

  const fail = async (origin: string, stage: FailureStage, kind: string, message: string, hint?: string, hash?: string): Promise<void> => {
    c.failed++;
    if (errors.length < 200) errors.push({ origin, stage, kind, message, ...(hint ? { hint } : {}) });
    await recordFailure(store, { source: origin, stage, hash: hash ?? null, error: message });
  };

  /** Whether a stored document must be analysed (again). */
  const needsAnalysis = async (doc: Document): Promise<boolean> => {
    const id = await storedDocumentId(store, doc.hash);
    if (id === null) return true;
    if (!identity) return false;
    const a = await store.db.selectFrom('documents').innerJoin('analyses', 'analyses.id', 'documents.current_analysis_id').select(['analyses.config_hash', 'analyses.tool_version', 'analyses.versions_json']).where('documents.id', '=', id).executeTakeFirst();
    return !a || a.config_hash !== identity.configHash || a.tool_version !== identity.toolVersion || a.versions_json !== identity.versionsJson;
  };

  const process1 = async (origin: string, doc: Document): Promise<void> => {
    const reply = await pool.analyse({ text: doc.text, source: doc.source, ...(doc.title !== undefined ? { title: doc.title } : {}), ...(doc.language !== undefined ? { language: doc.language } : {}), ...(doc.declaredLanguage !== undefined ? { declaredLanguage: doc.declaredLanguage } : {}), ...(doc.warnings.length ? { warnings: doc.warnings } : {}), forStore: true });
    if ('error' in reply) {
      await fail(origin, 'analyse', 'analysis', `${origin}: analysis failed: ${reply.error}`, undefined, doc.hash);
      return;
    }
    // From a worker thread the stored form comes ready (its rows, compressed JSON); in-process, the result.
    const prepared = reply.prepared ?? prepareAnalysis(reply.result, reply.resultJson !== undefined ? { resultJson: reply.resultJson } : {});
    c.analysisMs += prepared.totalMs;
    const t = performance.now();
    let found: WatchMatchFound[] = [];
    let status: SaveStatus;
    try {
      const saved = await writer.save({
        doc,
        result: prepared,
        options: {
          reanalyze: options.reanalyze ?? false,
          minhash: reply.minhash,
          after: async (trx, documentId, st) => {
            if (st === 'unchanged' || !watchIndex || !ledgerIndex) return;
            // The document's ledger rows were just written from this result: take its claim ranges from it.
            const claimRanges = preparedClaimRanges(prepared);
            found = await recordWatchMatches(trx, watchIndex, documentId, doc.text, claimRanges);
            const linked = await linkCounterClaims(trx, store.caps, ledgerIndex, documentId, doc.text, { claimRanges, hasItems: claimRanges.length > 0 });
            c.counterLinks += linked.links;
            // Added now, not after the commit: the next document of the same batch must see this one's
            // ledger claims. Should the batch fail, the documents are saved again one by one and a probe
            // of a document that was not stored matches nothing (links check that the ledger item exists).
            for (const p of linked.probes) ledgerIndex.add(p.probe, p.claim);
          },
        },
      });
      status = saved.status;
    } catch (e) {
      if (isStoreError(e)) throw e;
      const message = (e as Error).message;
      await fail(origin, 'store', 'store', `${origin}: could not store the document: ${message}`, storeFailureHint(message), doc.hash);
      return;
    } finally {
      c.storeMs += performance.now() - t;
    }
    matches.push(...found);
    if (status === 'inserted') c.inserted++;
    else if (status === 'reanalysed') c.reanalysed++;
    else c.unchanged++;
  };

  const source = inputs.length ? readSources(inputs, { ...options.read, cwd }, progress) : options.reanalyze ? storedDocuments(store) : readSources([], {}, progress);
  let fatal: unknown = null;
  try {
    for await (const item of source) {
      if (fatal) break;
      if (item.kind === 'skipped') {
        c.skipped++;
      } else if (item.kind === 'error') {
        await fail(item.origin, 'read', item.error.kind, item.error.message, item.error.hint);
      } else {
        c.documents++;
        const doc = item.document;
        if (pending.has(doc.hash) || !(await needsAnalysis(doc))) {
          c.unchanged++;
        } else {
          pending.add(doc.hash);
          const p: Promise<void> = process1(item.origin, doc)
            .catch((e: unknown) => {
              fatal ??= e;
            })
            .finally(() => {
              pending.delete(doc.hash);
              inflight.delete(p);
              report();
            });
          inflight.add(p);
          while (inflight.size >= window) await Promise.race(inflight);
          continue;
        }
      }
      report();
    }
    await Promise.all(inflight);
  } finally {
    await pool.close();
  }
  if (fatal) throw fatal;
  report();
  return { ...c, watchMatches: matches, errors, elapsedMs: performance.now() - started, workers: pool.size };
}

/**
 * What to do about a store's refusal of one document, for the known cases. PostgreSQL's text search keeps
 * at most 1 MB of words and positions per document (`tsvector`), which a text of a few megabytes of
 * varied words exceeds; SQLite's FTS5 has no such limit.
 */
export function storeFailureHint(message: string): string | undefined {
  return /too long for tsvector/u.test(message) ? 'The document is too large for PostgreSQL text search: split it into parts, or use a SQLite store.' : undefined;
}
