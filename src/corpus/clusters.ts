/**
 * Corpus clusters, recomputed on demand and stored in `clusters` / `cluster_members`:
 *
 * - `near-duplicate`: documents whose word-3-shingle sets have Jaccard ≳ 0.75 with the cluster's first
 *   document (MinHash + LSH, lsh.ts) — the same text republished, possibly with edits, a new headline or
 *   boilerplate around it;
 * - `same-claim`: claims (extracted claims, ledger claims, and whole short documents such as claim
 *   indexes) whose content-word sets have Jaccard ≳ 0.6 — the same claim told by several outlets.
 *
 * Each cluster lists its members, first and last publication date, its outlets and its spread over time.
 */
import { sql } from 'kysely';
import { headOf } from '../export/format/head.js';
import type { Store } from '../store/open.js';
import { nowIso, weekOf } from '../store/repositories/rows.js';
import { claimTerms } from './claim-terms.js';
import { carryClusterIds, clusterMemberKey } from './cluster-ids.js';
import { publicationOrder } from './cluster-order.js';
import { lshCluster, type LshOptions } from './lsh.js';
import { decodeSignature, MinHasher } from './minhash.js';

export type ClusterKind = 'near-duplicate' | 'same-claim';

export interface ClusterOptions extends LshOptions {
  /**
   * Only clusters with at least this many distinct outlets are kept (default 0: all). A default of 1 left
   * out every cluster of documents that name no outlet (pasted texts, a folder of files), so such a corpus
   * never had a cluster, even of identical texts.
   */
  readonly minOutlets?: number;
}

interface Item {
  readonly documentId: number;
  /** The document's content hash (cluster-order.ts). */
  readonly hash: string;
  readonly ref: string | null;
  readonly text: string | null;
  readonly date: string | null;
  readonly outlet: number | null;
}

export interface ComputeResult {
  readonly kind: ClusterKind;
  readonly items: number;
  readonly clusters: number;
  readonly clusteredItems: number;
  readonly candidatePairs: number;
  readonly elapsedMs: number;
}

const SHORT_DOCUMENT = 400;
/** A cluster's stored label: the start of its first member's title or claim (never half an emoji). */
export const LABEL_UNITS = 300;

/** Recomputes the near-duplicate clusters of the whole corpus (signatures stored at ingest). */
export async function computeNearDuplicates(store: Store, options: ClusterOptions = {}): Promise<ComputeResult> {
  const t = performance.now();
  const hasher = new MinHasher();
  const k = hasher.numHashes;
  const items: Item[] = [];
  let sigs = new Uint32Array(1024 * k);
  let after = 0;
  for (;;) {
    const rows = await store.db.selectFrom('documents').select(['id', 'hash', 'minhash', 'published_at', 'outlet_id', 'title']).where('id', '>', after).orderBy('id').limit(2000).execute();
    if (!rows.length) break;
    for (const r of rows) {
      after = Number(r.id);
      if ((items.length + 1) * k > sigs.length) {
        const bigger = new Uint32Array(sigs.length * 2);
        bigger.set(sigs);
        sigs = bigger;
      }
      const slot = sigs.subarray(items.length * k, (items.length + 1) * k);
      if (r.minhash) decodeSignature(r.minhash, slot);
      else {
        const doc = await store.db.selectFrom('documents').select('text').where('id', '=', r.id).executeTakeFirstOrThrow();
        hasher.signature(doc.text, slot);
      }
      // A text without a word (emoji, punctuation, an empty page) has the empty signature, all slots
      // 0xffffffff; all such texts looked identical (estimated Jaccard 1) and formed a cluster of unrelated
      // documents. They have no shingle to share, so they are left out.
      if (isEmptySignature(slot)) continue;
      items.push({ documentId: Number(r.id), hash: r.hash, ref: null, text: r.title, date: r.published_at, outlet: r.outlet_id === null ? null : Number(r.outlet_id) });
    }
  }
  // Leader linkage follows the order of the items: publication order, not the order of ingest.
  const order = publicationOrder(items);
  const ordered = new Uint32Array(items.length * k);
  order.forEach((from, to) => ordered.set(sigs.subarray(from * k, (from + 1) * k), to * k));
  sigs = new Uint32Array(0);
  return persist(store, 'near-duplicate', order.map((i) => items[i] as Item), ordered, k, options, t);
}

/** Recomputes same-claim clusters over claims, ledger claims and short documents. */
export async function computeSameClaims(store: Store, options: ClusterOptions = {}): Promise<ComputeResult> {
  const t = performance.now();
  const hasher = new MinHasher({ shingleSize: 1, seed: 0xc1a1 });
  const k = hasher.numHashes;
  const items: Item[] = [];
  /** The content words of each item, the MinHash input. */
  const words: string[] = [];
  const docs = new Map<number, { hash: string; date: string | null; outlet: number | null }>();
  // One text said once per document: a claim index's document *is* its claim (EUvsDisinfo summaries), so
  // the document, its check-worthy claim and a ledger claim can be the same words, and each copy counted
  // as one more member of the cluster and one more mention in its spread.
  const seen = new Map<number, Set<string>>();
  const add = (item: Item, text: string): void => {
    const key = claimTerms(text);
    if (key === '') return; // no content word: nothing to compare (all such texts had the same signature)
    let own = seen.get(item.documentId);
    if (!own) seen.set(item.documentId, (own = new Set()));
    if (own.has(key)) return;
    own.add(key);
    items.push(item);
    words.push(key);
  };
  let after = 0;
  for (;;) {
    const rows = await store.db.selectFrom('documents').select(['id', 'hash', 'published_at', 'outlet_id', 'length', 'text']).where('id', '>', after).orderBy('id').limit(2000).execute();
    if (!rows.length) break;
    for (const r of rows) {
      after = Number(r.id);
      const meta = { hash: r.hash, date: r.published_at, outlet: r.outlet_id === null ? null : Number(r.outlet_id) };
      docs.set(Number(r.id), meta);
      if (r.length <= SHORT_DOCUMENT) add({ documentId: Number(r.id), ref: 'document', text: r.text, ...meta }, r.text);
    }
  }
  // Ordered, so that of two claims of one document with the same words the same one is kept every time.
  const claims = await store.db.selectFrom('claims').select(['document_id', 'claim_key', 'text']).orderBy('document_id').orderBy('claim_key').execute();
  const ledger = await store.db.selectFrom('ledger_items').select(['document_id', 'item_key', 'claim']).where('claim', 'is not', null).orderBy('document_id').orderBy('item_key').execute();
  for (const c of claims) {
    const meta = docs.get(Number(c.document_id));
    if (!meta) continue;
    add({ documentId: Number(c.document_id), ref: `claim:${c.claim_key}`, text: c.text, ...meta }, c.text);
  }
  for (const l of ledger) {
    const meta = docs.get(Number(l.document_id));
    if (!meta) continue;
    add({ documentId: Number(l.document_id), ref: `ledger:${l.item_key}`, text: l.claim, ...meta }, l.claim as string);
  }
  // Leader linkage follows the order of the items: publication order, not the order of ingest.
  const order = publicationOrder(items);
  const sigs = new Uint32Array(items.length * k);
  order.forEach((from, to) => hasher.signature(words[from] as string, sigs.subarray(to * k, (to + 1) * k)));
  return persist(store, 'same-claim', order.map((i) => items[i] as Item), sigs, k, { threshold: 0.6, leaderThreshold: 0.6, ...options }, t);
}

/** Whether a signature is the one of a text without shingles (MinHasher.signature: all slots 0xffffffff). */
function isEmptySignature(sig: Uint32Array): boolean {
  for (let i = 0; i < sig.length; i++) if (sig[i] !== 0xffffffff) return false;
  return true;
}

async function persist(store: Store, kind: ClusterKind, items: Item[], sigs: Uint32Array, k: number, options: ClusterOptions, started: number): Promise<ComputeResult> {
  const r = lshCluster(sigs, items.length, k, options);
  const minOutlets = options.minOutlets ?? 0;
  const drafts: Item[][] = [];
  for (const c of r.clusters) {
    // One member per document: a short document is an item, and so are the claims extracted from it, which
    // join its cluster when they share most of its words; the document counted as two members (and twice in
    // the spread). The first in publication order stays: the document's own text, else its first claim.
    const seenDocuments = new Set<number>();
    const members = c.map((i) => items[i] as Item).filter((m) => !seenDocuments.has(m.documentId) && seenDocuments.add(m.documentId));
    if (members.length < 2) continue; // one document repeating itself is not a cluster
    if (new Set(members.map((m) => m.outlet).filter((o) => o !== null)).size < minOutlets) continue;
    drafts.push(members);
  }
  const similarity = new Map<Item, number>();
  for (const c of r.clusters) for (const i of c) similarity.set(items[i] as Item, r.similarity.get(i) ?? 1);
  let clustered = 0;
  await store.write(async (trx) => {
    // Ids are public (links to a cluster): a cluster that is still the same group keeps its id, and a new
    // one gets an id never issued before (cluster-ids.ts, migration 0008).
    const previous = new Map<number, Set<string>>();
    const oldMembers = await trx
      .selectFrom('cluster_members as m')
      .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
      .select(['m.cluster_id', 'm.document_id', 'm.item_ref'])
      .where('c.kind', '=', kind)
      .execute();
    for (const m of oldMembers) {
      const id = Number(m.cluster_id);
      let set = previous.get(id);
      if (!set) previous.set(id, (set = new Set()));
      set.add(clusterMemberKey(Number(m.document_id), m.item_ref));
    }
    const carried = carryClusterIds(previous, drafts.map((members) => members.map((m) => clusterMemberKey(m.documentId, m.ref))));
    const counter = await trx.selectFrom('id_counters').select('value').where('name', '=', 'clusters').executeTakeFirst();
    const maxId = await trx.selectFrom('clusters').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
    let highWater = Math.max(Number(counter?.value ?? 0), Number(maxId?.max ?? 0));
    await trx.deleteFrom('clusters').where('kind', '=', kind).execute();
    for (const [index, members] of drafts.entries()) {
      const id = carried[index] ?? ++highWater;
      const outlets = new Set(members.map((m) => m.outlet).filter((o) => o !== null));
      const dates = members.map((m) => m.date).filter((d): d is string => d !== null).sort();
      await trx
        .insertInto('clusters')
        .values({ id, kind, size: members.length, first_seen: dates[0] ?? null, last_seen: dates[dates.length - 1] ?? null, outlets: outlets.size, label: headOf(members[0]?.text ?? '', LABEL_UNITS), created_at: nowIso() })
        .execute();
      const rows = members.map((m) => ({ cluster_id: id, document_id: m.documentId, item_ref: m.ref, text: kind === 'same-claim' ? (m.text ?? null) : null, similarity: similarity.get(m) ?? 1 }));
      for (let j = 0; j < rows.length; j += 400) await trx.insertInto('cluster_members').values(rows.slice(j, j + 400)).execute();
      clustered += members.length;
    }
    // Anything else that inserts a cluster without an id (tests, future code) must not collide with ours.
    if (store.caps.explicitIdsNeedSequenceBump && highWater > 0) await sql`SELECT setval(pg_get_serial_sequence('clusters', 'id'), ${highWater})`.execute(trx);
    if (counter) await trx.updateTable('id_counters').set({ value: highWater }).where('name', '=', 'clusters').execute();
    else await trx.insertInto('id_counters').values({ name: 'clusters', value: highWater }).execute();
  });
  return { kind, items: items.length, clusters: drafts.length, clusteredItems: clustered, candidatePairs: r.candidatePairs, elapsedMs: performance.now() - started };
}

export interface ClusterView {
  readonly id: number;
  readonly kind: ClusterKind;
  readonly size: number;
  readonly label: string;
  readonly firstSeen: string | null;
  readonly lastSeen: string | null;
  readonly outlets: readonly { readonly outlet: string; readonly count: number }[];
  /** Members per ISO week (Monday) of publication. */
  readonly spread: readonly { readonly week: string; readonly count: number }[];
  readonly members: readonly { readonly documentHash: string; readonly title: string | null; readonly outlet: string | null; readonly date: string | null; readonly ref: string | null; readonly text: string | null; readonly similarity: number }[];
}

/**
 * A near-duplicate cluster is labelled by its first document's title; records and pasted texts often have
 * none, and such a cluster was listed with an empty label and empty member lines, so nothing said what was
 * republished. Its label is then the opening words of the first document's text.
 */
async function openingText(store: Store, hash: string | undefined): Promise<string> {
  if (hash === undefined) return '';
  const row = await store.db
    .selectFrom('documents')
    .select(sql<string>`substr(text, 1, 300)`.as('opening'))
    .where('hash', '=', hash)
    .executeTakeFirst();
  return (row?.opening ?? '').replace(/\s+/gu, ' ').trim();
}

/** Stored clusters of a kind, largest (then most outlets) first. */
export async function listClusters(store: Store, kind: ClusterKind, options: { limit?: number; minSize?: number; minOutlets?: number } = {}): Promise<ClusterView[]> {
  const clusters = await store.db
    .selectFrom('clusters')
    .selectAll()
    .where('kind', '=', kind)
    .where('size', '>=', options.minSize ?? 2)
    .where('outlets', '>=', options.minOutlets ?? 0)
    .orderBy('size', 'desc')
    .orderBy('outlets', 'desc')
    .orderBy('id')
    .limit(options.limit ?? 20)
    .execute();
  const out: ClusterView[] = [];
  for (const c of clusters) {
    const stored = await store.db
      .selectFrom('cluster_members as m')
      .innerJoin('documents as d', 'd.id', 'm.document_id')
      .leftJoin('outlets as o', 'o.id', 'd.outlet_id')
      .select(['d.hash', 'd.title', 'o.name as outlet', 'd.published_at', 'm.item_ref', 'm.text', 'm.similarity'])
      .where('m.cluster_id', '=', c.id)
      .execute();
    // In the order clustering took them (cluster-order.ts), so the first member listed is the one that leads
    // the group and names it; by date and store id, an undated cluster's label named another member.
    const members = publicationOrder(stored.map((m) => ({ date: m.published_at, hash: m.hash, ref: m.item_ref }))).map((i) => stored[i] as (typeof stored)[number]);
    const outlets = new Map<string, number>();
    const weeks = new Map<string, number>();
    for (const m of members) {
      if (m.outlet) outlets.set(m.outlet, (outlets.get(m.outlet) ?? 0) + 1);
      const w = weekOf(m.published_at);
      if (w) weeks.set(w, (weeks.get(w) ?? 0) + 1);
    }
    out.push({
      id: Number(c.id),
      kind,
      size: Number(c.size),
      label: c.label || (await openingText(store, members[0]?.hash)),
      firstSeen: c.first_seen,
      lastSeen: c.last_seen,
      outlets: [...outlets].map(([outlet, count]) => ({ outlet, count })).sort((a, b) => b.count - a.count || a.outlet.localeCompare(b.outlet)),
      spread: [...weeks].map(([week, count]) => ({ week, count })).sort((a, b) => a.week.localeCompare(b.week)),
      members: members.map((m) => ({ documentHash: m.hash, title: m.title, outlet: m.outlet, date: m.published_at, ref: m.item_ref, text: m.text, similarity: Number(m.similarity) })),
    });
  }
  return out;
}
