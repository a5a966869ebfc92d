/**
 * The derived rows of a document (findings, ledger items, claims, narratives, entities) are the same on
 * SQLite (cached statements, a row at a time) and PostgreSQL (Kysely multi-row inserts): every column,
 * with nulls, quotes, backslashes, braces, commas, the word NULL, non-BMP characters and floating values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyzer.js';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { createDocument } from '../../src/core/text/document.js';
import { openStore, saveAnalysedDocument, type Store } from '../../src/store/index.js';
import { DERIVED_COLUMNS, type DerivedTable } from '../../src/store/repositories/prepared-analysis.js';
import { postgresDb, postgresReachable, sqliteDb, type TestDb } from './dialects.js';

const TEXT = [
  'Myth: "NULL" {braces}, commas, and \\\\back\\slashes\\ are "dangerous" to the 🦀 harbour.',
  'Fact: The harbour authority, led by Ana Novak, published a report: 3.5% of samples failed.',
  '',
  'Myth: The shameful, corrupt council secretly sold the bridge to foreign agents.',
  'Fact: The sale never happened, the ministry said.',
].join('\n');

const TABLES = Object.keys(DERIVED_COLUMNS) as DerivedTable[];

const reachable = await postgresReachable();

describe.skipIf(!reachable)('derived rows on PostgreSQL and SQLite', () => {
  const dbs: TestDb[] = [];
  const stores: Store[] = [];
  let result: AnalysisResult;

  beforeAll(async () => {
    const doc = createDocument({ text: TEXT, title: 'Rows', source: { kind: 'text', outlet: 'Row Desk' }, language: 'en' });
    result = await createAnalyzer({}).analyze(doc);
    // A narrative and an entity with the awkward values too (whatever the detectors found).
    result = {
      ...result,
      narratives: [...result.narratives, { taxonomy: 'test', label: 'T: "quoted", {NULL}, \\ back', level: 'coarse', score: 0.123456789, paragraphs: [0], support: [] }],
    };
    for (const make of [sqliteDb, postgresDb]) {
      const db = make();
      dbs.push(db);
      const store = await openStore(db.url);
      stores.push(store);
      await saveAnalysedDocument(store, doc, result);
    }
  });
  afterAll(async () => {
    for (const s of stores) await s.close();
    for (const d of dbs) await d.cleanup();
  });

  it.each(TABLES)('%s: the same rows, column for column', async (table) => {
    const columns = DERIVED_COLUMNS[table];
    const read = async (s: Store): Promise<unknown[][]> => {
      const rows = (await s.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
      // Rows in a stable order, every column of the table's list.
      return rows.map((r) => columns.map((c) => r[c])).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    };
    const [lite, pg] = [await read(stores[0] as Store), await read(stores[1] as Store)];
    expect(pg).toEqual(lite);
    const expected = { findings: result.findings.length, ledger_items: result.rebuttals.length, claims: result.claims.length, narratives: result.narratives.filter((n) => n.label !== 'Other').length, entities: result.entities.length }[table];
    expect(pg).toHaveLength(expected);
  });

  it('keeps the awkward strings intact', async () => {
    const pg = stores[1] as Store;
    const labels = (await pg.db.selectFrom('narratives').select('label').execute()).map((r) => r.label);
    expect(labels).toContain('T: "quoted", {NULL}, \\ back');
    const quotes = (await pg.db.selectFrom('ledger_items').select('claim').execute()).map((r) => r.claim);
    expect(quotes.some((q) => q?.includes('"NULL" {braces}, commas, and \\\\back\\slashes\\') && q.includes('🦀'))).toBe(true);
  });
});
