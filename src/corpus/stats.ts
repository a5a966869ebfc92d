/**
 * Corpus statistics for plotting: narrative and technique counts by outlet × ISO week (Monday of the week
 * of publication), the first appearance of each narrative, and the top outlets per narrative. All grouping
 * is done by the database; the result is as large as outlets × weeks × labels, not as the corpus.
 */
import { sql } from 'kysely';
import type { Store } from '../store/open.js';
import { searchConditions, type SearchQuery } from './search.js';
import { csvCell } from '../export/csv/csv.js';
import { inclusiveUpperBound } from './date-bound.js';

export interface StatsOptions {
  readonly from?: string;
  readonly to?: string;
  readonly outlets?: readonly string[];
  /** Narrative level (default: both). */
  readonly level?: 'coarse' | 'fine';
  /** Top outlets listed per narrative (default 5). */
  readonly topOutlets?: number;
  /**
   * Only documents a search selects (words, language, technique, narrative, entity, has-ledger): e.g. the
   * narratives of documents that mention gas, or the narratives found beside one narrative.
   */
  readonly select?: Omit<SearchQuery, 'limit' | 'offset' | 'facets' | 'exactTotal'>;
}

export interface StatsRow {
  readonly kind: 'narrative' | 'technique';
  readonly label: string;
  /**
   * The taxonomy of a narrative label (null for techniques). Taxonomies share label strings: every one
   * answers `Other` when none of its labels fits, and a user taxonomy may reuse a built-in label.
   */
  readonly taxonomy: string | null;
  /**
   * Null for documents without an outlet. It was the text `unknown`, so a real outlet of that name (a
   * scraped byline field) shared their rows and their place among the top outlets.
   */
  readonly outlet: string | null;
  /** Monday of the ISO week, or `unknown` when the document has no date. */
  readonly week: string;
  /** Documents carrying the label. */
  readonly documents: number;
  /** Occurrences (techniques: findings; narratives: equal to documents). */
  readonly count: number;
}

export interface NarrativeSummary {
  readonly label: string;
  readonly taxonomy: string;
  readonly documents: number;
  readonly firstAppearance: { readonly date: string; readonly outlet: string | null; readonly documentHash: string; readonly title: string | null } | null;
  readonly topOutlets: readonly { readonly outlet: string | null; readonly documents: number }[];
}

export interface CorpusStats {
  readonly documents: number;
  readonly outlets: number;
  readonly rows: readonly StatsRow[];
  readonly narratives: readonly NarrativeSummary[];
}

const UNKNOWN = 'unknown';

/** Outlet names in order, documents without an outlet last. */
function byOutlet(a: string | null, b: string | null): number {
  return a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);
}

export async function corpusStats(store: Store, options: StatsOptions = {}): Promise<CorpusStats> {
  const db = store.db;
  const conds = [sql`1 = 1`];
  if (options.from) conds.push(sql`d.published_at >= ${options.from}`);
  if (options.to) conds.push(sql`d.published_at <= ${inclusiveUpperBound(options.to)}`);
  if (options.outlets?.length) conds.push(sql`o.name IN (${sql.join(options.outlets)})`);
  if (options.select) {
    const selected = searchConditions(store, options.select);
    // A query without a searchable word selects nothing.
    if (!selected) return { documents: 0, outlets: 0, rows: [], narratives: [] };
    if (selected.length) conds.push(sql`d.id IN (SELECT documents.id FROM documents WHERE ${sql.join(selected, sql` AND `)})`);
  }
  const where = sql.join(conds, sql` AND `);
  const level = options.level ? sql` AND n.level = ${options.level}` : sql``;

  // Grouped by taxonomy and label: by label alone, the `Other` of every taxonomy was one narrative, counting
  // a document that one taxonomy labels and another answers `Other` for as carrying no narrative.
  const narrative = await sql<{ taxonomy: string; label: string; outlet: string | null; week: string | null; docs: number }>`
    SELECT n.taxonomy AS taxonomy, n.label AS label, o.name AS outlet, d.published_week AS week, count(DISTINCT d.id) AS docs
    FROM narratives n JOIN documents d ON d.id = n.document_id LEFT JOIN outlets o ON o.id = d.outlet_id
    WHERE ${where}${level} GROUP BY n.taxonomy, n.label, o.name, d.published_week`.execute(db);
  const technique = await sql<{ label: string; outlet: string | null; week: string | null; docs: number; n: number }>`
    SELECT t.technique AS label, o.name AS outlet, d.published_week AS week, count(*) AS docs, sum(t.count) AS n
    FROM document_techniques t JOIN documents d ON d.id = t.document_id LEFT JOIN outlets o ON o.id = d.outlet_id
    WHERE ${where} GROUP BY t.technique, o.name, d.published_week`.execute(db);
  const rows: StatsRow[] = [
    ...narrative.rows.map((r) => ({ kind: 'narrative' as const, label: r.label, taxonomy: r.taxonomy, outlet: r.outlet, week: r.week ?? UNKNOWN, documents: Number(r.docs), count: Number(r.docs) })),
    ...technique.rows.map((r) => ({ kind: 'technique' as const, label: r.label, taxonomy: null, outlet: r.outlet, week: r.week ?? UNKNOWN, documents: Number(r.docs), count: Number(r.n) })),
  ].sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label) || (a.taxonomy ?? '').localeCompare(b.taxonomy ?? '') || a.week.localeCompare(b.week) || byOutlet(a.outlet, b.outlet));

  const totals = await sql<{ taxonomy: string; label: string; outlet: string | null; docs: number }>`
    SELECT n.taxonomy AS taxonomy, n.label AS label, o.name AS outlet, count(DISTINCT d.id) AS docs
    FROM narratives n JOIN documents d ON d.id = n.document_id LEFT JOIN outlets o ON o.id = d.outlet_id
    WHERE ${where}${level} GROUP BY n.taxonomy, n.label, o.name`.execute(db);
  const key = (taxonomy: string, label: string): string => JSON.stringify([taxonomy, label]);
  const byLabel = new Map<string, { outlet: string | null; documents: number }[]>();
  for (const r of totals.rows) {
    const list = byLabel.get(key(r.taxonomy, r.label)) ?? [];
    list.push({ outlet: r.outlet, documents: Number(r.docs) });
    byLabel.set(key(r.taxonomy, r.label), list);
  }
  const docTotals = await sql<{ taxonomy: string; label: string; docs: number }>`
    SELECT n.taxonomy AS taxonomy, n.label AS label, count(DISTINCT d.id) AS docs FROM narratives n JOIN documents d ON d.id = n.document_id LEFT JOIN outlets o ON o.id = d.outlet_id
    WHERE ${where}${level} GROUP BY n.taxonomy, n.label`.execute(db);
  const narratives: NarrativeSummary[] = [];
  for (const t of docTotals.rows) {
    const first = await sql<{ published_at: string; outlet: string | null; hash: string; title: string | null }>`
      SELECT d.published_at, o.name AS outlet, d.hash, d.title FROM narratives n JOIN documents d ON d.id = n.document_id LEFT JOIN outlets o ON o.id = d.outlet_id
      WHERE ${where}${level} AND n.taxonomy = ${t.taxonomy} AND n.label = ${t.label} AND d.published_at IS NOT NULL ORDER BY d.published_at, d.id LIMIT 1`.execute(db);
    const f = first.rows[0];
    narratives.push({
      label: t.label,
      taxonomy: t.taxonomy,
      documents: Number(t.docs),
      firstAppearance: f ? { date: f.published_at, outlet: f.outlet, documentHash: f.hash, title: f.title } : null,
      topOutlets: (byLabel.get(key(t.taxonomy, t.label)) ?? []).sort((a, b) => b.documents - a.documents || byOutlet(a.outlet, b.outlet)).slice(0, options.topOutlets ?? 5),
    });
  }
  narratives.sort((a, b) => b.documents - a.documents || a.label.localeCompare(b.label) || a.taxonomy.localeCompare(b.taxonomy));
  const counts = await sql<{ docs: number; outlets: number }>`
    SELECT count(*) AS docs, count(DISTINCT d.outlet_id) AS outlets FROM documents d LEFT JOIN outlets o ON o.id = d.outlet_id WHERE ${where}`.execute(db);
  return { documents: Number(counts.rows[0]?.docs ?? 0), outlets: Number(counts.rows[0]?.outlets ?? 0), rows, narratives };
}

/**
 * The outlet × week rows as CSV (header: kind,label,outlet,week,documents,count,taxonomy; the taxonomy
 * column came last, so that files read by column number before it still read the same; the outlet is empty
 * for documents without one), with the exports' cell
 * writer: outlet names come from feeds and records, and one starting with `=` must not run as a formula
 * in the spreadsheet this file is made for.
 */
export function statsToCsv(stats: CorpusStats): string {
  const lines = ['kind,label,outlet,week,documents,count,taxonomy'];
  for (const r of stats.rows) lines.push([r.kind, r.label, r.outlet, r.week, r.documents, r.count, r.taxonomy ?? ''].map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}
