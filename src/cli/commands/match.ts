import { createFactCheckMatcher, matchTerms } from '../../corpus/matching/index.js';
import { numberFlag, str } from '../analyze/flags.js';
import { writeOutput } from '../analyze/output.js';
import { refuseOutputOverInput } from '../output-target.js';
import type { CliCommand, CliIO, ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { countOption } from './count-option.js';
import { encodingFlag, openLibraryStore } from './factchecks.js';
import { loadLibrary } from './match-library.js';
import { jsonLine, textBlock } from './match-report.js';
import { runFile } from './match-run-file.js';
import { topOption } from './match-top.js';
import { isBlank } from '../../ingest/blank.js';
import { terminalText } from '../terminal-text.js';

const USAGE = `Usage: narrascope match "claim text" [options]
       narrascope match --document FILE [options]
       narrascope match --corpus-claims [options]
       narrascope match --queries FILE --corpus FILE [--out run.txt]

Finds earlier fact-checks for a claim: BM25 over the fact-checks' claims and titles picks candidates, a
learned re-ranker (word vectors, coverage, names, numbers) orders them. Matched words are highlighted.

The library is the store's fact-check table (\`narrascope factchecks import\`), or --library FILE
(ClaimReview JSON-LD, HTML embedding it, Fact Check Tools API JSON, CSV/TSV; repeatable).

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
      --encoding NAME      encoding (windows-1251 ...) of the files read: --library files and a --document
                           (or --queries / --corpus), instead of UTF-8; a UTF-16 BOM, a page's declared
                           charset are followed without it
  -k, --top N              results per query (default 5; run files 20)
      --min-score X        leave out results scoring below X (re-ranker score)
      --limit N            --corpus-claims: at most N claims (default 100)
      --method NAME        rerank | bm25 (default rerank)
      --json               JSON lines instead of text
      --tag TAG            run-file tag (default narrascope-<method>)
  -o, --out FILE           write to FILE

Exit codes: 0 ok, 2 bad input or usage, 3 some --document inputs or library rows could not be read,
4 store error.

Examples:
  narrascope match "5G masts spread the virus" --library checks.json
  narrascope match --queries tweets.queries.tsv --corpus verified_claims.docs.tsv --out run.txt`;

export const matchCommand: CliCommand = {
  name: 'match',
  usage: USAGE,
  options: {
    db: { type: 'string' },
    library: { type: 'string', multiple: true },
    format: { type: 'string' },
    columns: { type: 'string' },
    encoding: { type: 'string' },
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
    // An empty path (an unset variable in "$FILE") was read as no option at all: --queries '' asked for
    // --corpus, --document '' said 'nothing to match', and --library '' read the working directory whole.
    const empty = given(args, ['queries', 'corpus', 'document']).filter(
      (o) => str(args, o.slice(2))?.trim() === '',
    );
    const libraries = Array.isArray(args.values.library) ? args.values.library : [args.values.library];
    if (libraries.some((f) => typeof f === 'string' && f.trim() === '')) empty.push('--library');
    if (empty.length)
      throw new UserError(
        `${empty.join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty`,
        'Give a file name (an unset shell variable gives an empty one).',
      );
    const queriesFile = str(args, 'queries');
    const corpusFile = str(args, 'corpus');
    const read = [queriesFile, corpusFile, str(args, 'document'), ...libraries.filter((f): f is string => typeof f === 'string')];
    await refuseOutputOverInput(str(args, 'out'), read, io.cwd, () => true);
    if (queriesFile || corpusFile) {
      if (!queriesFile || !corpusFile)
        throw new UserError(
          '--queries and --corpus go together',
          'Example: narrascope match --queries tweets.tsv --corpus claims.tsv',
        );
      // A run file's queries and fact-checks are those two files: a claim, --document, --corpus-claims or
      // --library given beside them was ignored without a word, and the run file read as their result.
      // So were the options of the other modes (--db, --format, --columns, --min-score, --json, --limit):
      // a run file read as filtered by --min-score, or as from the store, when it was neither.
      const ignored = [
        args.positionals.length ? `"${args.positionals.join(' ')}"` : null,
        ...given(args, ['document', 'corpus-claims', 'library']),
      ].filter((x): x is string => x !== null);
      const inapplicable = given(args, ['db', 'format', 'columns', 'min-score', 'json', 'limit']);
      if (ignored.length || inapplicable.length)
        throw new UserError(
          `--queries and --corpus cannot be combined with ${[...ignored, ...inapplicable].join(', ')}`,
          ignored.length
            ? 'A run file matches the queries file against the corpus file. Run the other query separately.'
            : 'A run file lists the top results (--top) of each query of the TSV queries file against the TSV corpus file, in TREC format; those options do not apply to it.',
        );
      return runFile(queriesFile, corpusFile, method, args, io);
    }
    // Invisible characters only (a pasted zero-width space) are no claim: 'nothing to match', not a search.
    const typed = args.positionals.join(' ').trim();
    const text = isBlank(typed) ? '' : typed;
    const document = str(args, 'document');
    const corpusClaims = args.values['corpus-claims'] === true;
    const modes = [text ? 1 : 0, document ? 1 : 0, corpusClaims ? 1 : 0].reduce((a, b) => a + b, 0);
    if (modes !== 1)
      throw new UserError(
        modes === 0 ? 'nothing to match' : 'give one kind of query',
        'Pass "claim text", --document FILE, --corpus-claims, or --queries FILE --corpus FILE. Run `narrascope match --help`.',
      );
    // Options that apply to another mode were ignored without a word: --tag names a run file, --limit
    // counts --corpus-claims, --format and --columns read --library files (not the store's library), and
    // --encoding reads --library files and a --document.
    const stray = [
      ...given(args, ['tag']).map((o) => `${o} (it names a run file: --queries FILE --corpus FILE)`),
      ...(corpusClaims ? [] : given(args, ['limit']).map((o) => `${o} (it counts --corpus-claims)`)),
      ...(args.values.library !== undefined
        ? []
        : given(args, ['format', 'columns', ...(document ? [] : ['encoding'])]).map(
            (o) => `${o} (it reads --library files${o === '--encoding' ? ' and --document' : ''})`,
          )),
    ];
    // Checked before the library or any document is read: an unknown name is a usage error.
    const encoding = encodingFlag(args);
    if (stray.length)
      throw new UserError(
        `not for this kind of query: ${stray.join('; ')}`,
        'Run `narrascope match --help` for which option goes with which kind of query.',
      );
    const { entries, rejected } = await loadLibrary(args, io);
    if (entries.length === 0)
      throw new UserError(
        'the fact-check library is empty',
        'Import fact-checks with `narrascope factchecks import FILE`, or pass --library FILE.',
      );
    // Nor is a claim without a word to search by (stop words, links, punctuation only): it was answered 'no
    // earlier fact-check found', exit 0, as if the library had been searched for it. (Checked once the
    // options and the library were read, whose errors come first.)
    if (text && matchTerms(text).length === 0)
      throw new UserError(
        `nothing to match: "${terminalText(text.length > 80 ? `${text.slice(0, 80)}…` : text)}" has no word to search by`,
        'Stop words ("the", "and"), links and punctuation are not searched. Give the words of the claim.',
      );
    const matcher = createFactCheckMatcher(entries, method);
    let queries: { label: string; text: string }[];
    // Inputs of --document that could not be read, and library rows that could not be (reported as they
    // were met): exit 3, as analyze and factchecks import do.
    // Both count: the documents' failures replaced the library's, so --document with a library file whose
    // rows were skipped exited 0 while the same library with a claim exited 3.
    let failed = rejected;
    if (text) queries = [{ label: 'query', text }];
    else if (document) {
      // Loaded here, not at the top: the readers and the analysis pipeline it brings in slowed every
      // command's start.
      const { documentQueries } = await import('./match-document.js');
      const read = await documentQueries(document, io, encoding);
      queries = read.queries;
      failed += read.failed;
    } else queries = await corpusQueries(args, io);
    const k = topOption(args, 5);
    const minScore = numberFlag(args, 'min-score', -1e9, 1e9);
    const color = io.stdout.isTTY === true && !io.env.NO_COLOR && str(args, 'out') === undefined;
    const out: string[] = [];
    if (!matcher.model && method === 'rerank')
      io.stderr.write('narrascope match: no trained re-ranker found; ranking by BM25 alone.\n');
    for (const q of queries) {
      const all = matcher.match(q.text, { k });
      const hits = all.filter((h) => minScore === undefined || h.score >= minScore);
      const dropped = hits.length < all.length ? minScore : undefined;
      out.push(args.values.json === true ? jsonLine(q, hits) : textBlock(q, hits, color, dropped));
    }
    // JSON lines are data carrying the library's and the documents' text: on a terminal, a text-direction
    // override or C1 control in a claim (JSON escapes only U+0000–U+001F) is shown as a space. The text
    // report filters its own (match-report.ts).
    await writeOutput(out.join(args.values.json === true ? '' : '\n'), str(args, 'out'), io.stdout, io.cwd, {
      data: args.values.json === true,
    });
    return failed ? ExitCode.partial : ExitCode.ok;
  },
};

/** The options of `names` given on the command line, as `--name`. */
function given(args: ParsedArgs, names: readonly string[]): string[] {
  return names.filter((o) => args.values[o] !== undefined).map((o) => `--${o}`);
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
