/**
 * PostgreSQL: an index of adjacent word pairs, so that a phrase of common words is found without reading
 * the tsvector of every document that holds its words somewhere (src/corpus/search-postgres.ts).
 *
 * The GIN index of `tsv` has no word positions: for `"ru zi"` it yields every document holding both words
 * (17,000 of the newest 20,000 in the benchmark corpus), and each one's tsvector must be read to check that
 * they are adjacent (≈9 µs each). `phrase_pairs` holds, per document, a 16-bit hash of each pair of lexemes
 * at adjacent positions of the same tsvector, so `phrase_pairs @> <the phrase's pairs>` keeps only the
 * documents that hold the pairs (and the few that share a hash bucket), and the tsvector is read for those.
 * It is a necessary condition, never a sufficient one: the phrase test on `tsv` stays, so a collision can
 * cost time, never a wrong match. Sixteen bits keep the index about the size of the tsvector's own (65,536
 * keys with long, compressible posting lists; one key per distinct pair would cost several times the
 * table), at the price of ~400 unrelated documents per bucket at 100,000 documents, which the words'
 * own index then removes.
 *
 * `hashtext` is PostgreSQL's text hash, which hash indexes and hash partitioning also rely on being stable
 * across versions. Adding a stored generated column rewrites the table once: about a minute per 100,000
 * documents on a 2-core machine (docs/corpus.md). SQLite needs none of it: FTS5 keeps word positions.
 */
import { sql, type Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';
import type { Migration } from './types.js';

export const migration: Migration = {
  id: '0007-phrase-pairs',
  description: 'PostgreSQL: hashed adjacent word pairs of each document (phrase_pairs, GIN index) for phrase search',
  cost: { postgres: 'rewrites the documents table once: about a minute per 100,000 documents' },
  async up(db: Kysely<unknown>, caps: Capabilities) {
    if (caps.dialect !== 'postgres') return;
    // Pairs of lexemes at positions p and p + 1, each hashed to 16 bits (as a smallint).
    await sql`CREATE FUNCTION narrascope_phrase_pairs(v tsvector) RETURNS smallint[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT ((hashtext(a.lexeme || ' ' || b.lexeme) & 65535) - 32768)::smallint), '{}')
      FROM (SELECT lexeme, unnest(positions) AS p FROM unnest(v)) a
      JOIN (SELECT lexeme, unnest(positions) AS p FROM unnest(v)) b ON b.p = a.p + 1
    $$`.execute(db);
    await sql`ALTER TABLE documents ADD COLUMN phrase_pairs smallint[] GENERATED ALWAYS AS (narrascope_phrase_pairs(to_tsvector('simple', coalesce(title, '') || ' ' || text))) STORED`.execute(db);
    await sql`CREATE INDEX documents_phrase_pairs ON documents USING gin (phrase_pairs)`.execute(db);
  },
};
