import { TextDecoder } from 'node:util';
import { resolve } from 'node:path';
import { createAnalyzer, type Analyzer } from '../../analyzer.js';
import { loadTaxonomyFile } from '../../taxonomy/load-file.js';
import { TaxonomyError } from '../../taxonomy/types.js';
import { ConfigError, PRESETS, type NarrascopeConfig } from '../../core/config/config.js';
import type { AnalysisResult } from '../../core/result/types.js';
import { FORMATS, formatResults, type FormatName } from '../../export/format/index.js';
import {
  builtinReaders,
  DEFAULT_MAX_BYTES,
  formatBytes,
  readInputs,
  type InputError,
} from '../../ingest/index.js';
import { csvReader, parseColumnMap, type ColumnMap } from '../../ingest/csv.js';
import { jsonlReader } from '../../ingest/jsonl.js';
import { InputError as ReadError } from '../../ingest/types.js';
import { loadConfigFile } from '../analyze/config-file.js';
import { byteFlag, languageFlag, list, numberFlag, parseRules, str } from '../analyze/flags.js';
import { writeOutput } from '../analyze/output.js';
import { Progress } from '../analyze/progress.js';
import type { CliCommand, CliIO, ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { refuseOutputOverInput } from '../output-target.js';
import { readInFolder } from '../read-in-folder.js';
import { terminalText } from '../terminal-text.js';

const USAGE = `Usage: narrascope analyze <file | directory | URL | -> ... [options]

Analyses documents and prints a report: the rebuttal ledger, persuasion techniques, claims, narratives and
entity framing. Inputs are read in the order given; a directory is searched recursively for supported files
(${builtinReaders.flatMap((r) => r.extensions.filter(Boolean)).join(' ')}, and files without an extension);
\`-\` reads standard input.

Output:
  -f, --format NAME        ${FORMATS.join(' | ')} (default stylish)
  -o, --out FILE           write the report to FILE instead of standard output
      --color / --no-color force colours on or off in the stylish report (default: on a terminal, unless NO_COLOR)
      --verbose            stylish: list every finding, structure findings included
  -q, --quiet              no progress line, no notices about skipped files (errors are still printed)

Analysis:
      --preset NAME        ${PRESETS.map((p) => p.name).join(' | ')} (default default)
      --detectors LIST     only these detectors: ids or family/* patterns, comma-separated
      --rule ID=off|on|JSON  turn one detector off or on, or set its options (repeatable)
      --min-confidence N   drop findings below confidence N (0 to 1)
      --language CODE      treat every input as this language (skips language detection)
      --config FILE        JSON config file (preset, detectors, rules, aggregators, minConfidence, timeoutMs)
      --taxonomy FILE      also classify narratives against this user taxonomy (YAML/JSON; repeatable; see docs/narratives.md)

Input:
      --input-format NAME  read every input as ${builtinReaders.map((r) => r.name).join(' | ')} (default: by extension, content type, content)
      --encoding NAME      decode inputs as NAME (windows-1251, windows-1252, koi8-r ...) instead of UTF-8
      --map F=COL,...      JSONL/CSV: the key or column of each field (text, title, url, outlet, author, date,
                           language), as for \`narrascope ingest\`; e.g. --map text=body_text
      --max-bytes SIZE     largest input accepted (default ${formatBytes(DEFAULT_MAX_BYTES)}); e.g. 500KB, 64MB
      --timeout SECONDS    time limit for fetching one URL (default 20)

Exit codes: 0 ok, 1 internal error, 2 bad input or usage, 3 some inputs failed (the others were analysed),
5 network error (URL unreachable, refused content type).

Examples:
  narrascope analyze examples/myth-fact-en.txt
  narrascope analyze page.html --format html --out report.html
  narrascope analyze articles/ --format json --out results.json
  curl -s https://example.org/a | narrascope analyze - --input-format html`;

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  usage: USAGE,
  options: {
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    verbose: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    preset: { type: 'string' },
    detectors: { type: 'string', multiple: true },
    rule: { type: 'string', multiple: true },
    'min-confidence': { type: 'string' },
    language: { type: 'string' },
    config: { type: 'string' },
    taxonomy: { type: 'string', multiple: true },
    'input-format': { type: 'string' },
    'max-bytes': { type: 'string' },
    encoding: { type: 'string' },
    map: { type: 'string' },
    timeout: { type: 'string' },
  },
  run: runAnalyze,
};

async function runAnalyze(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = (str(args, 'format') ?? 'stylish') as FormatName;
  if (!FORMATS.includes(format))
    throw new UserError(`unknown format "${format}"`, `Formats: ${FORMATS.join(', ')}.`);
  const inputs = args.positionals;
  if (inputs.length === 0)
    throw new UserError(
      'no input given',
      'Pass a file, a directory, a URL, or - for standard input. Run `narrascope analyze --help`.',
    );
  // The second `-` used to find standard input drained and fail as "- is empty" (exit 3).
  if (inputs.filter((i) => i === '-').length > 1)
    throw new UserError('- (standard input) is given more than once', 'Standard input can be read only once; name it once.');
  const inputFormat = str(args, 'input-format');
  if (inputFormat !== undefined && !builtinReaders.some((r) => r.name === inputFormat)) {
    throw new UserError(
      `unknown input format "${inputFormat}"`,
      `Input formats: ${builtinReaders.map((r) => r.name).join(', ')}.`,
    );
  }
  const quiet = args.values.quiet === true;
  const language = languageFlag(args);
  const maxBytes = byteFlag(args, 'max-bytes') ?? DEFAULT_MAX_BYTES;
  const timeoutS = numberFlag(args, 'timeout', 0.1, 3600);
  const encoding = str(args, 'encoding');
  if (encoding !== undefined && !isKnownEncoding(encoding)) {
    throw new UserError(
      `unknown encoding "${encoding}"`,
      'Use an encoding name such as utf-8, windows-1251, windows-1252, koi8-r, iso-8859-2, gbk or shift_jis.',
    );
  }
  await refuseOutputOverInput(str(args, 'out'), inputs, io.cwd, (path) => readInFolder(path, inputFormat));
  const readers = readersWith(columnMap(args));
  const analyzer = await buildAnalyzer(args, io);
  if (inputs.includes('-') && io.stdin.isTTY === true && !quiet) {
    io.stderr.write(
      'narrascope analyze: reading the text from the terminal; end it with Ctrl-D (Ctrl-Z Enter on Windows).\n',
    );
  }

  const results: AnalysisResult[] = [];
  const failures: { origin: string; error: InputError | Error }[] = [];
  const skipped: string[] = [];
  const progress = Progress.for(io.stderr, quiet);
  const report = (origin: string, message: string, hint?: string): void => {
    progress.clear();
    io.stderr.write(
      terminalText(`narrascope analyze: ${message.includes(origin) ? '' : `${origin}: `}${message}\n${hint ? `  ${hint}\n` : ''}`),
    );
  };
  for await (const item of readInputs(inputs, {
    maxBytes,
    cwd: io.cwd,
    stdin: io.stdin,
    ...(inputFormat ? { format: inputFormat } : {}),
    ...(language ? { language } : {}),
    ...(encoding ? { encoding } : {}),
    ...(timeoutS !== undefined ? { timeoutMs: timeoutS * 1000 } : {}),
    readers,
  })) {
    if (item.kind === 'skipped') {
      skipped.push(`${item.origin} (${item.reason})`);
      continue;
    }
    if (item.kind === 'error') {
      failures.push({ origin: item.origin, error: item.error });
      report(item.origin, item.error.message, item.error.hint);
      continue;
    }
    progress.tick(item.origin);
    try {
      results.push(await analyzer.analyze(item.document));
    } catch (e) {
      failures.push({ origin: item.origin, error: e as Error });
      report(
        item.origin,
        `internal error while analysing: ${(e as Error).message}`,
        'This is a bug in Narrascope; please report it with the input.',
      );
    }
  }
  progress.clear();
  if (skipped.length > 0 && !quiet) {
    // Each with its reason: a type not read, a broken link, a FIFO... (not all "of unsupported type").
    io.stderr.write(
      terminalText(`narrascope analyze: skipped ${skipped.length} file${skipped.length === 1 ? '' : 's'}: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', ...' : ''}\n`),
    );
  }
  if (results.length > 0) {
    const color =
      args.values['no-color'] === true
        ? false
        : args.values.color === true
          ? true
          : io.stdout.isTTY === true && !io.env.NO_COLOR && str(args, 'out') === undefined;
    const content = formatResults(results, format, {
      // The JSON's shape must not depend on how many inputs happened to fail: `a.txt b.txt` where b.txt is
      // missing still gives an array (of one), as does a feed with one good item and one bad one.
      array: inputs.length > 1 || results.length + failures.length > 1,
      color,
      width: io.stdout.columns ?? 100,
      verbose: args.values.verbose === true,
    });
    // JSON and HTML carry document text as it is; the stylish report filters it (and colours itself).
    await writeOutput(content, str(args, 'out'), io.stdout, io.cwd, { data: format !== 'stylish' });
  }
  return exitCode(results.length, failures, skipped.length);
}

function exitCode(
  analysed: number,
  failures: readonly { error: InputError | Error }[],
  skipped: number,
): number {
  if (failures.length === 0) {
    if (analysed > 0) return ExitCode.ok;
    throw new UserError(
      `no supported files found${skipped ? ` (${skipped} skipped)` : ''}`,
      `Supported: ${builtinReaders.flatMap((r) => r.extensions.filter(Boolean)).join(' ')}; use --input-format to read other files as text.`,
    );
  }
  if (analysed > 0) return ExitCode.partial;
  const kinds = failures.map((f) => ('kind' in f.error ? f.error.kind : 'internal'));
  if (kinds.every((k) => k === 'network')) return ExitCode.network;
  if (kinds.every((k) => k === 'internal')) return ExitCode.internal;
  return ExitCode.usage;
}

async function buildAnalyzer(args: ParsedArgs, io: CliIO): Promise<Analyzer> {
  const configPath = str(args, 'config');
  const fromFile: NarrascopeConfig = configPath ? await loadConfigFile(configPath, io.cwd) : {};
  const detectors = list(args, 'detectors');
  const ruleSpecs = args.values.rule;
  const rules = parseRules(
    Array.isArray(ruleSpecs) ? ruleSpecs.map(String) : typeof ruleSpecs === 'string' ? [ruleSpecs] : [],
  );
  const minConfidence = numberFlag(args, 'min-confidence', 0, 1);
  const preset = str(args, 'preset');
  const config: NarrascopeConfig = {
    ...fromFile,
    ...(preset !== undefined ? { preset } : {}),
    ...(detectors.length > 0 ? { detectors } : {}),
    ...(Object.keys(rules).length > 0 ? { rules: { ...fromFile.rules, ...rules } } : {}),
    ...(minConfidence !== undefined ? { minConfidence } : {}),
  };
  const taxonomyFlag = args.values.taxonomy;
  const taxonomyFiles = Array.isArray(taxonomyFlag)
    ? taxonomyFlag.map(String)
    : typeof taxonomyFlag === 'string'
      ? [taxonomyFlag]
      : [];
  // An empty value (an unset variable in "$TAXONOMY") resolved to the working folder ('cannot be read: EISDIR').
  if (taxonomyFiles.some((f) => f.trim() === '')) throw new UserError('--taxonomy is empty', 'Give the path of a taxonomy file (YAML or JSON).');
  const twice = taxonomyFiles.find((f, i) => taxonomyFiles.findIndex((g) => resolve(io.cwd, g) === resolve(io.cwd, f)) !== i);
  if (twice !== undefined) throw new UserError(`--taxonomy ${twice} is given twice`, 'Give each taxonomy file once.');
  // User taxonomies are read by the narrative aggregator: with it off, --taxonomy did nothing, without a word.
  const narratives = config.aggregators?.['narrative/narratives'];
  if (taxonomyFiles.length > 0 && narratives === 'off') {
    throw new UserError('--taxonomy needs the narrative aggregator, which the configuration turns off ("aggregators": {"narrative/narratives": "off"})', 'Leave --taxonomy out, or turn the narrative aggregator on.');
  }
  const taxonomies = taxonomyFiles.map((file) => {
    try {
      return loadTaxonomyFile(resolve(io.cwd, file));
    } catch (e) {
      if (e instanceof TaxonomyError)
        throw new UserError(
          `taxonomy ${e.message}`,
          'Fix the field named above; docs/narratives.md describes the taxonomy format.',
        );
      throw e;
    }
  });
  try {
    return createAnalyzer({ ...config, ...(taxonomies.length > 0 ? { taxonomies } : {}) });
  } catch (e) {
    if (taxonomies.length > 0 && e instanceof Error && !(e instanceof ConfigError)) {
      throw new UserError(
        `--taxonomy: ${e.message}`,
        'Give the user taxonomy an id of its own (not semeval2025 or infowar).',
      );
    }
    if (e instanceof ConfigError) {
      throw new UserError(
        e.message,
        'Run `narrascope detectors` for detector ids and `narrascope analyze --help` for presets.',
      );
    }
    throw e;
  }
}

/**
 * `--map`, as ingest takes it. A JSONL or CSV file whose text is under another name (`body_text`) could
 * not be analysed at all, and the error for it said to use --map, which analyze refused as unknown.
 */
function columnMap(args: ParsedArgs): ColumnMap {
  try {
    return parseColumnMap(str(args, 'map'));
  } catch (e) {
    if (e instanceof ReadError) throw new UserError(e.message, e.hint);
    throw e;
  }
}

/** The built-in readers, the JSONL and CSV ones reading fields as `map` says. */
function readersWith(map: ColumnMap): typeof builtinReaders {
  if (Object.keys(map).length === 0) return builtinReaders;
  return builtinReaders.map((r) => (r.name === 'jsonl' ? jsonlReader(map) : r.name === 'csv' ? csvReader(map) : r));
}

function isKnownEncoding(name: string): boolean {
  try {
    new TextDecoder(name);
    return true;
  } catch {
    return false;
  }
}
