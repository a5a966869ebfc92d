/**
 * Analysing the inputs a command names (files, folders, URLs, standard input) with the default
 * configuration, for commands that also work from stored or saved analyses (`export`, `match`). Its own
 * module, loaded only when inputs are given, because it brings in the analysis pipeline and its models.
 */
import { createAnalyzer } from '../analyzer.js';
import type { AnalysisResult } from '../core/result/types.js';
import { readInputs } from '../ingest/index.js';
import type { CliIO } from './command.js';
import { terminalText } from './terminal-text.js';

/** Analyses inputs with the default configuration; failures are reported and counted, not thrown. */
export async function analyseSpecs(
  specs: readonly string[],
  io: CliIO,
  command: string,
): Promise<{ results: AnalysisResult[]; failed: number }> {
  const analyzer = createAnalyzer({});
  const results: AnalysisResult[] = [];
  let failed = 0;
  for await (const item of readInputs(specs, { cwd: io.cwd, stdin: io.stdin })) {
    if (item.kind === 'skipped') continue;
    if (item.kind === 'error') {
      failed++;
      io.stderr.write(
        // Reader messages usually name the input already ("notes.txt: no such file ..."), as in analyze;
        // a file name may hold escape sequences, shown as spaces as everywhere else.
        terminalText(`narrascope ${command}: ${item.error.message.includes(item.origin) ? '' : `${item.origin}: `}${item.error.message}\n${item.error.hint ? `  ${item.error.hint}\n` : ''}`),
      );
      continue;
    }
    results.push(await analyzer.analyze(item.document));
  }
  return { results, failed };
}
