/**
 * Group commit for ingestion: analysed documents wait for the next write transaction, which takes every
 * document that arrived while the previous one was being written (up to `maxBatch`). A transaction costs a
 * fixed amount whatever it holds (log writes, and a new FTS5 index segment to merge later), so batches cut
 * the per-document cost of storing: with precomputed results of news articles, ≈ 2.0 ms CPU per document
 * one per transaction, ≈ 1.6 four per transaction, ≈ 1.2 thirty-two per transaction. Documents come back
 * from the analysis workers one at a time, every few milliseconds, and a one-document write is quicker than
 * that, so batches did not form by themselves (2,741 transactions for 2,968 documents): a document that
 * finds the writer idle now waits up to `lingerMs` for others until `minBatch` are queued. Each document
 * keeps its own outcome (see saveAnalysedDocuments: a failing batch is retried one document at a time).
 */
import type { Store } from '../../store/open.js';
import { saveAnalysedDocuments, type SaveItem, type SaveResult } from '../../store/repositories/documents.js';

interface Pending {
  readonly item: SaveItem;
  readonly resolve: (r: SaveResult) => void;
  readonly reject: (e: unknown) => void;
}

export interface BatchWriter {
  save(item: SaveItem): Promise<SaveResult>;
  /** Number of write transactions so far and documents written through them. */
  readonly stats: { readonly batches: number; readonly documents: number };
}

export interface BatchWriterOptions {
  /** Most documents in one transaction (default 32). */
  readonly maxBatch?: number;
  /** Documents to wait for before writing, when the writer is idle (default 8; 1 = write at once). */
  readonly minBatch?: number;
  /** Longest wait for `minBatch` documents, in ms (default 100). */
  readonly lingerMs?: number;
}

export function createBatchWriter(store: Store, options: BatchWriterOptions = {}): BatchWriter {
  const maxBatch = options.maxBatch ?? 32;
  const minBatch = Math.max(1, Math.min(options.minBatch ?? 8, maxBatch));
  const lingerMs = options.lingerMs ?? 100;
  const queue: Pending[] = [];
  const stats = { batches: 0, documents: 0 };
  let writing = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** Writes now when `minBatch` documents wait, else within `lingerMs`. */
  const schedule = (): void => {
    if (writing || queue.length === 0) return;
    if (queue.length >= minBatch) {
      if (timer) clearTimeout(timer);
      timer = null;
      void drain();
    } else {
      timer ??= setTimeout(() => {
        timer = null;
        if (!writing && queue.length) void drain();
      }, lingerMs);
    }
  };

  const drain = async (): Promise<void> => {
    writing = true;
    try {
      do {
        const batch = queue.splice(0, maxBatch);
        const outcomes = await saveAnalysedDocuments(
          store,
          batch.map((p) => p.item),
        );
        stats.batches++;
        stats.documents += batch.length;
        outcomes.forEach((o, i) => {
          const p = batch[i] as Pending;
          if (o.status === 'fulfilled') p.resolve(o.value);
          else p.reject(o.reason);
        });
        // SQLite writes synchronously: yield one event-loop turn so that analyses finished meanwhile
        // (worker messages) join the next batch.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } while (queue.length >= minBatch);
    } catch (e) {
      for (const p of queue.splice(0)) p.reject(e);
    } finally {
      writing = false;
    }
    // Fewer than minBatch documents arrived during the last write: they wait for company, not forever.
    schedule();
  };

  return {
    stats,
    save(item) {
      return new Promise<SaveResult>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      });
    },
  };
}
