/**
 * The order clustering sees its items in. Leader linkage (lsh.ts) puts each member in the group of the first
 * item it is close enough to, so the order decides which text leads a group, how a chain of edits is split,
 * the cluster's label and each member's similarity. Items used to come in the order of their store ids, the
 * order of ingest, which a folder ingested by several workers does not fix: the same files gave other
 * clusters from one ingest to the next, and a store filled newest first led each group by its latest copy.
 *
 * Items now come by publication: the earliest published text leads (the original of a republication), texts
 * without a readable date after the dated ones, ties by content hash; within a document, the document's own
 * text, then its claims, then its ledger claims, each by key. Nothing here depends on when a text was stored.
 */
export interface OrderedItem {
  readonly date: string | null;
  /** The document's content hash. */
  readonly hash: string;
  /** null or `document` for the document's text, `claim:KEY`, `ledger:KEY`. */
  readonly ref: string | null;
}

function refClass(ref: string | null): number {
  if (ref === null || ref === 'document') return 0;
  return ref.startsWith('claim:') ? 1 : 2;
}

/** An ISO date and time that names no zone: ingest keeps it as written (d4b4aaa reads such dates as UTC). */
const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/u;

/**
 * The instant of a stored date. A zoneless date and time is read as UTC, as a bare date is: Date.parse reads
 * it in the machine's zone, and the same store would be ordered, so clustered, differently on another machine.
 */
function time(date: string | null): number {
  const t = date === null ? Number.NaN : Date.parse(ZONELESS_DATE_TIME.test(date) ? `${date}Z` : date);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Indices of `items` in publication order (see above). */
export function publicationOrder(items: readonly OrderedItem[]): number[] {
  const times = items.map((item) => time(item.date));
  return items
    .map((_, i) => i)
    .sort((i, j) => {
      const a = items[i] as OrderedItem;
      const b = items[j] as OrderedItem;
      const ta = times[i] as number;
      const tb = times[j] as number;
      if (ta !== tb) return ta < tb ? -1 : 1;
      return byCodeUnit(a.hash, b.hash) || refClass(a.ref) - refClass(b.ref) || byCodeUnit(a.ref ?? '', b.ref ?? '') || i - j;
    });
}
