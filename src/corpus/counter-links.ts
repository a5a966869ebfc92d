/**
 * Counter-narrative links: a claim asserted in one document and countered in another document's ledger.
 * At ingest, (a) each sentence of the new document is checked against every stored ledger claim, and
 * (b) each ledger claim of the new document is checked against stored documents (full-text pre-filter,
 * then sentence matching). A sentence inside a document's own ledger claim is a quotation, not an
 * assertion, and is skipped. Links read both ways: `counterLinks(db, id)` gives what a document asserts
 * that others rebut, and what it rebuts that others assert.
 */
import type { Kysely } from 'kysely';
import type { Capabilities } from '../store/capabilities.js';
import { nowIso } from '../store/repositories/rows.js';
import type { StoreSchema } from '../store/schema.js';
import { anyWordsCandidates } from './fulltext.js';
import { contentWords, ProbeIndex } from './text-match.js';
import { ledgerClaimRanges } from './watch.js';

type Db = Kysely<StoreSchema>;

export interface LedgerProbe {
  readonly ledgerItemId: number;
  readonly documentId: number;
}

export async function loadLedgerIndex(db: Db): Promise<ProbeIndex<LedgerProbe>> {
  const index = new ProbeIndex<LedgerProbe>();
  const rows = await db.selectFrom('ledger_items').select(['id', 'document_id', 'claim']).where('claim', 'is not', null).execute();
  for (const r of rows) index.add({ ledgerItemId: Number(r.id), documentId: Number(r.document_id) }, r.claim as string);
  return index;
}

async function insertLink(trx: Db, assertedDoc: number, s: { text: string; start: number; end: number }, probe: LedgerProbe, score: number): Promise<boolean> {
  // The index is loaded once per run: a ledger item replaced by a re-analysis since then is skipped.
  const alive = await trx.selectFrom('ledger_items').select('id').where('id', '=', probe.ledgerItemId).executeTakeFirst();
  if (!alive) return false;
  const r = await trx
    .insertInto('counter_links')
    .values({ asserted_document_id: assertedDoc, asserted_text: s.text, asserted_start: s.start, asserted_end: s.end, countering_document_id: probe.documentId, ledger_item_id: probe.ledgerItemId, score, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['asserted_document_id', 'asserted_start', 'ledger_item_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * What the caller already knows of the document's own ledger (ingest has the analysis in hand): its claim
 * ranges and whether it has items at all. Saves reading them back, two queries per document of a corpus
 * that is mostly not rebuttal pages.
 */
export interface KnownLedger {
  readonly claimRanges: readonly (readonly [number, number])[];
  readonly hasItems: boolean;
}

/**
 * Links a newly stored document both ways. Returns the number of new links and the document's ledger
 * probes, which the caller adds to `index` once the transaction has committed. Runs inside the document's
 * ingest transaction.
 */
export async function linkCounterClaims(
  trx: Db,
  caps: Capabilities,
  index: ProbeIndex<LedgerProbe>,
  documentId: number,
  text: string,
  known?: KnownLedger,
): Promise<{ links: number; probes: { probe: LedgerProbe; claim: string }[] }> {
  let links = 0;
  const probes: { probe: LedgerProbe; claim: string }[] = [];
  const own = known ? known.claimRanges : await ledgerClaimRanges(trx, documentId);
  // (a) this document asserts a claim some stored ledger counters.
  for (const hit of index.match(text, own)) {
    if (hit.key.documentId === documentId) continue;
    if (await insertLink(trx, documentId, hit.sentence, hit.key, hit.score)) links++;
  }
  // (b) this document's ledger counters claims asserted in stored documents.
  if (known && !known.hasItems) return { links, probes };
  const items = await trx.selectFrom('ledger_items').select(['id', 'claim']).where('document_id', '=', documentId).where('claim', 'is not', null).execute();
  for (const item of items) {
    const probe: LedgerProbe = { ledgerItemId: Number(item.id), documentId };
    const one = new ProbeIndex<LedgerProbe>();
    if (!one.add(probe, item.claim as string)) continue;
    probes.push({ probe, claim: item.claim as string });
    const q = anyWordsCandidates(caps, contentWords(item.claim as string), 200);
    if (!q) continue;
    for (const c of (await q.execute(trx)).rows) {
      const other = Number(c.id);
      if (other === documentId) continue;
      const doc = await trx.selectFrom('documents').select('text').where('id', '=', other).executeTakeFirst();
      if (!doc) continue;
      for (const hit of one.match(doc.text, await ledgerClaimRanges(trx, other))) {
        if (await insertLink(trx, other, hit.sentence, probe, hit.score)) links++;
      }
    }
  }
  return { links, probes };
}

export interface CounterLink {
  readonly asserted: { readonly documentHash: string; readonly title: string | null; readonly outlet: string | null; readonly date: string | null; readonly text: string };
  readonly countered: { readonly documentHash: string; readonly title: string | null; readonly outlet: string | null; readonly date: string | null; readonly claim: string | null; readonly rebuttal: string | null };
  readonly score: number;
}

/** Links touching a document: claims it asserts that others counter, and claims it counters that others assert. */
export async function counterLinks(db: Db, documentId: number): Promise<{ assertedHere: CounterLink[]; counteredHere: CounterLink[] }> {
  const rows = await db
    .selectFrom('counter_links as l')
    .innerJoin('documents as a', 'a.id', 'l.asserted_document_id')
    .innerJoin('documents as c', 'c.id', 'l.countering_document_id')
    .innerJoin('ledger_items as li', 'li.id', 'l.ledger_item_id')
    .leftJoin('outlets as ao', 'ao.id', 'a.outlet_id')
    .leftJoin('outlets as co', 'co.id', 'c.outlet_id')
    .select([
      'l.asserted_document_id',
      'l.countering_document_id',
      'l.asserted_text',
      'l.score',
      'a.hash as a_hash',
      'a.title as a_title',
      'a.published_at as a_date',
      'ao.name as a_outlet',
      'c.hash as c_hash',
      'c.title as c_title',
      'c.published_at as c_date',
      'co.name as c_outlet',
      'li.claim',
      'li.rebuttal',
    ])
    .where((eb) => eb.or([eb('l.asserted_document_id', '=', documentId), eb('l.countering_document_id', '=', documentId)]))
    .orderBy('l.id')
    .execute();
  const links = rows.map((r) => ({
    assertedId: Number(r.asserted_document_id),
    link: {
      asserted: { documentHash: r.a_hash, title: r.a_title, outlet: r.a_outlet, date: r.a_date, text: r.asserted_text },
      countered: { documentHash: r.c_hash, title: r.c_title, outlet: r.c_outlet, date: r.c_date, claim: r.claim, rebuttal: r.rebuttal },
      score: r.score,
    },
  }));
  return { assertedHere: links.filter((l) => l.assertedId === documentId).map((l) => l.link), counteredHere: links.filter((l) => l.assertedId !== documentId).map((l) => l.link) };
}
