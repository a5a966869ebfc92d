import { parse } from 'csv-parse/sync';

/**
 * File formats of the CLEF CheckThat! "previously fact-checked claims" task: queries and fact-check
 * corpora as TSV with a header line (id first, text in the following columns; fields may be quoted with
 * "" escapes), relevance judgements as `qid 0 docid 1`, and TREC run files `qid Q0 docid rank score tag`.
 */
export interface TsvRecord {
  readonly id: string;
  /** The text columns, in file order (e.g. claim, title). */
  readonly fields: readonly string[];
}

export interface TsvTable {
  readonly header: readonly string[];
  readonly records: readonly TsvRecord[];
}

// eslint-disable-next-line no-control-regex
const ID_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Parses an id-first TSV with a header. Throws an Error naming the line when a row has no id or text. */
export function parseIdTsv(text: string, what = 'file'): TsvTable {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/u, ''), {
      delimiter: '\t',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (e) {
    throw new Error(`${what} is not a readable TSV: ${(e as Error).message}`, { cause: e });
  }
  const [header, ...body] = rows;
  if (!header || header.length < 2) {
    throw new Error(`${what} needs a header line with at least two tab-separated columns (id, text ...)`);
  }
  const records: TsvRecord[] = [];
  const ids = new Set<string>();
  body.forEach((row, i) => {
    const id = (row[0] ?? '').trim();
    if (!id) throw new Error(`${what}, data row ${i + 1}: the first column (id) is empty`);
    // Run and qrels files separate their columns by whitespace: an id with a space would shift them.
    if (/\s/u.test(id)) throw new Error(`${what}, data row ${i + 1}: the id "${id}" contains white space`);
    // A run file printed to a terminal would pass an escape sequence in an id on (ESC retitles the window,
    // clears the screen); no judged id holds a control or direction character.
    if (ID_UNSAFE.test(id))
      throw new Error(`${what}, data row ${i + 1}: the id "${id}" contains a control or text-direction character`);
    if (ids.has(id)) throw new Error(`${what}, data row ${i + 1}: duplicate id "${id}"`);
    ids.add(id);
    records.push({ id, fields: row.slice(1) });
  });
  return { header, records };
}

/** qrels: `qid 0 docid relevance` (whitespace-separated); only relevance > 0 is kept. */
export function parseQrels(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of text.split('\n')) {
    const parts = line.trim().split(/\s+/u);
    if (parts.length < 4) continue;
    const [qid, , doc, rel] = parts as [string, string, string, string];
    if (Number(rel) <= 0) continue;
    let set = out.get(qid);
    if (!set) out.set(qid, (set = new Set()));
    set.add(doc);
  }
  return out;
}

export interface RunLine {
  readonly qid: string;
  readonly docid: string;
  readonly rank: number;
  readonly score: number;
}

/**
 * One TREC run line per result: `qid Q0 docid rank score tag`, tab-separated as CheckThat! expects.
 * trec_eval ignores the rank column and orders a query's results by score, breaking ties by docid, so
 * two results whose scores are equal in six decimals (two copies of one fact-check under BM25) would be
 * evaluated in another order than ours. Within a query the written scores therefore strictly decrease:
 * a score that does not is written one millionth below the previous one. Lines are taken in rank order.
 */
export function formatRun(lines: readonly RunLine[], tag: string): string {
  const safeTag = tag.replace(/\s+/gu, '_') || 'narrascope';
  const lastMicros = new Map<string, number>();
  let out = '';
  for (const l of lines) {
    let micros = Math.round(l.score * 1e6);
    const last = lastMicros.get(l.qid);
    if (last !== undefined && micros >= last) micros = last - 1;
    lastMicros.set(l.qid, micros);
    out += `${l.qid}\tQ0\t${l.docid}\t${l.rank}\t${(micros / 1e6).toFixed(6)}\t${safeTag}\n`;
  }
  return out;
}

/** Average precision at k of one ranked list against the relevant set. */
export function averagePrecisionAt(
  ranked: readonly string[],
  relevant: ReadonlySet<string>,
  k: number,
): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  let sum = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) {
    if (relevant.has(ranked[i]!)) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return sum / Math.min(relevant.size, k);
}

export interface RetrievalScores {
  readonly queries: number;
  readonly map5: number;
  readonly map1: number;
  readonly success10: number;
  readonly mrr: number;
}

/** MAP@5 (the task's main measure), MAP@1, success@10 and MRR over the queries that have judgements. */
export function evaluateRun(
  runs: ReadonlyMap<string, readonly string[]>,
  qrels: ReadonlyMap<string, ReadonlySet<string>>,
): RetrievalScores {
  let map5 = 0;
  let map1 = 0;
  let s10 = 0;
  let mrr = 0;
  let n = 0;
  for (const [qid, relevant] of qrels) {
    const ranked = runs.get(qid) ?? [];
    n++;
    map5 += averagePrecisionAt(ranked, relevant, 5);
    map1 += averagePrecisionAt(ranked, relevant, 1);
    const first = ranked.findIndex((d) => relevant.has(d));
    if (first >= 0 && first < 10) s10++;
    if (first >= 0) mrr += 1 / (first + 1);
  }
  const d = Math.max(n, 1);
  return { queries: n, map5: map5 / d, map1: map1 / d, success10: s10 / d, mrr: mrr / d };
}
