/**
 * PostgreSQL's hashed word pairs (migration 0007, fulltext.ts phrasePairsCondition) are a necessary
 * condition for a phrase: a document the phrase test on its tsvector matches must never be excluded by
 * the pairs. Checked on texts whose tokenisation is awkward (hyphens, apostrophes, URLs, numbers, Cyrillic,
 * diacritics, repeated words, long documents) with every two- and three-word phrase a user could type
 * from them, and on queries mixing phrases with other words and exclusions. Skipped without PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuery, phrasePairsCondition, tsqueryExpression } from '../../src/corpus/fulltext.js';
import { openStore, type Store } from '../../src/store/index.js';
import { weekOf } from '../../src/store/repositories/rows.js';
import { postgresDb, postgresReachable, type TestDb } from '../store/dialects.js';

const TEXTS = [
  'The well-known e-mail from the vice-president was re-sent on 2024-03-01 at 10:30.',
  "Officials said it wasn't the ministry's plan; the minister's aides disagreed.",
  'See https://example.org/news/item?id=7 and write to press@example.org for the full 3.5 GB file.',
  'Москва заявила, что санкции не работают. Москва повторила: санкции не работают!',
  'Le président a déclaré que la crise était « terminée » — une déclaration contestée.',
  'grain grain grain convoy grain grain convoy convoy grain',
  'Numbers 1 2 3 and 1,000,000 people; model T-90 tanks; COVID-19 vaccines; 5G towers.',
  `${'filler words repeated here '.repeat(400)}the last phrase of a long document`,
  'Ein Straßenbahn-Fahrer sagte: „Die Brücke ist gesperrt.“ Die Brücke bleibt gesperrt.',
  'UPPER case Words and MiXeD case words; snake_case and camelCase tokens.',
];

/** Every run of `n` consecutive words (as the query parser splits them) of a text, as a quoted phrase. */
function phrasesOf(text: string, n: number): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length && out.size < 60; i++) out.add(`"${words.slice(i, i + n).join(' ')}"`);
  return [...out];
}

const reachable = await postgresReachable();
let db: TestDb | undefined;
let store: Store;

beforeAll(async () => {
  if (!reachable) return;
  db = postgresDb();
  store = await openStore(db.url);
  await store.write(async (trx) => {
    for (const [i, text] of TEXTS.entries()) {
      await trx
        .insertInto('documents')
        .values({ hash: `p${i}`, title: i % 2 ? 'A title-line: with words' : null, text, language: null, outlet_id: null, author: null, url: null, published_at: '2024-05-01', published_week: weekOf('2024-05-01'), source_kind: 'test', source_json: '{}', length: text.length, minhash: null, current_analysis_id: null, ingested_at: '2024-07-01' })
        .execute();
    }
  });
});

afterAll(async () => {
  await store?.close();
  await db?.cleanup();
});

/** Ids matched by the query's tsquery alone, and by the tsquery with the word pairs. */
async function both(query: string): Promise<{ plain: number[]; paired: number[] }> {
  const terms = parseQuery(query);
  const tsquery = tsqueryExpression(terms);
  const pairs = phrasePairsCondition(terms);
  if (!tsquery || !pairs) throw new Error(`no phrase in ${query}`);
  const ids = async (extra: ReturnType<typeof phrasePairsCondition>): Promise<number[]> =>
    (await sql<{ id: number }>`SELECT id FROM documents WHERE documents.tsv @@ to_tsquery('simple', ${tsquery}) ${extra ? sql`AND ${extra}` : sql``} ORDER BY id`.execute(store.db)).rows.map((r) => Number(r.id));
  return { plain: await ids(null), paired: await ids(pairs) };
}

describe.skipIf(!reachable)('PostgreSQL word pairs never exclude a phrase match', () => {
  const phrases = [...new Set([...TEXTS.flatMap((t) => phrasesOf(t, 2)), ...TEXTS.flatMap((t) => phrasesOf(t, 3)), ...phrasesOf('A title-line: with words', 2)])];

  it(`holds for ${phrases.length} phrases typed from the documents`, async () => {
    let found = 0;
    for (const phrase of phrases) {
      const { plain, paired } = await both(phrase);
      expect(paired, phrase).toEqual(plain);
      if (plain.length) found++;
    }
    // Most phrases typed from a text are found in it (73%: URLs, e-mail addresses, dates and numbers are
    // split differently by the two parsers), so the comparison above is not an empty one.
    expect(found).toBeGreaterThan(phrases.length * 0.6);
  });

  it('holds for phrases beside other words and exclusions, and excludes documents without the pair', async () => {
    for (const q of ['"санкции не работают" москва', '"grain convoy" -"convoy bridge"', '"brücke ist" "bleibt gesperrt"', '"the last phrase" filler', '"vice president" "e mail"']) {
      const { plain, paired } = await both(q);
      expect(paired, q).toEqual(plain);
      expect(plain.length, q).toBeGreaterThan(0);
    }
    // Both words in the document, not adjacent: the pairs exclude it before any tsvector is read.
    const n = await sql<{ n: number }>`SELECT count(*) AS n FROM documents WHERE ${phrasePairsCondition(parseQuery('"ministry minister"'))}`.execute(store.db);
    expect(Number(n.rows[0]?.n)).toBe(0);
  });

  it('is not used where a phrase is not required (OR, a negated phrase, a quoted single word)', () => {
    expect(phrasePairsCondition(parseQuery('"grain convoy" OR bridge'))).toBeNull();
    expect(phrasePairsCondition(parseQuery('grain -"grain convoy"'))).toBeNull();
    expect(phrasePairsCondition(parseQuery('"grain"'))).toBeNull();
    expect(phrasePairsCondition(parseQuery('grain convoy'))).toBeNull();
  });
});
