/**
 * Taking a document out of the stored clusters when it is deleted. Its member rows go with it, but the
 * cluster rows kept their size, outlets and dates, and the label — the first member's title or claim,
 * possibly the deleted document's own words, which a takedown must remove too. A cluster left with fewer
 * than two documents is no cluster (as when clusters are computed) and goes.
 */
import type { Kysely } from 'kysely';
import type { StoreSchema } from '../store/schema.js';
import { headOf } from '../export/format/head.js';
import { publicationOrder } from './cluster-order.js';
import { LABEL_UNITS } from './clusters.js';

export async function removeFromClusters(db: Kysely<StoreSchema>, documentId: number): Promise<void> {
  const ids = (await db.selectFrom('cluster_members').select('cluster_id').where('document_id', '=', documentId).distinct().execute()).map((r) => Number(r.cluster_id));
  if (!ids.length) return;
  await db.deleteFrom('cluster_members').where('document_id', '=', documentId).execute();
  for (const id of ids) {
    const cluster = await db.selectFrom('clusters').select('kind').where('id', '=', id).executeTakeFirst();
    if (!cluster) continue;
    const members = await db
      .selectFrom('cluster_members as m')
      .innerJoin('documents as d', 'd.id', 'm.document_id')
      .select(['m.document_id', 'm.item_ref', 'm.text', 'd.hash', 'd.title', 'd.published_at', 'd.outlet_id'])
      .where('m.cluster_id', '=', id)
      .execute();
    if (new Set(members.map((m) => Number(m.document_id))).size < 2) {
      await db.deleteFrom('clusters').where('id', '=', id).execute();
      continue;
    }
    const dates = members.map((m) => m.published_at).filter((d): d is string => d !== null).sort();
    // The first member as clustering orders them (cluster-order.ts), not the first stored.
    const order = publicationOrder(members.map((m) => ({ date: m.published_at, hash: m.hash, ref: m.item_ref })));
    const first = members[order[0] ?? 0];
    // As at computation (clusters.ts persist): a same-claim cluster is named by its first member's claim, a
    // near-duplicate one by its first document's title.
    const label = headOf((cluster.kind === 'same-claim' ? first?.text : first?.title) ?? '', LABEL_UNITS);
    await db
      .updateTable('clusters')
      .set({
        size: members.length,
        outlets: new Set(members.map((m) => m.outlet_id).filter((o) => o !== null)).size,
        first_seen: dates[0] ?? null,
        last_seen: dates[dates.length - 1] ?? null,
        label,
      })
      .where('id', '=', id)
      .execute();
  }
}
