import { parse } from 'csv-parse/sync';
import { verdictLabelOf } from '../../export/claimreview/rating.js';
import { isIsoDate } from '../../export/claimreview/validate.js';
import { safeHttpUrl } from '../../export/uri.js';
import { isBlank } from '../../ingest/blank.js';
import { factCheckKey } from './repository.js';
import { factCheck, type FactCheckRecord, type ImportBatch, type ImportRejection } from './types.js';
import { headerLine, separatorLine, sniffDelimiter, type Delimiter } from '../../core/text/delimiter.js';

/**
 * Reads fact-checks from CSV or TSV with a header line. A column mapping says which column holds which
 * field (`claim=vclaim,title=title`); without one, common header names are recognised (claim,
 * claimReviewed, vclaim; title, headline; rating, verdict; publisher, author; url, link; date; a name earlier
 * in a field's list wins over a later one). Rows
 * without a claim are rejected with their line number; rows missing recommended fields get warnings.
 */
export const TABLE_FIELDS = [
  'id',
  'claim',
  'title',
  'rebuttal',
  'rating',
  'publisher',
  'url',
  'date',
  'claimAuthor',
  'language',
] as const;
export type TableField = (typeof TABLE_FIELDS)[number];
export type ColumnMapping = Partial<Record<TableField, string>>;

const ALIASES: Readonly<Record<TableField, readonly string[]>> = {
  id: ['id', 'claim_id', 'fact_check_id'],
  claim: ['claim', 'claimreviewed', 'claim_reviewed', 'vclaim', 'statement', 'text'],
  title: ['title', 'headline'],
  rebuttal: ['rebuttal', 'reviewbody', 'review_body', 'explanation', 'truth', 'fact'],
  rating: ['rating', 'verdict', 'textual_rating', 'alternatename', 'label'],
  publisher: ['publisher', 'author', 'fact_checker', 'outlet', 'source'],
  url: ['url', 'link', 'review_url'],
  date: ['date', 'datepublished', 'date_published', 'published'],
  claimAuthor: ['claimant', 'claim_author', 'speaker', 'said_by'],
  language: ['language', 'lang', 'inlanguage'],
};

/** Parses `claim=vclaim,title=title` into a mapping; throws with the reason on an unknown field. */
export function parseColumnMapping(spec: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    // At the first '=' only: a column may be named "a=b" (it was cut to "a", and then not found).
    const eq = part.indexOf('=');
    const [field, column] = eq < 0 ? [part, ''] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    if (!field || !column)
      throw new Error(`bad column mapping "${part}": write field=column, e.g. claim=statement`);
    if (!(TABLE_FIELDS as readonly string[]).includes(field))
      throw new Error(`unknown field "${field}" in the column mapping; fields: ${TABLE_FIELDS.join(', ')}`);
    // `claim=a,claim=b` took the last column without a word.
    const earlier = mapping[field as TableField];
    if (earlier !== undefined)
      throw new Error(`the column mapping names two columns for ${field} ("${earlier}" and "${column}"); give one`);
    mapping[field as TableField] = column;
  }
  return mapping;
}

/** The line (1-based) the row after line `after` starts on: blank lines are skipped, as the parser does. */
function nextRowLine(body: string, after: number): number {
  let at = 0;
  for (let line = 1; line <= after; line++) {
    const nl = body.indexOf('\n', at);
    if (nl < 0) return after + 1;
    at = nl + 1;
  }
  let line = after + 1;
  for (;;) {
    const end = body[at] === '\n' ? 1 : body.startsWith('\r\n', at) ? 2 : 0;
    if (!end) return line;
    at += end;
    line++;
  }
}

/** The header as quoted in messages: a file that is not a table can have a first "line" of megabytes. */
function headerText(header: readonly string[]): string {
  const text = header.join(', ');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function importFactCheckTable(
  text: string,
  source: string,
  options: { delimiter?: Delimiter; mapping?: ColumnMapping } = {},
): ImportBatch {
  let body = text.replace(/^\uFEFF/u, '');
  // Excel's `sep=;` first line names the separator (it writes one to make a file open right in any locale):
  // it was read as the header, so the file had 'no claim column'. It wins over the extension; line
  // numbers in messages still count it.
  const sep = separatorLine(body);
  if (sep) body = body.slice(sep.length);
  const lineOffset = sep ? 1 : 0;
  // Comma, semicolon (decimal-comma locales' spreadsheets) or tab, by the header line.
  const delimiter = sep ? sep.delimiter : (options.delimiter ?? sniffDelimiter(headerLine(body)));
  // A row csv-parse cannot read (an unclosed quote) is handed to on_skip rather than thrown, so that the
  // rows before it are still imported (a throw lost the whole file); reading stops there, as in ingest.
  let bad: { lines?: number; message: string } | undefined;
  let parsed: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    parsed = parse(body, {
      delimiter,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (e) => {
        if (e) bad ??= e;
        return undefined;
      },
    }) as unknown as typeof parsed;
  } catch (e) {
    parsed = [];
    bad ??= e as Error;
  }
  const stop = bad?.lines;
  const kept = parsed.filter((r) => !bad || (stop !== undefined && r.info.lines < stop));
  const rows = kept.map((r) => r.record);
  // The file line a row starts on, for messages: a quoted cell can span lines and blank lines are
  // skipped, so the row's position in the table is not its line.
  const lineOf = (row: number): number => {
    const before = kept[row - 1]?.info ?? { lines: 0, empty_lines: 0 };
    const info = kept[row]?.info;
    return lineOffset + (info ? before.lines + 1 + info.empty_lines - before.empty_lines : row + 1);
  };
  // Named by the line the unreadable row starts on. The parser's line is where it gave up, which for a
  // quote never closed is the end of the file: 'f.tsv:1001' for a stray quote on line 3.
  const unreadable = (): ImportRejection[] =>
    bad
      ? [
          {
            source: `${source}:${lineOffset + nextRowLine(body, kept.at(-1)?.info.lines ?? 0)}`,
            reason: `not readable as ${delimiter === '\t' ? 'TSV' : 'CSV'} (${bad.message}); this row and the rest of the file were not read`,
          },
        ]
      : [];
  if (bad && rows.length < 2) return { records: [], rejected: unreadable() };
  const [header, ...data] = rows;
  if (!header) return { records: [], rejected: [{ source, reason: 'the file is empty' }] };
  const lower = header.map((h) => h.trim().toLowerCase());
  const column = (field: TableField): number => {
    const named = options.mapping?.[field];
    if (named !== undefined) return lower.indexOf(named.trim().toLowerCase());
    // The first name of the list that the header has, wherever it stands: the leftmost recognised column
    // took a 'source' (a tweet's address) before a 'publisher' column, or an article 'text' before 'claim'.
    for (const alias of ALIASES[field]) {
      const i = lower.indexOf(alias);
      if (i >= 0) return i;
    }
    return -1;
  };
  const cols = Object.fromEntries(TABLE_FIELDS.map((f) => [f, column(f)])) as Record<TableField, number>;
  for (const [field, name] of Object.entries(options.mapping ?? {})) {
    if (cols[field as TableField] < 0)
      return {
        records: [],
        rejected: [
          {
            source,
            reason: `column "${name}" (mapped to ${field}) is not in the header (${headerText(header)})`,
          },
        ],
      };
  }
  if (cols.claim < 0) {
    return {
      records: [],
      rejected: [
        {
          source,
          reason: `no claim column: the header (${headerText(header)}) has none of ${ALIASES.claim.join(', ')}; pass a mapping such as --columns claim=COLUMN`,
        },
      ],
    };
  }
  // Without a reason the import ended 'nothing to import ... see the reasons above' with none above.
  if (data.length === 0 && !bad)
    return { records: [], rejected: [{ source, reason: 'the table has a header line but no rows' }] };
  const records: FactCheckRecord[] = [];
  const rejected: ImportRejection[] = unreadable();
  const notices: string[] = [];
  // Id cells of the imported rows (id → its line and the fact-check's key), and every id cell of the table:
  // a second row with the id of an earlier one is kept under `id#2` (the first free such name), with a
  // notice. Both rows were kept under one id, so `match --library` gave two results of the same id.
  const ids = new Map<string, { line: number; key: string }>();
  const cellIds = new Set(data.map((row) => (cols.id >= 0 ? (row[cols.id] ?? '').trim() : '')));
  data.forEach((row, i) => {
    // A cell of invisible characters only (zero-width spaces, a BOM) is empty: trim() keeps them, and a
    // claim of U+200B was imported as a fact-check no query could ever match.
    const get = (f: TableField): string | null => {
      const cell = cols[f] >= 0 ? (row[cols[f]] ?? '').trim() : '';
      return isBlank(cell) ? null : cell;
    };
    const line = lineOf(i + 1);
    const claim = get('claim');
    if (!claim) {
      rejected.push({ source: `${source}:${line}${get('id') ? `#${get('id')}` : ''}`, reason: 'the claim cell is empty' });
      return;
    }
    const rating = get('rating');
    // Only an http(s) address is kept (see classifyUri): not a `javascript:` link in match results.
    const url = safeHttpUrl(get('url'));
    let id = get('id');
    if (id !== null) {
      const key = factCheckKey({ claim, url: url ?? null, publisher: get('publisher') });
      const first = ids.get(id);
      // The same fact-check twice keeps its id: it is stored once (a repeat), not a second fact-check.
      if (first && first.key !== key) {
        let n = 2;
        while (cellIds.has(`${id}#${n}`) || ids.has(`${id}#${n}`)) n++;
        notices.push(
          `${source}:${line}: the id "${id}" is also the id of line ${first.line} (another fact-check); this one is kept as "${id}#${n}"`,
        );
        id = `${id}#${n}`;
      }
      if (!ids.has(id)) ids.set(id, { line, key });
    }
    const where = `${source}:${line}${id ? `#${id}` : ''}`;
    const warnings: string[] = (['rating', 'publisher', 'url'] as const).filter((f) => !get(f));
    if (get('url') && !url) warnings.push('url');
    const date = get('date');
    // Kept as written, but flagged like an unreadable address: not a YYYY-MM-DD (ISO 8601) date.
    if (date && !isIsoDate(date)) warnings.push('date');
    records.push(
      factCheck({
        claim,
        title: get('title'),
        rebuttal: get('rebuttal'),
        rating,
        verdict: rating ? verdictLabelOf(rating) : null,
        publisher: get('publisher'),
        url: url ?? null,
        datePublished: date,
        claimAuthor: get('claimAuthor'),
        language: get('language'),
        origin: 'csv',
        source: where,
        warnings: [...new Set(warnings)],
      }),
    );
  });
  return notices.length ? { records, rejected, notices } : { records, rejected };
}
