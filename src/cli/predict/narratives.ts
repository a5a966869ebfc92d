/**
 * `narrascope predict narratives --documents DIR`: SemEval-2025 Task 10 subtask 2 prediction file, one line
 * per `*.txt` document of DIR (sorted by name): `doc<TAB>narrative;...<TAB>sub-narrative;...` or
 * `doc<TAB>Other<TAB>Other`, where doc is the file name. Uses the same model and decision as the
 * `narrative/narratives` aggregator, on the file's text as it is (as in training and cross-validation).
 */
import { join, resolve } from 'node:path';
import { builtinNarrativeModel } from '../../models/narrative/builtin.js';
import { predictNarratives } from '../../models/narrative/predict.js';
import { UserError } from '../errors.js';
import { terminalText } from '../terminal-text.js';
import { ExitCode } from '../exit-codes.js';
import { isSafeRowId, readUtf8File, requireFolder, textFilesOf, writeText } from './ptc-articles.js';
import { predictProgress } from './progress.js';
import type { PredictMode } from './types.js';

/** The prediction line for one document's text. */
export function narrativeLine(doc: string, text: string): string {
  const { model, profiles } = builtinNarrativeModel();
  const p = predictNarratives(model, profiles, text);
  if (!p.hasNarrative) return `${doc}\tOther\tOther`;
  return `${doc}\t${p.coarse.map((c) => c.label).join(';')}\t${p.fine.map((f) => f.label).join(';')}`;
}

export const narrativesMode: PredictMode = {
  name: 'narratives',
  summary: 'SemEval-2025 Task 10 subtask 2 (narratives) prediction file',
  options: ['documents', 'out'],
  usage:
    'narrascope predict narratives --documents DIR [--out FILE]\n  writes doc<TAB>narratives<TAB>subnarratives per *.txt file (doc = file name), or doc<TAB>Other<TAB>Other',
  async run(args, io) {
    const dirArg = args.values.documents;
    if (typeof dirArg !== 'string' || !dirArg) {
      throw new UserError(
        'missing --documents DIR',
        'Pass a folder of *.txt documents, e.g. --documents narratives-2025/documents.',
      );
    }
    const dir = resolve(io.cwd, dirArg);
    requireFolder(dir, `documents folder "${dirArg}"`, 'Pass --documents DIR, an existing folder of *.txt files.');
    const files = textFilesOf(dir);
    if (files.length === 0)
      throw new UserError(
        `no .txt files in "${dirArg}"`,
        'The folder should hold one document per .txt file.',
      );
    const lines: string[] = [];
    let failed = 0;
    const progress = predictProgress(io);
    const skipped = (message: string): void => {
      progress.clear();
      io.stderr.write(terminalText(`narrascope predict narratives: skipped ${message}\n`));
      failed++;
    };
    for (const file of files) {
      progress.tick(file);
      if (!isSafeRowId(file)) {
        skipped(`${JSON.stringify(file)}: a tab or line break in its name would split the prediction row`);
        continue;
      }
      const text = readUtf8File(join(dir, file));
      if (typeof text !== 'string') {
        skipped(`"${file}": ${text.problem}`);
        continue;
      }
      lines.push(narrativeLine(file, text));
    }
    progress.clear();
    // Every document skipped is not a partial run: exit 3 and an empty --out replaced a good prediction file.
    if (lines.length === 0) throw new UserError(`no document could be read: all ${files.length} were skipped (see above)`, 'The documents must be UTF-8 text files.');
    const out = lines.length ? `${lines.join('\n')}\n` : '';
    await writeText(args.values, io.cwd, io.stdout, out);
    return failed ? ExitCode.partial : ExitCode.ok;
  },
};
