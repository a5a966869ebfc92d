import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Store } from '../open.js';
import type { VerdictLabel } from '../../core/result/types.js';
import type { FactCheckRecord } from './types.js';

/** Row of `fact_checks` (migration 0003-fact-checks). */
export interface FactCheckRow {
  id: number;
  key: string;
  claim: string;
  title: string | null;
  rebuttal: string | null;
  verdict: string | null;
  rating: string | null;
  rating_value: number | null;
  publisher: string | null;
  url: string | null;
  date_published: string | null;
  claim_author: string | null;
  appearances: string;
  language: string | null;
  origin: string;
  source: string;
  warnings: string;
  created_at: string;
}

export interface FactCheckTables {
  fact_checks: FactCheckRow;
}

export interface StoredFactCheck extends FactCheckRecord {
  /** Database id, as a string (the matcher's and the run file's document id). */
  readonly id: string;
  readonly key: string;
}

/** Same claim (whitespace and case folded) from the same address or publisher → same key. */
export function factCheckKey(r: Pick<FactCheckRecord, 'claim' | 'url' | 'publisher'>): string {
  const norm = r.claim.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return createHash('sha256')
    .update(`${norm}\u0000${r.url ?? ''}\u0000${r.publisher ?? ''}`)
    .digest('hex');
}

/** Any Kysely handle of the store (its schema type does not list this table): view it with ours. */
function tables<DB>(db: Kysely<DB>): Kysely<FactCheckTables> {
  return db as unknown as Kysely<FactCheckTables>;
}

/**
 * Adds fact-checks in one transaction; one already present (same key) is left as it is. Returns how many
 * were added, how many were already stored, and how many repeat an earlier record of the same batch (the
 * same fact-check twice in a file: counted apart, since 'already in the library' misdescribed them on a
 * first import).
 */
export async function saveFactChecks(
  store: Store,
  records: readonly FactCheckRecord[],
): Promise<{ inserted: number; unchanged: number; repeated: number }> {
  if (records.length === 0) return { inserted: 0, unchanged: 0, repeated: 0 };
  return store.write(async (trx) => {
    const db = tables(trx);
    let inserted = 0;
    let repeated = 0;
    const now = new Date().toISOString();
    const seen = new Set<string>();
    for (const record of records) {
      const r = withoutNul(record);
      const key = factCheckKey(r);
      if (seen.has(key)) {
        repeated++;
        continue;
      }
      seen.add(key);
      const existing = await db
        .selectFrom('fact_checks')
        .select('id')
        .where('key', '=', key)
        .executeTakeFirst();
      if (existing) continue;
      await db
        .insertInto('fact_checks')
        .values({
          key,
          claim: r.claim,
          title: r.title,
          rebuttal: r.rebuttal,
          verdict: r.verdict,
          rating: r.rating,
          rating_value: r.ratingValue,
          publisher: r.publisher,
          url: r.url,
          date_published: r.datePublished,
          claim_author: r.claimAuthor,
          appearances: JSON.stringify(r.appearances),
          language: r.language,
          origin: r.origin,
          source: r.source,
          warnings: JSON.stringify(r.warnings),
          created_at: now,
        } as unknown as FactCheckRow)
        .execute();
      inserted++;
    }
    return { inserted, unchanged: records.length - inserted - repeated, repeated };
  });
}

/**
 * The record without NUL characters, which PostgreSQL refuses in text (an internal error that lost the whole
 * import) and SQLite would keep. A ClaimReview's JSON can hold one as `\u0000`; it is never meaningful text.
 * A lone UTF-16 surrogate (`"\ud800"`, which JSON allows and no UTF-8 encodes) becomes U+FFFD, one for one:
 * each store made its own text of it (SQLite three U+FFFD, PostgreSQL one), so the same import listed and
 * matched other claims on the two, as the API and the readers already do (src/ingest/title.ts wellFormed).
 */
function withoutNul(r: FactCheckRecord): FactCheckRecord {
  const clean = <T extends string | null>(s: T): T => (s === null ? s : (s.replace(/\0/gu, '').replace(/\p{Cs}/gu, '\ufffd') as T));
  return {
    ...r,
    claim: clean(r.claim),
    title: clean(r.title),
    rebuttal: clean(r.rebuttal),
    rating: clean(r.rating),
    publisher: clean(r.publisher),
    url: clean(r.url),
    datePublished: clean(r.datePublished),
    claimAuthor: clean(r.claimAuthor),
    appearances: r.appearances.map((a) => clean(a)),
    language: clean(r.language),
    source: clean(r.source),
    warnings: r.warnings.map((w) => clean(w)),
  };
}

function fromRow(r: FactCheckRow): StoredFactCheck {
  return {
    id: String(r.id),
    key: r.key,
    claim: r.claim,
    title: r.title,
    rebuttal: r.rebuttal,
    verdict: r.verdict as VerdictLabel | null,
    rating: r.rating,
    ratingValue: r.rating_value === null ? null : Number(r.rating_value),
    publisher: r.publisher,
    url: r.url,
    datePublished: r.date_published,
    claimAuthor: r.claim_author,
    appearances: JSON.parse(r.appearances) as string[],
    language: r.language,
    origin: r.origin as FactCheckRecord['origin'],
    source: r.source,
    warnings: JSON.parse(r.warnings) as string[],
  };
}

/**
 * The library in id order, a page of at most `pageSize` fact-checks at a time: memory stays bounded by the
 * page, whatever the library's size (`factchecks list` writes each page before reading the next).
 */
export async function* factCheckPages<DB>(
  db: Kysely<DB>,
  options: { limit?: number; pageSize?: number } = {},
): AsyncGenerator<StoredFactCheck[]> {
  const page = Math.max(1, options.pageSize ?? 5000);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let after = 0;
  let seen = 0;
  while (seen < limit) {
    const rows = await tables(db)
      .selectFrom('fact_checks')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(Math.min(page, limit - seen))
      .execute();
    if (rows.length === 0) return;
    seen += rows.length;
    yield rows.map(fromRow);
    if (rows.length < page) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

/** The whole library in id order (read in pages; the result holds it all, as the matcher needs). */
export async function listFactChecks<DB>(
  db: Kysely<DB>,
  options: { limit?: number } = {},
): Promise<StoredFactCheck[]> {
  const out: StoredFactCheck[] = [];
  for await (const rows of factCheckPages(db, options)) out.push(...rows);
  return out;
}

export async function countFactChecks<DB>(db: Kysely<DB>): Promise<number> {
  const row = await tables(db)
    .selectFrom('fact_checks')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
