/**
 * Analyst dismissals: "this finding is wrong", with author and reason. A dismissal is anchored on the
 * document hash, detector id, quoted text and offsets — not on an analysis — so it survives re-analysis:
 * after the detectors change, a new finding with the same detector and quote is still dismissed (at the
 * same offsets, or at the nearest occurrence of the quote when the spans moved).
 */
import type { Finding } from '../../core/finding/types.js';
import type { Store } from '../open.js';
import { nowIso, type Db } from './rows.js';

export interface Dismissal {
  readonly id?: number;
  readonly documentHash: string;
  readonly detector: string;
  readonly messageId?: string | null;
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly author: string;
  readonly reason: string;
  readonly createdAt?: string;
}

/** Stores a dismissal and returns its id; the same dismissal again stores nothing (see addDismissalOnce). */
export async function addDismissal(store: Store, d: Dismissal): Promise<number> {
  return (await addDismissalOnce(store, d)).id;
}

/**
 * Stores a dismissal unless the same author already dismissed the same finding (document, detector,
 * message, span, quote) with the same reason: then `created` is false and `id` is that one's. A double
 * click or a client's retry, two requests at once, would otherwise leave two rows, each listed with the
 * document and shown to analysts. The look-up and the insert share one write transaction, which on SQLite
 * holds the write lock from its start (BEGIN IMMEDIATE); on PostgreSQL, writing the document's row first
 * makes a second such transaction wait for the first to commit, so its look-up sees the first one's row.
 */
export async function addDismissalOnce(store: Store, d: Dismissal): Promise<{ id: number; created: boolean }> {
  return store.write(async (trx) => {
    await trx.updateTable('documents').set({ hash: d.documentHash }).where('hash', '=', d.documentHash).execute();
    const same = await trx
      .selectFrom('dismissals')
      .select('id')
      .where('document_hash', '=', d.documentHash)
      .where('detector', '=', d.detector)
      .where((eb) => (d.messageId != null ? eb('message_id', '=', d.messageId) : eb('message_id', 'is', null)))
      .where('quote', '=', d.quote)
      .where('start_offset', '=', d.start)
      .where('end_offset', '=', d.end)
      .where('author', '=', d.author)
      .where('reason', '=', d.reason)
      .executeTakeFirst();
    if (same) return { id: Number(same.id), created: false };
    const row = await trx
      .insertInto('dismissals')
      .values({ document_hash: d.documentHash, detector: d.detector, message_id: d.messageId ?? null, quote: d.quote, start_offset: d.start, end_offset: d.end, author: d.author, reason: d.reason, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: Number(row.id), created: true };
  });
}

export async function listDismissals(db: Db, documentHash: string): Promise<Dismissal[]> {
  const rows = await db.selectFrom('dismissals').selectAll().where('document_hash', '=', documentHash).orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), documentHash: r.document_hash, detector: r.detector, messageId: r.message_id, quote: r.quote, start: r.start_offset, end: r.end_offset, author: r.author, reason: r.reason, createdAt: r.created_at }));
}

/** The dismissals of several documents, keyed by document hash (documents without any are absent). */
export async function listDismissalsOf(db: Db, documentHashes: readonly string[]): Promise<Map<string, Dismissal[]>> {
  const out = new Map<string, Dismissal[]>();
  if (!documentHashes.length) return out;
  const rows = await db.selectFrom('dismissals').selectAll().where('document_hash', 'in', [...documentHashes]).orderBy('id').execute();
  for (const r of rows) {
    const d: Dismissal = { id: Number(r.id), documentHash: r.document_hash, detector: r.detector, messageId: r.message_id, quote: r.quote, start: r.start_offset, end: r.end_offset, author: r.author, reason: r.reason, createdAt: r.created_at };
    const list = out.get(d.documentHash);
    if (list) list.push(d);
    else out.set(d.documentHash, [d]);
  }
  return out;
}

/** Most a re-anchored quote may have moved (UTF-16 units) to still count as the dismissed finding. */
const MAX_DRIFT = 2000;

/** Splits findings into kept and dismissed (each dismissed one with the dismissal that hides it). */
export function applyDismissals<F extends Pick<Finding, 'detector' | 'messageId' | 'span'>>(
  findings: readonly F[],
  dismissals: readonly Dismissal[],
): { kept: F[]; dismissed: { finding: F; dismissal: Dismissal }[] } {
  const kept: F[] = [];
  const dismissed: { finding: F; dismissal: Dismissal }[] = [];
  for (const f of findings) {
    let best: Dismissal | null = null;
    let bestDrift = Infinity;
    for (const d of dismissals) {
      if (d.detector !== f.detector || d.quote !== f.span.text) continue;
      if (d.messageId && d.messageId !== f.messageId) continue;
      const drift = Math.abs(d.start - f.span.start);
      if (drift <= MAX_DRIFT && drift < bestDrift) {
        best = d;
        bestDrift = drift;
      }
    }
    if (best) dismissed.push({ finding: f, dismissal: best });
    else kept.push(f);
  }
  return { kept, dismissed };
}
