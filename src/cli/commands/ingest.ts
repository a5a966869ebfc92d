import { ingest, type IngestProgress, type IngestSummary } from '../../corpus/ingest/ingest.js';
import { distinctInputs } from '../../corpus/ingest/sources.js';
import { defaultPoolSize } from '../../corpus/ingest/pool.js';
import { PRESETS } from '../../core/config/config.js';
import { parseColumnMap, RECORD_FIELDS } from '../../ingest/csv.js';
import { builtinReaders } from '../../ingest/readers.js';
import { parseByteSize } from '../../ingest/limits.js';
import { InputError } from '../../ingest/types.js';
import { namedDecoder } from '../../ingest/utf8-chunks.js';
import type { CliCommand, CliIO } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { interruptNotice } from '../interrupt-notice.js';
import { languageFlag, numberFlag, str } from '../analyze/flags.js';
import { DB_HELP, withStore } from '../store-command.js';
import { terminalData, terminalText } from '../terminal-text.js';

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A one-line progress bar on a terminal's stderr, redrawn at most ten times a second. */
function progressBar(io: CliIO): { update(p: IngestProgress): void; done(): void } {
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      const rate = p.processed / Math.max(p.elapsedMs / 1000, 1e-3);
      const frac = p.bytesTotal ? Math.min(1, p.bytesDone / p.bytesTotal) : null;
      const width = 24;
      const bar = frac === null ? '' : `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${(frac * 100).toFixed(0).padStart(3)}% `;
      const eta = frac && frac > 0.001 ? ` ETA ${clock((p.elapsedMs * (1 - frac)) / frac)}` : '';
      io.stderr.write(`\r${bar}${p.processed} docs, ${p.stored} stored, ${p.failed} failed, ${rate.toFixed(1)} docs/s, ${clock(p.elapsedMs)}${eta}\u001b[K`);
      drawn = true;
    },
    done() {
      if (drawn) io.stderr.write('\r\u001b[K');
    },
  };
}

/**
 * The most analysis workers ingest starts: twice the cores. Analysis is CPU-bound, so threads beyond the
 * cores add no speed, while each costs memory (about 75 MB idle, 250 MB with its models loaded, measured
 * 2026-12-01): up to 256 were accepted, 64 GB on a laptop. Twice, not once, leaves room for a machine whose
 * reported cores undercount what it may use. A larger --workers is lowered to this, with a notice, so that
 * a script written for a bigger machine still runs.
 */
export function maxWorkers(cores: number = defaultPoolSize()): number {
  return 2 * Math.max(1, cores);
}

export function exitCodeFor(s: IngestSummary): number {
  if (s.failed === 0) return ExitCode.ok;
  if (s.inserted + s.reanalysed + s.unchanged === 0) return s.errors.length > 0 && s.errors.every((e) => e.kind === 'network') ? ExitCode.network : ExitCode.usage;
  return ExitCode.partial;
}

function summaryLine(s: IngestSummary): string {
  return [
    `documents=${s.documents}`,
    `inserted=${s.inserted}`,
    `reanalysed=${s.reanalysed}`,
    `unchanged=${s.unchanged}`,
    `skipped=${s.skipped}`,
    `failed=${s.failed}`,
    `watch_matches=${s.watchMatches.length}`,
    `counter_links=${s.counterLinks}`,
    `seconds=${(s.elapsedMs / 1000).toFixed(1)}`,
    `docs_per_s=${((s.inserted + s.reanalysed) / Math.max(s.elapsedMs / 1000, 1e-3)).toFixed(1)}`,
    `workers=${s.workers}`,
  ].join(' ');
}

/** `narrascope ingest`: read, analyse and store documents. */
export const ingestCommand: CliCommand = {
  name: 'ingest',
  usage: `Usage: narrascope ingest [options] <path | folder | URL | feed | -> ...

Each document is analysed and stored with its result, keyed by the hash of its text: ingesting the same
text again changes nothing, and an interrupted run can simply be run again.

Inputs:
  text, HTML, Markdown files and folders (recursively); .jsonl / .ndjson and .csv / .tsv files (one document
  per record, streamed); RSS/Atom feeds (.rss/.atom/.xml files, or URLs whose path mentions feed/rss/atom);
  http(s) URLs of pages; - for standard input.

Record columns (JSONL keys / CSV header, any case), first match wins unless --map names one:
  text      text, content, body, article, claim, message   (if absent: the title is the text)
  title     title, headline, name, subject
  url       url, link, uri, href, id
  outlet    outlet, outlets, source, site, publisher, domain, media   (lists A+B / A;B: the first)
  author    author, authors, byline, creator
  date      date, published, published_at, publishedAt, pubDate, datetime, timestamp, created_at
  language  language, languages, lang, locale   (names such as "Russian" become codes)
  A JSON key spelt exactly as above wins over other spellings; a CSV header with two columns that differ
  only in case (Text,text) is refused: name the one to read with --map (--map names match exactly).

Options:
  ${DB_HELP}
  --map F=COL,...   column mapping, fields: ${RECORD_FIELDS.join(', ')} (e.g. --map text=claim,outlet=outlets)
  --reanalyze       re-run analysis of stored documents analysed with other detector versions or settings
                    (with no inputs: every stored document)
  --workers N       analysis threads (default: ${defaultPoolSize()}, the number of cores; 1 = in-process;
                    at most ${maxWorkers()}, twice the cores: more is lowered, with a notice)
  --language CODE   language of every document (default: from the record, else detected)
  --input-format F  force a reader: text, html, markdown, jsonl, csv, feed
  --encoding NAME   decode inputs as NAME (windows-1251, windows-1252, koi8-r ...) instead of UTF-8
                    (a UTF-16 BOM, a page's or feed's declared charset are followed without it)
  --preset NAME     detector preset (default: default)
  --timeout SEC     time limit per URL, 0.1 to 3600 (default 20)
  --max-bytes SIZE  largest single file, page, or JSONL/CSV record (default 10MB; JSONL/CSV files
                    themselves are streamed, whatever their size, and so is - with --input-format jsonl/csv)
  --no-track        do not check watch entries and counter-narrative links
  --json            print the summary (and errors) as JSON on stdout

Output: a progress bar with rate and ETA on a terminal (stderr); one summary line otherwise.
Exit codes: 0 all stored, 3 some inputs failed (recorded in the store), 2 nothing could be read,
4 store problem, 5 every input failed on the network.`,
  options: {
    db: { type: 'string' },
    map: { type: 'string' },
    reanalyze: { type: 'boolean' },
    workers: { type: 'string' },
    language: { type: 'string' },
    'input-format': { type: 'string' },
    encoding: { type: 'string' },
    preset: { type: 'string' },
    timeout: { type: 'string' },
    'max-bytes': { type: 'string' },
    'no-track': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const inputs = [...args.positionals];
    const reanalyze = args.values.reanalyze === true;
    if (!inputs.length && !reanalyze) throw new UserError('no inputs given', 'Pass files, folders, URLs or feeds, e.g. `narrascope ingest articles/ feed.xml`.');
    if (inputs.filter((i) => i === '-').length > 1) throw new UserError('- (standard input) is given more than once', 'Standard input can be read only once; name it once.');
    let map;
    try {
      map = parseColumnMap(str(args, 'map'));
    } catch (e) {
      if (e instanceof InputError) throw new UserError(e.message, e.hint);
      throw e;
    }
    const workersArg = str(args, 'workers');
    let workers = workersArg === undefined ? defaultPoolSize() : Number(workersArg);
    if (!Number.isInteger(workers) || workers < 1) throw new UserError(`--workers must be a whole number from 1 up, got "${workersArg}"`, `This machine has ${defaultPoolSize()} cores; the default is one worker per core.`);
    const cap = maxWorkers();
    if (workers > cap) {
      io.stderr.write(`narrascope ingest: --workers ${workers} is more than twice this machine's ${defaultPoolSize()} cores; using ${cap} workers\n`);
      workers = cap;
    }
    // Bounded as for analyze: a timer of more than 2^31 ms fires at once, so `--timeout 9999999` failed
    // every URL at once with "no complete answer within 9999999 s".
    const timeoutS = numberFlag(args, 'timeout', 0.1, 3600);
    const timeoutMs = timeoutS === undefined ? undefined : timeoutS * 1000;
    const maxBytesArg = str(args, 'max-bytes');
    const maxBytes = maxBytesArg === undefined ? undefined : parseByteSize(maxBytesArg);
    if (maxBytes === null) throw new UserError(`--max-bytes: cannot read "${maxBytesArg}" as a size`, 'Use e.g. 10MB, 512KB or a number of bytes.');
    // Checked before the store is opened: an unknown preset used to fail every document in its worker
    // (each one recorded as a failure), and an unknown input format every input, after creating the store.
    const preset = str(args, 'preset');
    if (preset !== undefined && !PRESETS.some((p) => p.name === preset))
      throw new UserError(`unknown preset "${preset}"`, `Presets: ${PRESETS.map((p) => p.name).join(', ')}.`);
    const inputFormat = str(args, 'input-format');
    if (inputFormat !== undefined && !builtinReaders.some((r) => r.name === inputFormat))
      throw new UserError(`unknown input format "${inputFormat}"`, `Input formats: ${builtinReaders.map((r) => r.name).join(', ')}.`);
    const encoding = str(args, 'encoding');
    if (encoding !== undefined) {
      try {
        namedDecoder(encoding);
      } catch (e) {
        if (e instanceof InputError) throw new UserError(e.message, e.hint);
        throw e;
      }
    }
    const language = languageFlag(args);
    const json = args.values.json === true;
    // One file named twice (`a.jsonl ./a.jsonl`, overlapping globs) is read once, and said so.
    const { inputs: distinct, repeated } = await distinctInputs(inputs, io.cwd);
    for (const [again, first] of repeated)
      io.stderr.write(terminalText(`narrascope ingest: ${again === first ? `${again} is given more than once` : `${again} is the same file as ${first}`}; it is read once\n`));
    const bar = io.stderr.isTTY && !json ? progressBar(io) : null;
    let stored = 0;
    const release = interruptNotice(io, 'ingest', () => stored);
    const summary = await withStore(args, io, true, (store) =>
      ingest(store, distinct, {
        reanalyze,
        workers,
        analyzer: preset ? { preset } : {},
        track: args.values['no-track'] !== true,
        read: {
          map,
          cwd: io.cwd,
          stdin: io.stdin,
          ...(language ? { language } : {}),
          ...(inputFormat ? { format: inputFormat } : {}),
          ...(encoding ? { encoding } : {}),
          ...(timeoutMs !== undefined ? { timeoutMs } : {}),
          ...(maxBytes !== undefined ? { maxBytes } : {}),
        },
        onProgress: (p: IngestProgress) => {
          stored = p.stored;
          bar?.update(p);
        },
      }),
    ).finally(release);
    bar?.done();
    if (json) {
      const text = `${JSON.stringify({ ...summary, elapsedMs: Math.round(summary.elapsedMs), analysisMs: Math.round(summary.analysisMs), storeMs: Math.round(summary.storeMs) }, null, 2)}\n`;
      // Errors name files and quote records, and watch matches quote documents: JSON escapes C0 controls but
      // not C1 (U+009B is CSI to some terminals) or bidirectional overrides, which reached the terminal as
      // they came while the plain-text errors showed them as spaces. On a terminal they are spaces here too;
      // a pipe or a file gets the JSON byte for byte, as for search --json.
      io.stdout.write(io.stdout.isTTY === true ? terminalData(text) : text);
    } else {
      for (const e of summary.errors) io.stderr.write(terminalText(`narrascope ingest: ${e.message}${e.hint ? `\n  ${e.hint}` : ''}\n`));
      if (summary.failed > summary.errors.length) io.stderr.write(`narrascope ingest: ... and ${summary.failed - summary.errors.length} more failures (all recorded in the store's failures table)\n`);
      for (const m of summary.watchMatches.slice(0, 50)) io.stderr.write(terminalText(`watch #${m.watchId} matched in document ${m.documentId}: "${m.text.slice(0, 120)}"\n`));
      io.stdout.write(`ingest: ${summaryLine(summary)}\n`);
    }
    // An empty folder, a folder of images or a header-only CSV: nothing was read, which a silent exit 0
    // would hide (a wrong path or pattern); analyze says the same.
    if (inputs.length && summary.documents === 0 && summary.failed === 0) {
      io.stderr.write(`narrascope ingest: the inputs hold no document to ingest${summary.skipped ? ` (${summary.skipped} file${summary.skipped === 1 ? '' : 's'} skipped: of an unsupported type, or links and entries that are no readable file)` : ''}\n  Ingest reads ${builtinReaders.flatMap((r) => r.extensions).filter(Boolean).join(' ')} files; use --input-format to read others.\n`);
      return ExitCode.usage;
    }
    return exitCodeFor(summary);
  },
};
