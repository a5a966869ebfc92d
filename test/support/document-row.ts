/**
 * A `documents` row for tests that write the store directly: the fields a test cares about, the rest at
 * neutral defaults (no outlet, no date, English, one character of text).
 */
import type { Insertable } from 'kysely';
import type { DocumentRow } from '../../src/store/schema.js';

export function testDocumentRow(fields: Pick<Insertable<DocumentRow>, 'hash'> & Partial<Insertable<DocumentRow>>): Insertable<DocumentRow> {
  return {
    title: null,
    text: 't',
    language: 'en',
    outlet_id: null,
    author: null,
    url: null,
    published_at: null,
    published_week: null,
    source_kind: 'test',
    source_json: '{}',
    length: 1,
    minhash: null,
    current_analysis_id: null,
    ingested_at: '2024-07-01',
    ...fields,
  };
}
