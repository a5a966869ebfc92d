import { openStore, isStoreError } from '../../store/index.js';
import {
  countFactChecks,
  FACT_CHECK_FILE_FORMATS,
  factCheckPages,
  libraryFiles,
  parseColumnMapping,
  readFactCheckFile,
  saveFactChecks,
  type ColumnMapping,
  type FactCheckFileFormat,
  type ImportRejection,
  type StoredFactCheck,
} from '../../store/fact-checks/index.js';
import { str } from '../analyze/flags.js';
import { openOutputSink } from '../output-sink.js';
import { refuseOutputOverStore } from '../output-target.js';
import type { CliCommand, CliIO, ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { storeLocation } from '../store-location.js';
import { storeUpgradeNotice } from '../store-upgrade-notice.js';
import { terminalText } from '../terminal-text.js';
import { InputError } from '../../ingest/types.js';
import { namedDecoder } from '../../ingest/utf8-chunks.js';

const USAGE = `Usage: narrascope factchecks <import FILE... | list | count> [options]

The fact-check library that \`narrascope match\` searches.

  import FILE...        add fact-checks from ClaimReview JSON-LD (.json/.jsonld, JSON Lines, or .html pages
                        that embed <script type="application/ld+json">), Google Fact Check Tools API
                        responses (JSON), or CSV/TSV tables with a header line; a folder stands for
                        its .json, .jsonld, .jsonl, .ndjson, .html, .htm, .csv and .tsv files.
                        Re-importing the same fact-check is a no-op. Fields missing from a record are
                        reported as warnings; records without a claim are rejected with the reason.
  list                  print the library as JSON lines (id, claim, title, rebuttal, rating, publisher, url,
                        date, claim author, appearances, language, source ...)
  count                 print the number of fact-checks

Options:
      --db PATH|URL       SQLite file or postgres:// URL (default ./narrascope.db, or $NARRASCOPE_DB)
      --format NAME       ${FACT_CHECK_FILE_FORMATS.join(' | ')} (default: by extension, then content)
      --encoding NAME     decode the files as NAME (windows-1251, windows-1252 ...) instead of UTF-8
      --columns MAP       CSV/TSV column mapping, e.g. claim=statement,rating=verdict,url=link
                          (fields: id, claim, title, rebuttal, rating, publisher, url, date, claimAuthor, language)
  -q, --quiet             no per-record warnings
  -o, --out FILE          list: write to FILE

Exit codes: 0 ok, 2 bad input (nothing importable), 3 some records rejected, 4 store error.

Examples:
  narrascope factchecks import reviews.json page.html
  narrascope factchecks import checks.tsv --columns claim=vclaim,title=title
  narrascope match "the dam will flood the town"`;

export function formatFlag(args: ParsedArgs): FactCheckFileFormat | undefined {
  const f = str(args, 'format');
  if (f === undefined) return undefined;
  if (!(FACT_CHECK_FILE_FORMATS as readonly string[]).includes(f))
    throw new UserError(
      `unknown fact-check file format "${f}"`,
      `Formats: ${FACT_CHECK_FILE_FORMATS.join(', ')}.`,
    );
  return f as FactCheckFileFormat;
}

/** --encoding, checked before any file is read or store opened (an unknown name is a usage error). */
export function encodingFlag(args: ParsedArgs): string | undefined {
  const encoding = str(args, 'encoding');
  if (encoding === undefined) return undefined;
  try {
    namedDecoder(encoding);
  } catch (e) {
    if (e instanceof InputError) throw new UserError(e.message, e.hint);
    throw e;
  }
  return encoding;
}

export function columnsFlag(args: ParsedArgs): ColumnMapping | undefined {
  const c = str(args, 'columns');
  if (c === undefined) return undefined;
  try {
    return parseColumnMapping(c);
  } catch (e) {
    throw new UserError((e as Error).message, 'Example: --columns claim=statement,rating=verdict');
  }
}

export async function openLibraryStore(
  args: ParsedArgs,
  io: CliIO,
  create: boolean,
): Promise<Awaited<ReturnType<typeof openStore>>> {
  const location = storeLocation(str(args, 'db'), io);
  await refuseOutputOverStore(str(args, 'out'), location, io.cwd);
  try {
    return await openStore(location, { create, onUpgrade: storeUpgradeNotice(io) });
  } catch (e) {
    if (isStoreError(e))
      throw new UserError(
        e.message,
        // The store's own hint for a missing store speaks of ingesting documents; the library is imported.
        !create && e.kind === 'missing'
          ? 'Import fact-checks first with `narrascope factchecks import FILE` (or pass --library FILE to match), or pass the right --db.'
          : e.hint,
        ExitCode.store,
      );
    throw e;
  }
}

export const factchecksCommand: CliCommand = {
  name: 'factchecks',
  usage: USAGE,
  options: {
    db: { type: 'string' },
    format: { type: 'string' },
    columns: { type: 'string' },
    encoding: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    out: { type: 'string', short: 'o' },
  },
  async run(args, io) {
    const [action, ...files] = args.positionals;
    // Options and words another action reads were ignored without a word (`factchecks list extra.csv`,
    // `factchecks import f.csv --out x`, `factchecks count --columns ...`).
    const stray = [
      ...(action === 'list' || action === 'count' ? files.map((f) => `"${f}"`) : []),
      ...(action === 'list' || action === 'count'
        ? (['format', 'columns', 'encoding'] as const).filter((o) => args.values[o] !== undefined).map((o) => `--${o}`)
        : []),
      ...(action === 'import' || action === 'count') && args.values.out !== undefined ? ['--out'] : [],
    ];
    if (stray.length)
      throw new UserError(
        `${action} does not take ${stray.join(', ')}`,
        'import FILE... reads files (--format, --columns, --encoding); list writes JSON lines (--out FILE); count prints a number.',
      );
    if (action === 'import') return importFiles(files, args, io);
    if (action === 'list' || action === 'count') {
      const store = await openLibraryStore(args, io, false);
      try {
        if (action === 'count') {
          io.stdout.write(`${await countFactChecks(store.db)}\n`);
        } else {
          // Page by page: the whole library was built into one string first, memory growing with it. Each
          // line is every stored field: the rebuttal, rating value, claim author, appearances and language
          // were imported and kept but left out here, the only way to read the library back from the
          // command line. The sink shows text-direction and C1 controls of imported text as spaces on a
          // terminal, and writes a file through a temporary name.
          const sink = await openOutputSink(str(args, 'out'), io.stdout, io.cwd);
          try {
            for await (const rows of factCheckPages(store.db)) {
              if (sink.closed) break;
              await sink.write(rows.map((r) => `${listLine(r)}\n`).join(''));
            }
            await sink.commit();
          } catch (e) {
            await sink.abort();
            throw e;
          }
        }
      } finally {
        await store.close();
      }
      return ExitCode.ok;
    }
    throw new UserError(
      action ? `unknown factchecks action "${action}"` : 'no action given',
      'Actions: import FILE..., list, count. Run `narrascope factchecks --help`.',
    );
  },
};

/** One fact-check of `factchecks list`: every stored field. */
function listLine(r: StoredFactCheck): string {
  return JSON.stringify({
    id: r.id,
    claim: r.claim,
    title: r.title,
    rebuttal: r.rebuttal,
    verdict: r.verdict,
    rating: r.rating,
    ratingValue: r.ratingValue,
    publisher: r.publisher,
    url: r.url,
    datePublished: r.datePublished,
    claimAuthor: r.claimAuthor,
    appearances: r.appearances,
    language: r.language,
    origin: r.origin,
    source: r.source,
    warnings: r.warnings,
  });
}

async function importFiles(files: readonly string[], args: ParsedArgs, io: CliIO): Promise<number> {
  if (files.length === 0)
    throw new UserError(
      'no file given',
      'Pass ClaimReview JSON-LD, HTML pages embedding it, or CSV/TSV files: `narrascope factchecks import FILE...`.',
    );
  // An empty path ("$DIR" unset) would be the working directory, every table and JSON file in it imported.
  if (files.some((f) => f.trim() === ''))
    throw new UserError('an empty path was given', 'Check the file names (an unset shell variable gives an empty one).');
  const format = formatFlag(args);
  const mapping = columnsFlag(args);
  const encoding = encodingFlag(args);
  const quiet = args.values.quiet === true;
  const rejected: ImportRejection[] = [];
  const records = [];
  // A folder stands for the library files in it.
  const paths: { path?: string; label: string; error?: string }[] = [];
  for (const f of files) {
    try {
      paths.push(...(await libraryFiles(f, io.cwd)));
    } catch (e) {
      paths.push({ label: f, error: (e as Error).message });
    }
  }
  for (const { path, label: f, error } of paths) {
    try {
      if (path === undefined) throw new Error(error);
      const batch = await readFactCheckFile(path, {
        ...(format ? { format } : {}),
        ...(mapping ? { mapping } : {}),
        ...(encoding ? { encoding } : {}),
        label: f,
      });
      records.push(...batch.records);
      rejected.push(...batch.rejected);
      // Replaced bytes: shown even with --quiet, since the imported text is damaged.
      for (const n of batch.notices ?? []) io.stderr.write(terminalText(`narrascope factchecks: warning: ${n}`) + '\n');
    } catch (e) {
      rejected.push({ source: f, reason: (e as Error).message });
    }
  }
  // Sources and reasons quote the files (a CSV id, a JSON parser's snippet): no escape sequences from them.
  for (const r of rejected) io.stderr.write(terminalText(`narrascope factchecks: rejected ${r.source}: ${r.reason}`) + '\n');
  if (!quiet)
    for (const r of records)
      if (r.warnings.length)
        io.stderr.write(
          terminalText(`narrascope factchecks: warning: ${r.source}: imported without ${r.warnings.join(', ')}`) + '\n',
        );
  if (records.length === 0)
    throw new UserError(
      'nothing to import: no file held a usable fact-check',
      'See the reasons above; `narrascope factchecks --help` lists the accepted formats.',
    );
  const store = await openLibraryStore(args, io, true);
  try {
    const { inserted, unchanged, repeated } = await saveFactChecks(store, records);
    io.stdout.write(
      `imported ${inserted} fact-check(s)${unchanged ? `, ${unchanged} already in the library` : ''}${repeated ? `, ${repeated} repeated in the input (kept once)` : ''}${rejected.length ? `, ${rejected.length} rejected` : ''} (${store.location})\n`,
    );
  } finally {
    await store.close();
  }
  return rejected.length ? ExitCode.partial : ExitCode.ok;
}
