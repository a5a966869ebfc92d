import type { AnalysisResult } from '../../core/result/types.js';
import {
  confirmedClaimReviews,
  isIsoDate,
  ledgerClaimReviews,
  PAGE_ALREADY_REVIEWED,
  pageKey,
  stringifyJsonLd,
  SUPERSEDED,
  type ClaimReview,
  type ClaimReviewContext,
} from '../../export/claimreview/index.js';
import { getAnalysis, getDocument } from '../../store/index.js';
import { CSV_TABLES, tableCsv, type CsvTable } from '../../export/csv/index.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../export/encoder.js';
import { jsonlLines } from '../../export/jsonl.js';
import { buildStixBundle, stringifyStixBundle } from '../../export/stix/index.js';
import { classifyUri, safeHttpUrl, unsafeAddresses } from '../../export/uri.js';
import { DEFAULT_MAX_BYTES, formatBytes, parseByteSize } from '../../ingest/limits.js';
import { str } from '../analyze/flags.js';
import { writeOutput } from '../analyze/output.js';
import { refuseOutputOverInput } from '../output-target.js';
import { readInFolder } from '../read-in-folder.js';
import type { CliCommand, CliIO, ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';
import { terminalText } from '../terminal-text.js';
import { ExitCode } from '../exit-codes.js';
import { confirmationsByDocument } from '../confirmations.js';
import { exportCorpus } from './export-corpus.js';
import { DEFAULT_RESULTS_MAX_BYTES, readResultsFile } from './export-results.js';
import { supersededDocuments } from '../../store/repositories/document-versions.js';
import { openLibraryStore } from './factchecks.js';
import { FILTER_OPTIONS, filterHelp } from './search-filters.js';


const USAGE = `Usage: narrascope export <claimreview | stix | csv | jsonl> <file | directory | URL | -> ... [options]
       narrascope export <format> --results FILE [options]
       narrascope export <format> --corpus [--query WORDS] [filters] [options]

Analyses the inputs (or reads analysis results written by \`narrascope analyze --format json\`, or the
stored analyses of corpus documents) and writes them in a standard format:

  claimreview   schema.org ClaimReview JSON-LD, one review per ledger item that has a claim and a
                verdict; items that cannot make a valid review are skipped and listed on stderr
  stix          a STIX 2.1 bundle: report, identities, notes, narratives (extension), DISARM attack-patterns
  csv           one table: --table ledger | claims | findings (RFC 4180, spreadsheet-formula safe)
  jsonl         the analysis results themselves, one JSON object per line (readable again with --results)

Options:
      --results FILE     analysis JSON (one result, an array, or JSON Lines) instead of analysing inputs
      --max-bytes SIZE   largest --results file read (default ${formatBytes(DEFAULT_RESULTS_MAX_BYTES)}); e.g. 64MB, 1GB
  -o, --out FILE         write to FILE instead of standard output
      --table NAME       csv: ${CSV_TABLES.join(' | ')} (default ledger)
      --bom              csv: start with a UTF-8 byte order mark, so that Excel reads non-Latin text right
      --publisher NAME   claimreview: publisher when the document names no outlet
      --url URL          claimreview: address when the document has none (reviews get #item-N)
      --date YYYY-MM-DD  claimreview: publication date when the document has none
      --confirmed        claimreview: export the verdicts analysts confirmed in the store (web app / API)
                         instead of the documents' own verdicts; the analyst is the reviewer (with
                         --corpus: of the selected documents only)
      --db PATH|URL      --corpus, --confirmed: the store (default ./narrascope.db, or $NARRASCOPE_DB)

Corpus export (--corpus): the stored documents that match, from their stored analyses, in ingestion order;
written as it is read, so any number of documents fits in memory. Filters as in \`narrascope search\`:
      --query WORDS      full-text query (words, "phrases", OR, -word); empty: every document
${filterHelp(6, 19)}
      --limit N          only the N most recently ingested matching documents
      --keep-dismissed   keep findings analysts dismissed (default: left out, technique counts redone)

Exit codes: 0 ok, 1 internal error, 2 bad input or nothing to export, 3 some inputs failed (or, with
--corpus, some documents had no readable stored analysis), 4 store error.

Examples:
  narrascope export stix examples/myth-fact-en.txt --out bundle.json
  narrascope export claimreview page.html --publisher "Example Desk" --url https://example.org/page
  narrascope analyze docs/ -f json -o results.json && narrascope export csv --results results.json --table claims
  narrascope export stix --corpus --narrative "URW: Discrediting the West" --from 2024-01-01 --out urw.json
  narrascope export csv --corpus --table claims --outlet "Example Daily" --query "grain OR wheat" > claims.csv`;

export const exportCommand: CliCommand = {
  name: 'export',
  usage: USAGE,
  options: {
    results: { type: 'string' },
    out: { type: 'string', short: 'o' },
    table: { type: 'string' },
    publisher: { type: 'string' },
    url: { type: 'string' },
    date: { type: 'string' },
    confirmed: { type: 'boolean' },
    bom: { type: 'boolean' },
    'max-bytes': { type: 'string' },
    db: { type: 'string' },
    corpus: { type: 'boolean' },
    query: { type: 'string' },
    limit: { type: 'string' },
    'keep-dismissed': { type: 'boolean' },
    ...FILTER_OPTIONS,
  },
  async run(args: ParsedArgs, io: CliIO) {
    const [format, ...inputs] = args.positionals;
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UserError(
        format ? `unknown export format "${format}"` : 'no export format given',
        `Formats: ${EXPORT_FORMATS.join(', ')}. Run \`narrascope export --help\`.`,
      );
    }
    const table = (str(args, 'table') ?? 'ledger') as CsvTable;
    if (!CSV_TABLES.includes(table))
      throw new UserError(`unknown table "${table}"`, `Tables: ${CSV_TABLES.join(', ')}.`);
    if (args.values.bom === true && format !== 'csv')
      throw new UserError('--bom applies to csv only', 'Run `narrascope export csv --bom ...`: the byte order mark is for Excel.');
    const date = str(args, 'date');
    if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/u.test(date) || !isIsoDate(date)))
      throw new UserError(`--date must be YYYY-MM-DD, a day of the calendar, got "${date}"`);
    // Checked here: a ClaimReview with any other address is skipped as "no http(s) address; pass --url",
    // which sent the user looking for a flag they had already given.
    const url = str(args, 'url');
    const urlKind = url === undefined ? undefined : classifyUri(url);
    if (urlKind !== undefined && urlKind.kind !== 'link')
      throw new UserError(
        `--url must be an http(s) address, got "${terminalText(url ?? '')}"${urlKind.kind === 'unsafe' ? ` (${urlKind.reason})` : ''}`,
        'Example: --url https://example.org/page',
      );
    const corpusOnly = ['query', 'limit', 'keep-dismissed', ...Object.keys(FILTER_OPTIONS)].filter((o) => args.values[o] !== undefined);
    if (args.values.corpus === true) {
      if (inputs.length || str(args, 'results') || str(args, 'max-bytes') !== undefined)
        throw new UserError(
          '--corpus exports stored documents: it takes no inputs, --results or --max-bytes',
          'Select stored documents with --query and the filters of `narrascope search`.',
        );
      return exportCorpus(format as ExportFormat, table, args, io);
    }
    if (corpusOnly.length)
      throw new UserError(`--${corpusOnly[0]} selects stored documents and needs --corpus`, 'Run `narrascope export --help`.');
    if (args.values.confirmed === true) {
      if (format !== 'claimreview')
        throw new UserError(
          '--confirmed applies to claimreview only',
          'Run `narrascope export claimreview --confirmed`.',
        );
      await writeOutput(await confirmedReviews(args, io), str(args, 'out'), io.stdout, io.cwd, { data: true });
      return ExitCode.ok;
    }
    const resultsFile = str(args, 'results');
    await refuseOutputOverInput(str(args, 'out'), [resultsFile, ...inputs], io.cwd, (path) => readInFolder(path, undefined));
    const maxBytes = resultsLimit(args, resultsFile);
    if (!resultsFile && inputs.length === 0)
      throw new UserError(
        'no input given',
        'Pass files, a directory, a URL, - for standard input, or --results FILE.',
      );
    const { results, failed } = resultsFile
      ? { results: await readResultsFile(resultsFile, io.cwd, maxBytes === undefined ? {} : { maxBytes }), failed: 0 }
      : await (await import('../analyse-specs.js')).analyseSpecs(inputs, io, 'export');
    if (results.length === 0)
      throw new UserError('nothing was analysed, so there is nothing to export', 'See the messages above.');
    warnAboutAddresses(results, io);
    const content = render(format as ExportFormat, results, args, table, io);
    await writeOutput(content, str(args, 'out'), io.stdout, io.cwd, { data: true });
    return failed ? ExitCode.partial : ExitCode.ok;
  },
};

/** --max-bytes: the limit of the --results file, the only thing export reads whole from a path it is given. */
function resultsLimit(args: ParsedArgs, resultsFile: string | undefined): number | undefined {
  const value = str(args, 'max-bytes');
  if (value === undefined) return undefined;
  const n = parseByteSize(value);
  if (n === null) throw new UserError(`--max-bytes: cannot read "${value}" as a size`, 'Use e.g. 64MB, 512KB or a number of bytes.');
  if (!resultsFile)
    throw new UserError(
      '--max-bytes limits the --results file and needs --results',
      `Inputs are analysed with the limit of \`narrascope analyze\` (${formatBytes(DEFAULT_MAX_BYTES)} each); run \`narrascope analyze --max-bytes SIZE --format json\` and export its results.`,
    );
  return n;
}

function reviewContext(args: ParsedArgs): ClaimReviewContext {
  return {
    ...(str(args, 'publisher') ? { publisher: str(args, 'publisher') } : {}),
    ...(str(args, 'url') ? { url: str(args, 'url') } : {}),
    ...(str(args, 'date') ? { datePublished: str(args, 'date') } : {}),
  };
}

/** Says which documents' addresses every format leaves out (a `javascript:` feed link ...: see export/uri.ts). */
function warnAboutAddresses(results: readonly AnalysisResult[], io: CliIO): void {
  for (const u of unsafeAddresses(results))
    io.stderr.write(`narrascope export: document ${u.document.slice(0, 12)}: its address is left out of the export: ${u.reason}\n`);
}

/** ClaimReviews for every analyst-confirmed ledger item of the store (table ledger_confirmations). */
async function confirmedReviews(args: ParsedArgs, io: CliIO): Promise<string> {
  const store = await openLibraryStore(args, io, false);
  try {
    const byDoc = await confirmationsByDocument(store, null);
    if (byDoc.size === 0)
      throw new UserError(
        'no analyst-confirmed verdicts in the store',
        'Confirm ledger items in the web app (or the API) first.',
      );
    const reviews: ClaimReview[] = [];
    // --url is one document's address (as in ledgerClaimReviews): lent to the first document without one.
    let urlLent = false;
    // One page, one set of review urls: confirmations of an older version of a re-ingested page are not
    // exported (store/repositories/document-versions.ts), nor a second document of a page already reviewed here.
    const superseded = await supersededDocuments(store);
    const pages = new Set<string>();
    for (const [hash, list] of byDoc) {
      if (superseded.has(hash)) {
        io.stderr.write(
          `narrascope export: skipped ${list.length} confirmation(s) of document ${hash.slice(0, 12)}: ${SUPERSEDED}; confirm the items of the latest version\n`,
        );
        continue;
      }
      const doc = await getDocument(store.db, hash);
      const result = doc ? await getAnalysis(store.db, doc.id) : null;
      if (!result) {
        io.stderr.write(
          `narrascope export: skipped ${list.length} confirmation(s) of document ${hash.slice(0, 12)}: its analysis is not in the store\n`,
        );
        continue;
      }
      warnAboutAddresses([result], io);
      const page = pageKey(result);
      if (page !== undefined && pages.has(page)) {
        io.stderr.write(`narrascope export: skipped ${list.length} confirmation(s) of document ${hash.slice(0, 12)}: ${PAGE_ALREADY_REVIEWED}\n`);
        continue;
      }
      if (page !== undefined) pages.add(page);
      const ctx = reviewContext(args);
      const needsUrl = ctx.url !== undefined && !safeHttpUrl(result.document.source.uri);
      const out = confirmedClaimReviews(result, list, needsUrl && urlLent ? { ...ctx, urlTaken: true } : ctx);
      if (needsUrl) urlLent = true;
      for (const s of out.skipped)
        io.stderr.write(
          `narrascope export: skipped confirmed item ${s.item} of ${s.document.slice(0, 12)}: ${s.reasons.join('; ')}\n`,
        );
      reviews.push(...out.reviews);
    }
    if (reviews.length === 0)
      throw new UserError(
        'no confirmed verdict could be exported as a valid ClaimReview',
        'Pass --url when the documents have no http(s) address.',
      );
    return stringifyJsonLd(reviews);
  } finally {
    await store.close();
  }
}

function render(
  format: ExportFormat,
  results: AnalysisResult[],
  args: ParsedArgs,
  table: CsvTable,
  io: CliIO,
): string {
  if (format === 'csv') return tableCsv(table, results, { bom: args.values.bom === true });
  if (format === 'jsonl') return jsonlLines(results);
  if (format === 'stix') return stringifyStixBundle(buildStixBundle(results));
  const { reviews, skipped } = ledgerClaimReviews(results, reviewContext(args));
  for (const s of skipped)
    io.stderr.write(
      `narrascope export: skipped ledger item ${s.item} of ${s.document.slice(0, 12)}: ${s.reasons.join('; ')}\n`,
    );
  if (reviews.length === 0) {
    const none = results.every((r) => r.rebuttals.length === 0);
    throw new UserError(
      none
        ? 'no ledger items found: ClaimReview needs a rebuttal-format document (claim + verdict)'
        : 'no ledger item could be exported as a valid ClaimReview',
      none
        ? 'Try `narrascope export stix` or `csv --table claims` for other documents.'
        : 'Pass --publisher and --url when the document names neither.',
    );
  }
  return stringifyJsonLd(reviews);
}
