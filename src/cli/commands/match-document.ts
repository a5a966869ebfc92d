/**
 * The queries of `match --document FILE`: every claim and ledger item of each document the input holds.
 * Read here rather than through analyseSpecs because the reading takes `--encoding` (a windows-1251 page
 * was read as UTF-8 only, its Cyrillic replaced with U+FFFD, with no word) and says what decoding did: a
 * document's warnings (bytes replaced, an unknown declared charset) are written to stderr, as are errors,
 * both through the terminal filter (a file name is the user's data too). Loaded by match.ts only for
 * --document: it brings in the readers and the analysis pipeline.
 */
import { createAnalyzer } from '../../analyzer.js';
import { readInputs } from '../../ingest/index.js';
import type { CliIO } from '../command.js';
import { UserError } from '../errors.js';
import { terminalText } from '../terminal-text.js';

export interface Query {
  readonly label: string;
  readonly text: string;
}

/**
 * The claims and ledger items of every document the input holds (a folder, a JSONL/CSV file or a feed hold
 * several: only the first was matched, silently), each labelled with its document when there are several.
 * `failed` counts the inputs that could not be read.
 */
export async function documentQueries(
  spec: string,
  io: CliIO,
  encoding: string | undefined,
): Promise<{ queries: Query[]; failed: number }> {
  const analyzer = createAnalyzer({});
  const say = (line: string): void => void io.stderr.write(terminalText(`narrascope match: ${line}`) + '\n');
  const results = [];
  let failed = 0;
  for await (const item of readInputs([spec], {
    cwd: io.cwd,
    stdin: io.stdin,
    ...(encoding ? { encoding } : {}),
  })) {
    if (item.kind === 'skipped') continue;
    if (item.kind === 'error') {
      failed++;
      // Reader messages usually name the input already ("notes.txt: no such file ..."), as in analyze.
      say(
        `${item.error.message.includes(item.origin) ? '' : `${item.origin}: `}${item.error.message}${item.error.hint ? `\n  ${item.error.hint}` : ''}`,
      );
      continue;
    }
    for (const w of item.document.warnings) say(`warning: ${w}`);
    results.push(await analyzer.analyze(item.document));
  }
  if (results.length === 0) throw new UserError(`could not read ${spec}`, 'See the message above.');
  const out: Query[] = [];
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
