/**
 * Watchlists — prebunks put to the test. A watch entry is a claim to look out for: typed by an analyst, or
 * taken from the ledger of a document ("they will say X"). Every ingest checks new documents against all
 * entries; adding an entry also checks the corpus already stored. `watchReport` says, per entry, when and
 * where it first appeared, which outlets carried it and how often, week by week — or that it was not seen.
 * Matching: a sentence must contain ≥ 75% of the entry's content words and of their weight by rarity (text-match.ts).
 */
import type { Kysely } from 'kysely';
import type { Store } from '../store/open.js';
import { getDocument } from '../store/repositories/documents.js';
import { nowIso } from '../store/repositories/rows.js';
import type { StoreSchema } from '../store/schema.js';
import { anyWordsCandidates } from './fulltext.js';
import { contentWords, ProbeIndex, MIN_PROBE_WORDS, contentSet } from './text-match.js';

type Db = Kysely<StoreSchema>;

export interface WatchMatchFound {
  readonly watchId: number;
  readonly documentId: number;
  readonly text: string;
  readonly score: number;
}

export async function loadWatchIndex(db: Db): Promise<ProbeIndex<number>> {
  const index = new ProbeIndex<number>();
  for (const e of await db.selectFrom('watch_entries').select(['id', 'text']).execute()) index.add(Number(e.id), e.text);
  return index;
}

/** Ledger claim spans of a document: sentences inside them are quoted claims, not assertions. */
export async function ledgerClaimRanges(db: Db, documentId: number): Promise<[number, number][]> {
  const rows = await db.selectFrom('ledger_items').select(['claim_start', 'claim_end']).where('document_id', '=', documentId).where('claim_start', 'is not', null).execute();
  return rows.map((r) => [Number(r.claim_start), Number(r.claim_end)]);
}

/** Records the matches of one document against the watch index (inside the ingest transaction). */
export async function recordWatchMatches(trx: Db, index: ProbeIndex<number>, documentId: number, text: string, exclude: readonly (readonly [number, number])[] = []): Promise<WatchMatchFound[]> {
  const hits = index.match(text, exclude);
  const found: WatchMatchFound[] = [];
  for (const h of hits) {
    const r = await trx
      .insertInto('watch_matches')
      .values({ watch_id: h.key, document_id: documentId, matched_text: h.sentence.text, start_offset: h.sentence.start, end_offset: h.sentence.end, score: h.score, found_at: nowIso() })
      .onConflict((oc) => oc.columns(['watch_id', 'document_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (r) found.push({ watchId: h.key, documentId, text: h.sentence.text, score: h.score });
  }
  return found;
}

export interface AddWatchResult {
  readonly ids: number[];
  /** Matches found in the documents already stored. */
  readonly matches: number;
  /** Entries refused because they have too few content words to match on. */
  readonly tooVague: string[];
}

/** Adds typed claims as watch entries and checks the stored corpus for them. */
export async function addWatchEntries(store: Store, texts: readonly string[], options: { note?: string; originDocumentId?: number; originKeys?: readonly string[] } = {}): Promise<AddWatchResult> {
  const ids: number[] = [];
  const tooVague: string[] = [];
  let matches = 0;
  for (const [i, text] of texts.entries()) {
    if (contentSet(text).size < MIN_PROBE_WORDS) {
      tooVague.push(text);
      continue;
    }
    const n = await store.write(async (trx) => {
      const row = await trx
        .insertInto('watch_entries')
        .values({ text, origin: options.originDocumentId ? 'ledger' : 'typed', origin_document_id: options.originDocumentId ?? null, origin_item_key: options.originKeys?.[i] ?? null, note: options.note ?? null, created_at: nowIso() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = Number(row.id);
      ids.push(id);
      return backfill(trx, store, id, text);
    });
    matches += n;
  }
  return { ids, matches, tooVague };
}

/** Checks the corpus for one entry: full-text pre-filter (any content word), then sentence matching. */
async function backfill(trx: Db, store: Store, id: number, text: string): Promise<number> {
  const index = new ProbeIndex<number>();
  index.add(id, text);
  const q = anyWordsCandidates(store.caps, contentWords(text), 5000);
  if (!q) return 0;
  const candidates = (await q.execute(trx)).rows;
  let n = 0;
  for (const c of candidates) {
    const docId = Number(c.id);
    const doc = await trx.selectFrom('documents').select('text').where('id', '=', docId).executeTakeFirst();
    if (!doc) continue;
    n += (await recordWatchMatches(trx, index, docId, doc.text, await ledgerClaimRanges(trx, docId))).length;
  }
  return n;
}

/** A claim as compared with the entries already watched: case, Unicode form and spacing do not count. */
export function watchClaimKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** A claim not added because it is watched already (`id`) or was given earlier in the same list (`id: null`). */
export interface AlreadyWatched {
  readonly text: string;
  readonly id: number | null;
}

/**
 * Splits claims into those not watched yet (with their position in `texts`) and those already watched.
 * A claim added twice made two entries, and every ingest then reported each match once per copy.
 */
export async function splitWatched(db: Db, texts: readonly string[]): Promise<{ fresh: { text: string; index: number }[]; alreadyWatched: AlreadyWatched[] }> {
  const watched = new Map<string, number | null>((await db.selectFrom('watch_entries').select(['id', 'text']).execute()).map((e) => [watchClaimKey(e.text), Number(e.id)]));
  const fresh: { text: string; index: number }[] = [];
  const alreadyWatched: AlreadyWatched[] = [];
  for (const [index, text] of texts.entries()) {
    const key = watchClaimKey(text);
    if (watched.has(key)) alreadyWatched.push({ text, id: watched.get(key) ?? null });
    else {
      watched.set(key, null); // given earlier in this list
      fresh.push({ text, index });
    }
  }
  return { fresh, alreadyWatched };
}

/**
 * How many entries one `watchLedgerOf` adds unless told otherwise. Each entry is checked against the whole
 * stored corpus as it is added, and every later ingest checks each document against every entry, so a
 * document with thousands of ledger claims (a long list page, a hostile file) would slow the corpus down
 * for good; the caller raises the cap when that is what they want.
 */
export const DEFAULT_MAX_LEDGER_WATCHES = 100;

/** `watchLedgerOf` refused: the document has more new ledger claims than `maxEntries`. Nothing was added. */
export class WatchLimitError extends Error {
  constructor(
    readonly claims: number,
    readonly maxEntries: number,
  ) {
    super(`the document has ${claims.toLocaleString('en')} ledger claims not watched yet, more than the ${maxEntries.toLocaleString('en')} added at once`);
    this.name = 'WatchLimitError';
  }
}

/**
 * Makes watch entries of a document's ledger claims ("they will say X" becomes something to watch for).
 * Claims already watched (from this document or any other, or typed) are not added again but listed in
 * `alreadyWatched`; more than `maxEntries` new ones is a WatchLimitError, with nothing added.
 */
export async function watchLedgerOf(store: Store, documentKey: string, options: { note?: string; maxEntries?: number } = {}): Promise<AddWatchResult & { document: number; alreadyWatched: AlreadyWatched[] }> {
  const doc = await getDocument(store.db, /^\d+$/u.test(documentKey) ? Number(documentKey) : documentKey);
  if (!doc) throw new Error(`no stored document matches "${documentKey}"`);
  const items = await store.db.selectFrom('ledger_items').select(['item_key', 'claim']).where('document_id', '=', doc.id).where('claim', 'is not', null).orderBy('id').execute();
  const { fresh, alreadyWatched } = await splitWatched(store.db, items.map((i) => i.claim as string));
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_LEDGER_WATCHES;
  if (fresh.length > maxEntries) throw new WatchLimitError(fresh.length, maxEntries);
  const r = await addWatchEntries(store, fresh.map((f) => f.text), { ...(options.note !== undefined ? { note: options.note } : {}), originDocumentId: doc.id, originKeys: fresh.map((f) => items[f.index]?.item_key ?? '') });
  return { ...r, document: doc.id, alreadyWatched };
}

export interface WatchReportEntry {
  readonly id: number;
  readonly text: string;
  readonly origin: string;
  readonly note: string | null;
  readonly seen: boolean;
  readonly count: number;
  readonly firstAppearance: { readonly date: string | null; readonly outlet: string | null; readonly documentHash: string; readonly title: string | null; readonly text: string } | null;
  readonly outlets: readonly { readonly outlet: string; readonly count: number }[];
  /** Matches per ISO week (Monday), by publication date. */
  readonly weeks: readonly { readonly week: string; readonly count: number }[];
}

export async function watchReport(db: Db): Promise<WatchReportEntry[]> {
  const entries = await db.selectFrom('watch_entries').selectAll().orderBy('id').execute();
  const out: WatchReportEntry[] = [];
  for (const e of entries) {
    const rows = await db
      .selectFrom('watch_matches')
      .innerJoin('documents', 'documents.id', 'watch_matches.document_id')
      .leftJoin('outlets', 'outlets.id', 'documents.outlet_id')
      .select(['documents.hash', 'documents.title', 'documents.published_at', 'documents.published_week', 'documents.ingested_at', 'outlets.name as outlet', 'watch_matches.matched_text'])
      .where('watch_matches.watch_id', '=', e.id)
      .execute();
    const sorted = rows.sort((a, b) => (a.published_at ?? a.ingested_at).localeCompare(b.published_at ?? b.ingested_at));
    const outlets = new Map<string, number>();
    const weeks = new Map<string, number>();
    for (const r of sorted) {
      if (r.outlet) outlets.set(r.outlet, (outlets.get(r.outlet) ?? 0) + 1);
      if (r.published_week) weeks.set(r.published_week, (weeks.get(r.published_week) ?? 0) + 1);
    }
    const first = sorted[0];
    out.push({
      id: Number(e.id),
      text: e.text,
      origin: e.origin,
      note: e.note,
      seen: rows.length > 0,
      count: rows.length,
      firstAppearance: first ? { date: first.published_at, outlet: first.outlet, documentHash: first.hash, title: first.title, text: first.matched_text } : null,
      outlets: [...outlets].map(([outlet, count]) => ({ outlet, count })).sort((a, b) => b.count - a.count || a.outlet.localeCompare(b.outlet)),
      weeks: [...weeks].map(([week, count]) => ({ week, count })).sort((a, b) => a.week.localeCompare(b.week)),
    });
  }
  return out;
}

export async function removeWatchEntry(store: Store, id: number): Promise<boolean> {
  return store.write(async (trx) => {
    const r = await trx.deleteFrom('watch_entries').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}
