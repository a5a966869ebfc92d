/**
 * The search tests' corpus: 90 short documents over ten words (each repeating a few of them a varying
 * number of times, so that BM25 and ts_rank scores differ), three outlets, dates with gaps (every seventh
 * undated), two languages, techniques, narratives, entities and ledger items. The same rows on every store.
 */
import type { SearchQuery } from '../../src/corpus/search.js';
import type { Store } from '../../src/store/index.js';
import { weekOf } from '../../src/store/repositories/rows.js';

const WORDS = ['harbour', 'grain', 'convoy', 'sanctions', 'bridge', 'protest', 'ministry', 'pipeline', 'election', 'drone'];
const TECHNIQUES = ['Doubt', 'Loaded_Language', 'Flag_Waving'];

/** Queries that each find something in the fixture: words, phrases, OR, NOT, every filter, paging. */
export const SEARCH_QUERIES: readonly SearchQuery[] = [
  { text: 'grain' },
  { text: 'grain convoy' },
  { text: '"grain grain"' },
  // Phrases with filters and other words (PostgreSQL: the word pairs' index, joined to the filters first).
  { text: '"grain report"', techniques: ['Doubt'] },
  { text: '"report sanctions" -convoy', narratives: ['T: Coarse 0'] },
  { text: '"bridge report protest" protest', from: '2024-02-01' },
  { text: 'bridge OR drone' },
  { text: 'harbour -sanctions' },
  { text: 'grain', outlets: ['South Wire'] },
  { text: 'convoy', from: '2024-02-01', to: '2024-04-30' },
  { text: 'protest', languages: ['de'] },
  { text: 'pipeline', techniques: ['Doubt', 'Flag_Waving'] },
  { text: 'election', narratives: ['T: Coarse 1'] },
  { text: 'protest', entities: ['nato'] },
  { text: 'ministry', hasLedger: true },
  { text: 'ministry', hasLedger: false },
  { outlets: ['North Post'], languages: ['de'] },
  { hasLedger: false },
  { narratives: ['T: Coarse 0: fine 2'], from: '2024-03-01' },
  { text: 'report', limit: 7, offset: 5 },
  { limit: 10, offset: 30 },
];

export async function fillSearchFixture(store: Store): Promise<void> {
  await store.write(async (trx) => {
    for (const name of ['North Post', 'South Wire', 'East Herald']) await trx.insertInto('outlets').values({ name }).execute();
    for (let i = 0; i < 90; i++) {
      // Each document repeats a few words a varying number of times, so BM25 scores differ.
      const words = [0, 1, 3].map((k) => WORDS[(i + k) % WORDS.length] as string);
      const text = words.map((w, k) => `${w} `.repeat(1 + ((i + k) % 4))).join('report ') + `number ${i}`;
      const day = i % 7 === 0 ? null : `2024-0${1 + (i % 6)}-1${i % 10}`;
      const [row] = await trx
        .insertInto('documents')
        .values({ hash: `h${i}`, title: null, text, language: i % 3 ? 'en' : 'de', outlet_id: 1 + (i % 3), author: null, url: null, published_at: day, published_week: day ? weekOf(day) : null, source_kind: 'test', source_json: '{}', length: text.length, minhash: null, current_analysis_id: null, ingested_at: '2024-07-01' })
        .returning('id')
        .execute();
      const id = Number(row?.id);
      if (i % 2) await trx.insertInto('document_techniques').values({ document_id: id, technique: TECHNIQUES[i % 3] as string, count: 1 }).execute();
      await trx.insertInto('narratives').values({ document_id: id, analysis_id: 0, taxonomy: 't', label: i % 4 ? `T: Coarse ${i % 2}: fine ${i % 5}` : 'T: Other', level: 'fine', score: 0.5 }).execute();
      if (i % 5 === 0) await trx.insertInto('entities').values({ document_id: id, analysis_id: 0, entity_key: i % 2 ? 'nato' : 'kyiv', name: i % 2 ? 'NATO' : 'Kyiv', name_key: i % 2 ? 'nato' : 'kyiv', type: 'organisation', main_role: null, fine_roles_json: '[]', mentions: 1 }).execute();
      if (i % 6 === 0) await trx.insertInto('ledger_items').values({ document_id: id, analysis_id: 0, item_key: 'r1', item_index: '1', format: 'myth-fact', claim: 'c', claim_start: 0, claim_end: 1, attributed_to: null, motive: null, rebuttal: 'r', verdict: null, verdict_original: null, evidence_count: 0, evidence_summary: '', partial: 0, flags_json: '[]' }).execute();
    }
  });
}
