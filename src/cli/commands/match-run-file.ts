import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  createFactCheckMatcher,
  formatRun,
  matchTerms,
  parseIdTsv,
  type RunLine,
} from '../../corpus/matching/index.js';
import type { FactCheckMatcher } from '../../corpus/matching/matcher.js';
import { decodeBytes } from '../../ingest/decode.js';
import { str } from '../analyze/flags.js';
import { writeOutput } from '../analyze/output.js';
import type { CliIO, ParsedArgs } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { terminalText } from '../terminal-text.js';
import { encodingFlag } from './factchecks.js';
import type { Entry } from './match-library.js';
import { topOption } from './match-top.js';

/** Benchmark mode: the queries file against the corpus file, written as a TREC run file. */
export async function runFile(
  queriesFile: string,
  corpusFile: string,
  method: 'rerank' | 'bm25',
  args: ParsedArgs,
  io: CliIO,
): Promise<number> {
  // --encoding, as for --library files (checked before any file is read): it was accepted here and ignored,
  // and bytes that are not UTF-8 were replaced with U+FFFD without the warning --library gives.
  const encoding = encodingFlag(args);
  const read = async (f: string, what: string): Promise<ReturnType<typeof parseIdTsv>> => {
    try {
      const path = resolve(io.cwd, f);
      // A device such as /dev/zero would be read until memory ran out.
      if (!(await stat(path)).isFile()) throw new Error('not a regular file');
      // The ingest decoder, as for --library: a UTF-16 TSV with a BOM (a spreadsheet's "Unicode text"
      // export) was read as UTF-8, its ids and text full of NULs, and scored into a run file with exit 0;
      // a binary file is refused. UTF-8 text comes out as readFile gave it.
      const decoded = decodeBytes(await readFile(path), f, encoding ? { encoding } : {});
      for (const w of decoded.warnings) io.stderr.write(terminalText(`narrascope match: warning: ${w}`) + '\n');
      return parseIdTsv(decoded.text, f);
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
  for (const [f, what, table] of [
    [corpusFile, 'corpus', corpus],
    [queriesFile, 'queries', queries],
  ] as const) {
    if (table.records.length === 0)
      throw new UserError(
        `${what} ${f} has no rows after its header line`,
        'Both files are TSV with a header line, the id in the first column and the text after it.',
      );
  }
  const entries: Entry[] = corpus.records.map((r) => ({
    id: r.id,
    claim: r.fields[0] ?? '',
    title: r.fields.slice(1).join(' ') || null,
  }));
  const matcher: FactCheckMatcher<Entry> = createFactCheckMatcher(entries, method);
  // Rows without a word to search by are kept (ids stay as given) but can never match or be matched: say
  // so. Rows of stop words, links or punctuation only were not named, as rows without text were.
  const unsearchable = [
    entries.flatMap((e, i) => (matcher.hasTerms(i) ? [] : [e.id])),
    queries.records.filter((r) => matchTerms(r.fields.join(' ')).length === 0).map((r) => r.id),
  ];
  for (const [f, ids, effect] of [
    [corpusFile, unsearchable[0]!, 'can never be found'],
    [queriesFile, unsearchable[1]!, 'get no results'],
  ] as const) {
    if (ids.length)
      io.stderr.write(
        `narrascope match: ${ids.length} row(s) of ${f} have no word to search by (no text, or stop words, links and punctuation only) and ${effect}: ${terminalText(ids.slice(0, 10).join(', '))}${ids.length > 10 ? ', …' : ''}\n`,
      );
  }
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
