/**
 * Analysts' confirmed verdicts (table `ledger_confirmations`, written by the web app and the API), read
 * for the ClaimReview exports of `narrascope export --confirmed`: the latest confirmation of each ledger
 * item, by document hash.
 */
import type { Kysely } from 'kysely';
import type { AnalystConfirmation } from '../export/claimreview/index.js';
import type { Store } from '../store/index.js';

interface ConfirmationRow {
  id: number;
  document_hash: string;
  item_key: string;
  verdict: string;
  note: string;
  author: string;
  created_at: string;
}

/** Document hash → its confirmations, the latest per ledger item; of these documents, or of all (null). */
export async function confirmationsByDocument(store: Store, hashes: readonly string[] | null): Promise<Map<string, AnalystConfirmation[]>> {
  const out = new Map<string, AnalystConfirmation[]>();
  if (hashes && !hashes.length) return out;
  const db = store.db as unknown as Kysely<{ ledger_confirmations: ConfirmationRow }>;
  let query = db.selectFrom('ledger_confirmations').selectAll().orderBy('id');
  if (hashes) query = query.where('document_hash', 'in', [...hashes]);
  const latest = new Map<string, Map<string, AnalystConfirmation>>();
  for (const r of await query.execute()) {
    const items = latest.get(r.document_hash) ?? new Map<string, AnalystConfirmation>();
    // Rows come oldest first: a later confirmation of the same item replaces the earlier one.
    items.set(r.item_key, { itemId: r.item_key, verdict: r.verdict, note: r.note, author: r.author, createdAt: r.created_at });
    latest.set(r.document_hash, items);
  }
  for (const [hash, items] of latest) out.set(hash, [...items.values()]);
  return out;
}
