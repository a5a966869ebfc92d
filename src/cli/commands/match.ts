import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import pc from 'picocolors';
import {
  createFactCheckMatcher,
  formatRun,
  markHighlights,
  parseIdTsv,
  type Highlight,
  type MatchHit,
  type RunLine,
  type TsvTable,
} from '../../corpus/matching/index.js';
import type { FactCheckMatcher } from '../../corpus/matching/matcher.js';
import { decodeBytes } from '../../ingest/decode.js';
import {
  factCheckKey,
  readFactCheckFile,
  listFactChecks,
  type FactCheckRecord,
} from '../../store/fact-checks/index.js';
import { numberFlag, str } from '../analyze/flags.js';
import { writeOutput } from '../analyze/output.js';
import type { CliCommand, CliIO, ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { countOption } from './count-option.js';
import { columnsFlag, formatFlag, openLibraryStore } from './factchecks.js';
import { analyseSpecs } from '../analyse-specs.js';
import { terminalText } from '../terminal-text.js';

const USAGE = `Usage: narrascope match "claim text" [options]
       narrascope match --document FILE [options]
       narrascope match --corpus-claims [options]
       narrascope match --queries FILE --corpus FILE [--out run.txt]

Finds earlier fact-checks for a claim: BM25 over the fact-checks' claims and titles picks candidates, a
learned re-ranker (word vectors, coverage, names, numbers) orders them. Matched words are highlighted.

The library is the store's fact-check table (\`narrascope factchecks import\`), or --library FILE
(ClaimReview JSON-LD, HTML embedding it, CSV/TSV; repeatable).

Queries:
  "claim text"             one claim
  --document FILE          every claim and ledger item of an analysed document (of each document, for a
                           folder or a JSONL/CSV file)
  --corpus-claims          every claim stored in the corpus (best check-worthiness first, see --limit)
  --queries FILE --corpus FILE
                           benchmark mode: both TSV with a header, id first, text after (CheckThat! layout);
                           writes a TREC run file: qid Q0 docid rank score tag (top 20 per query)

Options:
      --db PATH|URL        store (default ./narrascope.db)
      --library FILE       fact-check file(s) instead of the store
      --format NAME        library file format: claimreview | csv | tsv (default: by extension)
      --columns MAP        library CSV/TSV column mapping (see \`narrascope factchecks --help\`)
  -k, --top N              results per query (default 5; run files 20)
      --min-score X        leave out results scoring below X (re-ranker score)
      --limit N            --corpus-claims: at most N claims (default 100)
      --method NAME        rerank | bm25 (default rerank)
      --json               JSON lines instead of text
      --tag TAG            run-file tag (default narrascope-<method>)
  -o, --out FILE           write to FILE

Exit codes: 0 ok, 2 bad input or usage, 3 some --document inputs could not be read, 4 store error.

Examples:
  narrascope match "5G masts spread the virus" --library checks.json
  narrascope match --queries tweets.queries.tsv --corpus verified_claims.docs.tsv --out run.txt`;

interface Entry {
  readonly id: string;
  readonly claim: string;
  readonly title: string | null;
  readonly record?: FactCheckRecord;
}

export const matchCommand: CliCommand = {
  name: 'match',
  usage: USAGE,
  options: {
    db: { type: 'string' },
    library: { type: 'string', multiple: true },
    format: { type: 'string' },
    columns: { type: 'string' },
    document: { type: 'string' },
    'corpus-claims': { type: 'boolean' },
    queries: { type: 'string' },
    corpus: { type: 'string' },
    top: { type: 'string', short: 'k' },
    'min-score': { type: 'string' },
    limit: { type: 'string' },
    method: { type: 'string' },
    json: { type: 'boolean' },
    tag: { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
  async run(args, io) {
    const method = str(args, 'method') ?? 'rerank';
    if (method !== 'rerank' && method !== 'bm25')
      throw new UserError(`unknown method "${method}"`, 'Methods: rerank, bm25.');
    const queriesFile = str(args, 'queries');
    const corpusFile = str(args, 'corpus');
    if (queriesFile || corpusFile) {
      if (!queriesFile || !corpusFile)
        throw new UserError(
          '--queries and --corpus go together',
          'Example: narrascope match --queries tweets.tsv --corpus claims.tsv',
        );
      // A run file's queries and fact-checks are those two files: a claim, --document, --corpus-claims or
      // --library given beside them was ignored without a word, and the run file read as their result.
      const ignored = [
        args.positionals.length ? `"${args.positionals.join(' ')}"` : null,
        ...(['document', 'corpus-claims', 'library'] as const).map((o) => (args.values[o] === undefined ? null : `--${o}`)),
      ].filter((x): x is string => x !== null);
      if (ignored.length)
        throw new UserError(
          `--queries and --corpus cannot be combined with ${ignored.join(', ')}`,
          'A run file matches the queries file against the corpus file. Run the other query separately.',
        );
      return runFile(queriesFile, corpusFile, method, args, io);
    }
    const text = args.positionals.join(' ').trim();
    const document = str(args, 'document');
    const corpusClaims = args.values['corpus-claims'] === true;
    const modes = [text ? 1 : 0, document ? 1 : 0, corpusClaims ? 1 : 0].reduce((a, b) => a + b, 0);
    if (modes !== 1)
      throw new UserError(
        modes === 0 ? 'nothing to match' : 'give one kind of query',
        'Pass "claim text", --document FILE, --corpus-claims, or --queries FILE --corpus FILE. Run `narrascope match --help`.',
      );
    const entries = await loadLibrary(args, io);
    if (entries.length === 0)
      throw new UserError(
        'the fact-check library is empty',
        'Import fact-checks with `narrascope factchecks import FILE`, or pass --library FILE.',
      );
    const matcher = createFactCheckMatcher(entries, method);
    let queries: { label: string; text: string }[];
    // Inputs of --document that could not be read (reported as they were met): exit 3, as analyze does.
    let failed = 0;
    if (text) queries = [{ label: 'query', text }];
    else if (document) ({ queries, failed } = await documentQueries(document, io));
    else queries = await corpusQueries(args, io);
    const k = topOption(args, 5);
    const minScore = numberFlag(args, 'min-score', -1e9, 1e9);
    const color = io.stdout.isTTY === true && !io.env.NO_COLOR && str(args, 'out') === undefined;
    const out: string[] = [];
    if (!matcher.model && method === 'rerank')
      io.stderr.write('narrascope match: no trained re-ranker found; ranking by BM25 alone.\n');
    for (const q of queries) {
      const hits = matcher.match(q.text, { k }).filter((h) => minScore === undefined || h.score >= minScore);
      out.push(args.values.json === true ? jsonLine(q, hits) : textBlock(q, hits, color));
    }
    await writeOutput(out.join(args.values.json === true ? '' : '\n'), str(args, 'out'), io.stdout, io.cwd);
    return failed ? ExitCode.partial : ExitCode.ok;
  },
};

/**
 * Results per query: a whole number from 1 to MAX_TOP. `--top 2.5` was taken and cut to 2 results, and
 * `1e2` or `0x10` read as numbers; only digits are a count, as for every other count option.
 */
const MAX_TOP = 1000;
function topOption(args: ParsedArgs, dflt: number): number {
  const k = countOption(args, 'top', dflt, 1);
  if (k > MAX_TOP) throw new UserError(`--top must be a whole number from 1 to ${MAX_TOP}, got "${k}"`);
  return k;
}

/**
 * How a --library fact-check is named in results: the table's id cell when it has one (`checks.csv:12#PF#7`
 * → PF#7), else its source (`reviews.json#3`, `page.html#script-2#3`, `checks.csv:12`). The text after the
 * last '#' was taken before: a ClaimReview was '3' in every file given, and an id holding '#' was cut.
 */
function libraryId(source: string, label: string): string {
  const rest = source.startsWith(label) ? source.slice(label.length) : source;
  const cell = /^:\d+#/u.exec(rest);
  return cell ? rest.slice(cell[0].length) : source;
}

async function loadLibrary(args: ParsedArgs, io: CliIO): Promise<Entry[]> {
  const files = Array.isArray(args.values.library)
    ? args.values.library.map(String)
    : typeof args.values.library === 'string'
      ? [args.values.library]
      : [];
  if (files.length) {
    const format = formatFlag(args);
    const mapping = columnsFlag(args);
    const entries: Entry[] = [];
    // The same fact-check twice (a page embedding its review in two scripts, a file given twice) is kept
    // once, by the key `factchecks import` stores by: twice, it took two result places and the library file
    // ranked otherwise than the same file imported into the store.
    const keys = new Set<string>();
    let repeated = 0;
    for (const f of files) {
      let batch;
      try {
        batch = await readFactCheckFile(resolve(io.cwd, f), {
          ...(format ? { format } : {}),
          ...(mapping ? { mapping } : {}),
          label: f,
        });
      } catch (e) {
        throw new UserError((e as Error).message, 'Check the path of --library.');
      }
      // Sources and reasons quote the file (a CSV id, a JSON parser's snippet): no escape sequences from it.
      for (const r of batch.rejected) io.stderr.write(terminalText(`narrascope match: skipped ${r.source}: ${r.reason}`) + '\n');
      for (const r of batch.records) {
        const key = factCheckKey(r);
        if (keys.has(key)) {
          repeated++;
          continue;
        }
        keys.add(key);
        entries.push({ id: libraryId(r.source, f), claim: r.claim, title: r.title, record: r });
      }
    }
    if (repeated) io.stderr.write(`narrascope match: ${repeated} fact-check(s) repeated in the library files, kept once\n`);
    return entries;
  }
  const store = await openLibraryStore(args, io, false);
  try {
    return (await listFactChecks(store.db)).map((r) => ({
      id: r.id,
      claim: r.claim,
      title: r.title,
      record: r,
    }));
  } finally {
    await store.close();
  }
}

/**
 * The claims and ledger items of every document the input holds (a folder, a JSONL/CSV file or a feed hold
 * several: only the first was matched, silently), each labelled with its document when there are several.
 * `failed` counts the inputs that could not be read (reported by analyseSpecs).
 */
async function documentQueries(
  spec: string,
  io: CliIO,
): Promise<{ queries: { label: string; text: string }[]; failed: number }> {
  const { results, failed } = await analyseSpecs([spec], io, 'match');
  if (results.length === 0) throw new UserError(`could not read ${spec}`, 'See the message above.');
  const out: { label: string; text: string }[] = [];
  for (const r of results) {
    const where = results.length > 1 ? `${r.document.source.uri ?? r.document.title ?? r.document.id}: ` : '';
    const seen = new Set<string>();
    for (const item of r.rebuttals) {
      const t = item.claim?.text.trim();
      if (!t || seen.has(t)) continue;
      seen.add(t);
      out.push({ label: `${where}ledger item ${item.index ?? item.id}`, text: t });
    }
    for (const c of r.claims) {
      const t = c.span.text.trim();
      if (!t || seen.has(t)) continue;
      seen.add(t);
      out.push({ label: `${where}claim ${c.id}`, text: t });
    }
  }
  if (out.length === 0)
    throw new UserError(
      `no claims found in ${spec}`,
      'Match a claim directly: narrascope match "claim text".',
    );
  return { queries: out, failed };
}

async function corpusQueries(args: ParsedArgs, io: CliIO): Promise<{ label: string; text: string }[]> {
  // A whole number: --limit 2.5 reached the SQL LIMIT and came back from SQLite as an internal error.
  const limit = countOption(args, 'limit', 100, 1);
  const store = await openLibraryStore(args, io, false);
  try {
    const rows = await store.db
      .selectFrom('claims')
      .select(['id', 'document_id', 'text'])
      .orderBy('check_worthiness', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    if (rows.length === 0)
      throw new UserError(
        'the corpus has no stored claims',
        'Analyse and store documents first (see `narrascope --help`).',
      );
    return rows.map((r) => ({ label: `claim ${r.id} (document ${r.document_id})`, text: r.text }));
  } finally {
    await store.close();
  }
}

function textBlock(
  q: { label: string; text: string },
  hits: readonly MatchHit<Entry>[],
  color: boolean,
): string {
  // Control characters of untrusted text (terminal escapes) become spaces: same length, offsets still hold.
  const mark = (raw: string, hl: readonly Highlight[]): string => {
    const text = terminalText(raw);
    return color ? highlightAnsi(text, hl) : markHighlights(text, hl, '«', '»');
  };
  // The label can name a document's file or address, also untrusted.
  const lines = [`${terminalText(q.label)}: ${mark(q.text, hits[0]?.highlights.query ?? [])}`];
  if (hits.length === 0) lines.push('  no earlier fact-check found');
  // Only weak results: the library may well hold no fact-check of this claim (match-strength.ts).
  else if (hits.every((h) => h.strength === 'weak')) lines.push('  only weak matches: the library may hold no fact-check of this claim');
  for (const h of hits) {
    const r = h.factCheck.record;
    lines.push(`  ${h.rank}. [${h.strength ? `${h.strength} ` : ''}${h.score.toFixed(3)}] ${mark(h.factCheck.claim, h.highlights.claim)}`);
    if (h.factCheck.title) lines.push(`     title: ${mark(h.factCheck.title, h.highlights.title)}`);
    const meta = [
      r?.rating ? `rating: ${r.rating}` : null,
      r?.publisher ? `by ${r.publisher}` : null,
      r?.datePublished ?? null,
      r?.url ?? null,
      `id ${h.factCheck.id}`,
    ].filter(Boolean);
    lines.push(`     ${terminalText(meta.join(' · '))}`);
  }
  return lines.join('\n') + '\n';
}

/** Highlights in bold yellow; the text itself is printed as is (never interpreted). */
function highlightAnsi(text: string, highlights: readonly Highlight[]): string {
  let out = '';
  let at = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += text.slice(at, h.start) + pc.bold(pc.yellow(text.slice(h.start, h.end)));
    at = h.end;
  }
  return out + text.slice(at);
}

function jsonLine(q: { label: string; text: string }, hits: readonly MatchHit<Entry>[]): string {
  return (
    JSON.stringify({
      query: q.label,
      text: q.text,
      matches: hits.map((h) => ({
        rank: h.rank,
        score: Math.round(h.score * 1e4) / 1e4,
        strength: h.strength,
        bm25: Math.round(h.bm25 * 1e4) / 1e4,
        id: h.factCheck.id,
        claim: h.factCheck.claim,
        title: h.factCheck.title,
        rating: h.factCheck.record?.rating ?? null,
        publisher: h.factCheck.record?.publisher ?? null,
        url: h.factCheck.record?.url ?? null,
        highlights: h.highlights,
      })),
    }) + '\n'
  );
}

async function runFile(
  queriesFile: string,
  corpusFile: string,
  method: 'rerank' | 'bm25',
  args: ParsedArgs,
  io: CliIO,
): Promise<number> {
  const read = async (f: string, what: string): Promise<ReturnType<typeof parseIdTsv>> => {
    try {
      const path = resolve(io.cwd, f);
      // A device such as /dev/zero would be read until memory ran out.
      if (!(await stat(path)).isFile()) throw new Error('not a regular file');
      // The ingest decoder, as for --library: a UTF-16 TSV with a BOM (a spreadsheet's "Unicode text"
      // export) was read as UTF-8, its ids and text full of NULs, and scored into a run file with exit 0;
      // a binary file is refused. UTF-8 text comes out as readFile gave it.
      return parseIdTsv(decodeBytes(await readFile(path), f).text, f);
    } catch (e) {
      throw new UserError(
        `cannot use ${what} ${f}: ${(e as Error).message}`,
        'Both files are TSV with a header line, the id in the first column and the text after it.',
      );
    }
  };
  const corpus = await read(corpusFile, 'corpus');
  const queries = await read(queriesFile, 'queries');
  // A file with only its header would give an empty run file and exit 0, which reads as "no match".
  for (const [f, what, table] of [[corpusFile, 'corpus', corpus], [queriesFile, 'queries', queries]] as const) {
    if (table.records.length === 0)
      throw new UserError(`${what} ${f} has no rows after its header line`, 'Both files are TSV with a header line, the id in the first column and the text after it.');
  }
  // Rows without text are kept (ids stay as given) but can never match or be matched: say so.
  const blank = (t: TsvTable): string[] => t.records.filter((r) => r.fields.every((x) => !x.trim())).map((r) => r.id);
  for (const [f, ids, effect] of [
    [corpusFile, blank(corpus), 'can never be found'],
    [queriesFile, blank(queries), 'get no results'],
  ] as const) {
    if (ids.length)
      io.stderr.write(
        `narrascope match: ${ids.length} row(s) of ${f} have no text and ${effect}: ${terminalText(ids.slice(0, 10).join(', '))}${ids.length > 10 ? ', …' : ''}\n`,
      );
  }
  const entries: Entry[] = corpus.records.map((r) => ({
    id: r.id,
    claim: r.fields[0] ?? '',
    title: r.fields.slice(1).join(' ') || null,
  }));
  const matcher: FactCheckMatcher<Entry> = createFactCheckMatcher(entries, method);
  const k = topOption(args, 20);
  const lines: RunLine[] = [];
  for (const q of queries.records) {
    for (const h of matcher.match(q.fields.join(' '), { k, highlights: false }))
      lines.push({ qid: q.id, docid: h.factCheck.id, rank: h.rank, score: h.score });
  }
  const tag = str(args, 'tag') ?? `narrascope-${matcher.model ? method : 'bm25'}`;
  await writeOutput(formatRun(lines, tag), str(args, 'out'), io.stdout, io.cwd);
  if (str(args, 'out') !== undefined)
    io.stderr.write(
      `narrascope match: ${queries.records.length} queries × top ${k} against ${entries.length} fact-checks → ${str(args, 'out')}\n`,
    );
  return ExitCode.ok;
}
