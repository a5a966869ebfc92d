/**
 * Which stored documents a later stored version of the same page supersedes, for ClaimReview exports from
 * the CLI and the API (see src/export/claimreview/versions.ts): documents are keyed by their text, so a page ingested again
 * after it changed is a second document with the same `url`, and both versions' items would be reviewed
 * under the same review urls. Asked of the whole store, not of the selection: a review describes the page
 * as it now stands, so an older version is not reviewed even when the filters leave the newer one out.
 */
import { sql } from 'kysely';
import type { Store } from '../open.js';

/**
 * Content hashes of the documents with a later stored document (a higher id: ingested after) of the same
 * `url`. One grouped scan of `documents` (there is no index on `url`); the answer holds only superseded
 * versions, so its size follows re-ingested pages, not the corpus. Urls are compared as stored; the
 * export also compares addresses as parsed within each part and across parts (claimreview/encoder.ts).
 */
export async function supersededDocuments(store: Store): Promise<Set<string>> {
  const rows = await sql<{ hash: string }>`
    SELECT d.hash FROM documents d
    JOIN (SELECT url, MAX(id) AS latest FROM documents WHERE url IS NOT NULL GROUP BY url HAVING COUNT(*) > 1) v ON v.url = d.url
    WHERE d.id < v.latest`.execute(store.db);
  return new Set(rows.rows.map((r) => r.hash));
}
