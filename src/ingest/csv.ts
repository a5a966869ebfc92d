/**
 * CSV (and TSV) files: one document per row, header row required. Also home of the record → document
 * mapping shared with JSONL (`mapRecord`): which column gives the title, text, url, outlet, author, date and
 * language. Defaults recognise common column names; `--map text=claim,outlet=outlets` overrides them.
 * A list-valued cell (`A+B`, `A;B` or a JSON array) gives its first element for outlet and language.
 */
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { closeSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { headerLine, separatorLine, sniffDelimiter } from '../core/text/delimiter.js';
import type { DocumentInit } from '../core/text/document.js';
import { isBlank } from './blank.js';
import { normalisePublishedAt } from './dates.js';
import { DEFAULT_MAX_BYTES } from './limits.js';
import { wellFormed } from './title.js';
import { InputError, type Reader, type ReaderOutput } from './types.js';
import { chunkState, decodeHead, fileOffset, peekChunks, readFailure, replacedWarning, untilError, utf8Chunks } from './utf8-chunks.js';

export const RECORD_FIELDS = ['title', 'text', 'url', 'outlet', 'author', 'date', 'language'] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];
/** Field → column (or JSON key) name. */
export type ColumnMap = Partial<Record<RecordField, string>>;

/** Column names tried, in order, when the map does not name one. */
export const DEFAULT_COLUMNS: Readonly<Record<RecordField, readonly string[]>> = {
  text: ['text', 'content', 'body', 'article', 'claim', 'message'],
  title: ['title', 'headline', 'name', 'subject'],
  url: ['url', 'link', 'uri', 'href', 'id'],
  outlet: ['outlet', 'outlets', 'source', 'site', 'publisher', 'domain', 'media'],
  author: ['author', 'authors', 'byline', 'creator'],
  date: ['date', 'published', 'published_at', 'publishedAt', 'pubDate', 'datetime', 'timestamp', 'created_at'],
  language: ['language', 'languages', 'lang', 'locale'],
};

/** Parses `text=claim,outlet=outlets` into a ColumnMap; throws InputError for unknown fields. */
export function parseColumnMap(spec: string | undefined): ColumnMap {
  const map: ColumnMap = {};
  if (!spec) return map;
  for (const pair of spec.split(',')) {
    const [field, column] = pair.split('=').map((s) => s.trim());
    if (!field || !column || !(RECORD_FIELDS as readonly string[]).includes(field)) {
      throw new InputError('unsupported', `bad column mapping "${pair}"`, `Use field=column pairs separated by commas; fields: ${RECORD_FIELDS.join(', ')}. Example: --map text=claim,outlet=outlets`);
    }
    map[field as RecordField] = column;
  }
  return map;
}

/** Language names seen in corpora → BCP 47 codes (a code passes through). */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  english: 'en', russian: 'ru', ukrainian: 'uk', german: 'de', french: 'fr', spanish: 'es', italian: 'it', polish: 'pl',
  arabic: 'ar', georgian: 'ka', czech: 'cs', hungarian: 'hu', armenian: 'hy', serbian: 'sr', lithuanian: 'lt', latvian: 'lv',
  estonian: 'et', slovak: 'sk', bulgarian: 'bg', romanian: 'ro', swedish: 'sv', finnish: 'fi', norwegian: 'no', azerbaijani: 'az',
  belarusian: 'be', kazakh: 'kk', chinese: 'zh', portuguese: 'pt', dutch: 'nl', greek: 'el', turkish: 'tr', croatian: 'hr',
  slovenian: 'sl', macedonian: 'mk', bosnian: 'bs', montenegrin: 'sr', moldovan: 'ro', danish: 'da', persian: 'fa', hebrew: 'he',
};

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function firstOfList(value: string): string {
  const v = value.trim();
  if (v.startsWith('[')) {
    try {
      const arr = JSON.parse(v) as unknown;
      if (Array.isArray(arr) && arr.length && isScalar(arr[0])) return String(arr[0]).trim();
    } catch {
      // not JSON: fall through
    }
  }
  return (v.split(/\s*[+;|]\s*/u)[0] ?? v).trim();
}

export function normaliseLanguage(value: string): string | undefined {
  const first = firstOfList(value).toLowerCase();
  if (!first) return undefined;
  if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/iu.test(first)) return first;
  return LANGUAGE_NAMES[first];
}

/**
 * The record's value under a default column name, in any case: a spreadsheet's header `Title,Text,Outlet`
 * (or JSON keys `"Text"`) matched none of the lower-case names, so every row failed with "no text". An
 * exact match comes first; a name given with --map is matched exactly, as documented.
 */
function defaultColumnValue(record: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  const wanted = name.toLowerCase();
  for (const key of Object.keys(record)) if (key.toLowerCase() === wanted) return record[key];
  return undefined;
}

/** Whether a header or key list has a column the default names of `field` would read. */
function hasDefaultColumn(names: readonly string[], field: RecordField): boolean {
  const lower = new Set(names.map((n) => n.toLowerCase()));
  return DEFAULT_COLUMNS[field].some((d) => lower.has(d.toLowerCase()));
}

/**
 * Whether a record with these field names (a CSV header, a JSON object's keys) has a field the mapping
 * takes the text from: the --map text= one, else a default text name, else a title (the title is the text).
 */
export function hasTextField(names: readonly string[], map: ColumnMap): boolean {
  if (map.text) return names.includes(map.text);
  return hasDefaultColumn(names, 'text') || (map.title ? names.includes(map.title) : hasDefaultColumn(names, 'title'));
}

function pick(record: Readonly<Record<string, unknown>>, field: RecordField, map: ColumnMap): string | undefined {
  const names = map[field] ? [map[field]] : DEFAULT_COLUMNS[field];
  for (const name of names) {
    const v = map[field] ? record[name] : defaultColumnValue(record, name);
    if (v === undefined || v === null) continue;
    // A list gives its scalar elements; a nested list or object gives nothing: String() of a list 2,000,000
    // levels deep (a JSONL line of brackets) overflowed the stack and ended the whole ingest.
    const raw = Array.isArray(v) ? v.filter(isScalar).map(String).join('+') : isScalar(v) ? String(v) : '';
    // Metadata is one line of text: control characters become spaces. A NUL in a title or outlet made
    // PostgreSQL refuse the whole document ("invalid byte sequence ... 0x00"); the text itself is
    // normalised by createDocument. A lone surrogate (a JSON "\ud800") is U+FFFD in every field.
    const s = field === 'text' ? wellFormed(raw) : wellFormed(raw).replace(/\p{Cc}/gu, ' ');
    if (s.trim()) return s;
  }
  return undefined;
}

export interface RecordContext {
  /** file:line, used in error messages and as the document's source uri when it has no url. */
  readonly where: string;
  readonly kind: 'jsonl' | 'csv';
  readonly language?: string;
}

/**
 * Turns one record into a DocumentInit, or an InputError saying which field is missing. When there is no
 * text column but a title, the title is the text (claim indexes such as EUvsDisinfo have only titles).
 */
export function mapRecord(record: Readonly<Record<string, unknown>>, map: ColumnMap, ctx: RecordContext): DocumentInit | InputError {
  // One record's surprise is that record's error, not the end of the ingest: an exception here (a field
  // nested past the stack, before pick() left such fields out) ended the run as an internal error with the
  // records after it unread.
  try {
    return recordToDocument(record, map, ctx);
  } catch (e) {
    return new InputError('malformed', `${ctx.where}: the record cannot be read (${(e as Error).message})`, 'Fix or remove that record; the others are read.');
  }
}

function recordToDocument(record: Readonly<Record<string, unknown>>, map: ColumnMap, ctx: RecordContext): DocumentInit | InputError {
  const text = pick(record, 'text', map);
  const title = pick(record, 'title', map);
  const body = text ?? (map.text ? undefined : title);
  if (!body || isBlank(body)) {
    const wanted = map.text ?? DEFAULT_COLUMNS.text.join(' / ');
    return new InputError('malformed', `${ctx.where}: no text (column ${wanted} is missing or empty)`, 'Name the text column with --map text=COLUMN.');
  }
  const url = pick(record, 'url', map);
  const outlet = pick(record, 'outlet', map);
  const author = pick(record, 'author', map);
  const date = pick(record, 'date', map);
  // The user's --language is an order; the record's language column a hint (see Document.declaredLanguage).
  const stated = pick(record, 'language', map);
  const declaredLanguage = ctx.language === undefined && stated !== undefined ? normaliseLanguage(stated) : undefined;
  const publishedAt = date ? normalisePublishedAt(date) : undefined;
  return {
    text: body,
    ...(date?.trim() && !publishedAt ? { warnings: [`${ctx.where}: "${date.trim().slice(0, 60)}" is not a date Narrascope can read; the document is stored without a publication date`] } : {}),
    ...(title && text ? { title } : {}),
    source: {
      kind: ctx.kind,
      // Without an http(s) url a record is labelled by its place (cases.csv:12); read from a URL, that label
      // (https://example.org/cases.csv:12) is an http(s) address, not the record's page, and exports wrote
      // it as one (a ClaimReview of .../cases.csv:12#item-1): such a record has no address.
      ...(url && /^https?:\/\//iu.test(url) ? { uri: url } : /^https?:\/\//iu.test(ctx.where) ? {} : { uri: ctx.where }),
      ...(outlet ? { outlet: firstOfList(outlet) } : {}),
      ...(author ? { author } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    },
    ...(ctx.language ? { language: ctx.language } : declaredLanguage ? { declaredLanguage } : {}),
  };
}

export interface BatchRecord {
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly output: ReaderOutput;
  /** Bytes of the file consumed so far (for progress). */
  readonly bytes: number;
}

/**
 * Excel's `sep=;` first line names the separator and is not the header (it wins over the extension);
 * otherwise `.tsv` is tab-separated and the header line says (comma, semicolon or tab: `sniffDelimiter`).
 */
function delimiterFor(uri: string | undefined, head: string): string {
  const sep = separatorLine(head);
  if (sep) return sep.delimiter;
  return uri && /\.tsv$/iu.test(uri) ? '\t' : sniffDelimiter(headerLine(head));
}

/** The start of a file, enough to hold its header line in all but pathological tables, decoded as it will be read. */
function fileHead(path: string, encoding: string | undefined): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    return decodeHead(buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)), encoding);
  } finally {
    closeSync(fd);
  }
}

/** csv-parse's error for a row it cannot read; `lines` is the line it stopped at. */
interface CsvParseError {
  readonly lines?: number;
  readonly message: string;
  readonly code?: string;
}

/**
 * Options for both parsers. A structural error (a stray or unclosed quote) is not thrown but handed to
 * `onError`: a thrown error destroys the stream, and with it the rows already parsed from the same chunk
 * (up to 64 KiB of good rows before the bad one were silently lost). The caller keeps the rows before the
 * first error and stops there, since the rows after a quoting error may be misaligned.
 */
function parseOptions(uri: string | undefined, head: string, onError: (e: CsvParseError) => void, maxRecordBytes = DEFAULT_MAX_BYTES) {
  const onSkip = (e: CsvParseError | undefined): undefined => {
    if (e) onError(e);
  };
  const delimiter = delimiterFor(uri, head);
  // Tab-separated files have no quoting convention (IANA text/tab-separated-values): `He said "no"` is
  // text, and such a quotation mark ended the file as a quoting error, every row after it unread. A field
  // that starts with a quote is still read as quoted (spreadsheets and pandas quote TSV as CSV).
  const relax_quotes = delimiter === '\t';
  // The header is the line after a `sep=` line; csv-parse still counts lines from the file's first (messages, labels).
  const from_line = separatorLine(head) ? 2 : 1;
  // Any line end, mixed too: csv-parse otherwise takes the first line's for the whole file, so a header
  // ending in CRLF (a hand-added `sep=` or header line) over LF rows made one row of the whole file.
  const record_delimiter = ['\r\n', '\n', '\r'];
  return { columns: true, bom: true, delimiter, from_line, record_delimiter, relax_quotes, relax_column_count: true, skip_empty_lines: true, info: true, skip_records_with_error: true, on_skip: onSkip, max_record_size: maxRecordBytes } as const;
}

function quotingError(label: string, e: CsvParseError): InputError {
  if (e.code === 'CSV_MAX_RECORD_SIZE')
    return new InputError('too-large', `${label}:${e.lines ?? '?'}: ${e.message}`, 'Split that row, or raise the limit with --max-bytes; the rows before it were read, the rows after it were not.');
  return new InputError('malformed', `${label}:${e.lines ?? '?'}: ${e.message}`, 'Fix the quoting of that row; the rows before it were read, the rows after it were not.');
}

/**
 * What is wrong with a header for the mapping, as an error for the whole file: columns that `--map`
 * names but the header lacks (below), or a column read that it repeats (repeatedColumn). A typo
 * such as `--map outlet=outlet_name` left every row without an outlet, silently, and `--map text=body`
 * on a file without that column failed every row one by one (each recorded as a failure).
 */
function headerProblem(map: ColumnMap, columns: readonly { readonly name: string }[] | undefined, label: string): InputError | null {
  if (!columns) return null;
  const names = columns.map((c) => c.name);
  const missing = Object.entries(map).filter(([, column]) => !names.includes(column));
  if (!missing.length) return repeatedColumn(map, names, label) ?? noTextColumn(map, names, label);
  const shown = names.slice(0, 30).map((n) => JSON.stringify(n)).join(', ');
  return new InputError(
    'malformed',
    `${label}: --map ${missing.map(([field, column]) => `${field}=${column}`).join(',')}: the header has no column ${missing.map(([, c]) => JSON.stringify(c)).join(', ')} (its columns: ${shown}${names.length > 30 ? ', ...' : ''})`,
    'Check the column names in --map (they are case-sensitive); no row of this file was read.',
  );
}

/**
 * A header without a column to take the text from (none of the text names, no title to stand in, no
 * --map text=): every row failed alone with "no text", 100,000 rows recorded as 100,000 failures over half
 * a minute. The file fails once, naming its columns.
 */
function noTextColumn(map: ColumnMap, names: readonly string[], label: string): InputError | null {
  if (map.text || hasTextField(names, map)) return null;
  const shown = names.slice(0, 30).map((n) => JSON.stringify(n)).join(', ');
  return new InputError(
    'malformed',
    `${label}: the header has no text column (looked for ${[...DEFAULT_COLUMNS.text, ...DEFAULT_COLUMNS.title].join(', ')}; its columns: ${shown}${names.length > 30 ? ', ...' : ''})`,
    'Name the text column with --map text=COLUMN; no row of this file was read.',
  );
}

/**
 * A column the mapping reads (named by --map, or a default name) that the header gives twice: csv-parse
 * keeps the last one's cell, so the text of `title,text,text` was the second column's, the first lost
 * without a word.
 */
function repeatedColumn(map: ColumnMap, names: readonly string[], label: string): InputError | null {
  const read = new Set<string>(RECORD_FIELDS.flatMap((f) => (map[f] ? [map[f] as string] : DEFAULT_COLUMNS[f])));
  const twice = names.find((n, i) => read.has(n) && names.indexOf(n) !== i);
  if (twice === undefined) return caseTwins(map, names, label);
  const at = names.flatMap((n, i) => (n === twice ? [i + 1] : []));
  return new InputError('malformed', `${label}: the header names the column ${JSON.stringify(twice)} ${at.length} times (columns ${at.join(', ')}), so its cells would be taken from one of them and the others lost`, 'Rename the columns in the header so that each name is unique; no row of this file was read.');
}

/**
 * Two columns whose names differ only in case (`Text,text`), both default names of a field that --map
 * does not name: default names match in any case, so one of them was read as the text and the other
 * left out, which one depending on the spelling (the exact lower-case name first). Spreadsheets do not
 * make such twins by accident; they often hold different texts (an original and a translation).
 */
function caseTwins(map: ColumnMap, names: readonly string[], label: string): InputError | null {
  for (const field of RECORD_FIELDS) {
    if (map[field]) continue;
    const defaults = new Set(DEFAULT_COLUMNS[field].map((d) => d.toLowerCase()));
    const read = names.filter((n) => defaults.has(n.toLowerCase()));
    const twin = read.find((n) => read.some((m) => m !== n && m.toLowerCase() === n.toLowerCase()));
    if (twin === undefined) continue;
    const same = names.flatMap((n, i) => (n.toLowerCase() === twin.toLowerCase() ? [{ n, i: i + 1 }] : []));
    return new InputError(
      'malformed',
      `${label}: the header has the columns ${same.map((c) => JSON.stringify(c.n)).join(' and ')} (columns ${same.map((c) => c.i).join(', ')}), whose names differ only in case, so which one gives the ${field} is ambiguous`,
      `Name the one to read with --map ${field}=${same[0]?.n ?? twin} (a name given with --map matches exactly), or rename the other; no row of this file was read.`,
    );
  }
  return null;
}

type CsvItem = { record: Record<string, string>; info: { lines: number; bytes: number; columns?: { name: string }[] } };

/** Streams a CSV/TSV file record by record (bounded memory); a malformed row becomes an InputError. */
export async function* streamCsvFile(path: string | NodeJS.ReadableStream, map: ColumnMap, options: { language?: string; label?: string; maxBytes?: number; encoding?: string } = {}): AsyncGenerator<BatchRecord> {
  const file = typeof path === 'string' ? path : undefined;
  const label = options.label ?? file ?? 'standard input';
  let bad: CsvParseError | undefined;
  // A record over maxBytes (one input's limit) is an error: a field of hundreds of MB crashed the process.
  let head = '';
  try {
    if (file !== undefined) head = fileHead(file, options.encoding);
  } catch (e) {
    // An unknown --encoding is the file's error; an unreadable file fails in the stream below.
    if (e instanceof InputError) {
      yield { line: 0, bytes: 0, output: e };
      return;
    }
  }
  const state = chunkState();
  // A read error (a file that vanished, EIO) ends the data here and is reported after the rows before it:
  // pipe() does not pass a source's error on, and it crashed the process.
  const failure: { error?: unknown } = {};
  let chunks: AsyncIterable<Buffer> = untilError(utf8Chunks(file ?? (path as AsyncIterable<Buffer | string>), options.encoding, state), failure);
  if (file === undefined) {
    // Standard input has no start to read twice: its first 64 KiB give the header line, then go to the parser.
    const peeked = await peekChunks(chunks, 64 * 1024);
    head = peeked.head.toString('utf8');
    chunks = peeked.all;
  }
  const source = Readable.from(chunks);
  const parser = source.pipe(parse(parseOptions(file, head, (e) => void (bad ??= e), options.maxBytes)));
  try {
    let checked = false;
    for await (const item of parser as AsyncIterable<CsvItem>) {
      // Rows parsed before the error (same chunk) still arrive here; the first row after it ends the file.
      if (bad && (bad.lines === undefined || item.info.lines >= bad.lines)) break;
      if (!checked) {
        checked = true;
        const unknown = headerProblem(map, item.info.columns, label);
        if (unknown) {
          yield { line: 1, bytes: fileOffset(state, item.info.bytes), output: unknown };
          return;
        }
      }
      const where = `${label}:${item.info.lines}`;
      const output = mapRecord(item.record, map, { where, kind: 'csv', ...(options.language ? { language: options.language } : {}) });
      const replaced = state.invalidUtf8 && !(output instanceof InputError) && Object.values(item.record).some((v) => v.includes('\ufffd'));
      yield { line: item.info.lines, bytes: fileOffset(state, item.info.bytes), output: replaced ? { ...output, warnings: [...(output.warnings ?? []), replacedWarning(where)] } : output };
    }
  } catch (e) {
    // Reading the file failed (or csv-parse threw something it does not route through on_skip).
    bad ??= e as CsvParseError;
  } finally {
    parser.destroy();
    source.destroy();
  }
  if (failure.error !== undefined) {
    yield { line: 0, bytes: 0, output: readFailure(label, failure.error) };
    return;
  }
  if (bad) yield { line: bad.lines ?? 0, bytes: 0, output: quotingError(label, bad) };
}

/** CSV as a Reader (for stdin and URLs; files are streamed by `streamCsvFile`). */
export function csvReader(map: ColumnMap = {}): Reader {
  return {
    name: 'csv',
    description: 'CSV/TSV with a header row, one document per row (columns mapped with --map)',
    extensions: ['.csv', '.tsv'],
    mediaTypes: ['text/csv', 'text/tab-separated-values'],
    *read(input) {
      const label = input.uri ?? 'standard input';
      let bad: CsvParseError | undefined;
      let rows: CsvItem[];
      try {
        rows = parseSync(input.text, parseOptions(input.uri, input.text.slice(0, 64 * 1024), (e) => void (bad ??= e))) as typeof rows;
      } catch (e) {
        rows = [];
        bad ??= e as CsvParseError;
      }
      const cut = bad?.lines;
      const unknown = headerProblem(map, rows[0]?.info.columns, label);
      if (unknown) {
        yield unknown;
        return;
      }
      for (const r of rows) {
        if (bad && (cut === undefined || r.info.lines >= cut)) break;
        yield mapRecord(r.record, map, { where: `${label}:${r.info.lines}`, kind: 'csv', ...(input.language ? { language: input.language } : {}) });
      }
      if (bad) yield quotingError(label, bad);
    },
  };
}
