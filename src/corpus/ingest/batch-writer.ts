/**
 * Group commit for ingestion: analysed documents wait for the next write transaction, which takes every
 * document that arrived while the previous one was being written (up to `maxBatch`). A commit costs a few
 * milliseconds of log writes whatever it holds, so under load batches grow and the per-document cost falls,
 * while a lone document is still written at once. Each document keeps its own outcome (see
 * saveAnalysedDocuments: a failing batch is retried one document at a time).
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

export function createBatchWriter(store: Store, maxBatch = 32): BatchWriter {
  const queue: Pending[] = [];
  const stats = { batches: 0, documents: 0 };
  let writing = false;

  const drain = async (): Promise<void> => {
    writing = true;
    try {
      while (queue.length) {
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
      }
    } catch (e) {
      for (const p of queue.splice(0)) p.reject(e);
    } finally {
      writing = false;
    }
  };

  return {
    stats,
    save(item) {
      return new Promise<SaveResult>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
