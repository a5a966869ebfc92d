/**
 * `narrascope predict paragraphs --articles DIR`: SemEval-2023 Task 3 subtask 3 format, one row per
 * non-empty line of each article (`id<TAB>line<TAB>technique,technique`, 1-based lines, empty list allowed),
 * by the same rule as the document's paragraph summary.
 */
import { basename } from 'node:path';
import { segmentText } from '../../core/segment/segment.js';
import { loadTechniqueModel } from '../../models/technique/load.js';
import { analyseTechniques, paragraphTechniques, tokenRange } from '../../models/technique/model.js';
import { ExitCode } from '../exit-codes.js';
import { articlesFromArgs, taskLines, writeRows, type PtcArticle } from './ptc-articles.js';
import { rowsWithProgress } from './progress.js';
import type { PredictMode } from './types.js';

export function paragraphRows(article: PtcArticle): string[] {
  const model = loadTechniqueModel();
  const run = analyseTechniques(model, article.text, segmentText(article.text, 'en'));
  return taskLines(article.text).map((l) => {
    const { a, b } = tokenRange(run.fd, l.start, l.end);
    const labels = paragraphTechniques(model, run, a, b, l.start, l.end).map(([label]) => label);
    return `${article.id}\t${l.line}\t${labels.join(',')}`;
  });
}

export const paragraphsMode: PredictMode = {
  name: 'paragraphs',
  summary: 'techniques per paragraph (SemEval-2023 Task 3 subtask 3 format)',
  options: ['articles', 'out'],
  usage: 'narrascope predict paragraphs --articles DIR [--out FILE]\n  writes id<TAB>line<TAB>technique,technique for every non-empty line (1-based)',
  async run(args, io) {
    const articles = articlesFromArgs(args.values, io.cwd);
    const rows = rowsWithProgress(io, articles, (a) => basename(a.path), (a) => paragraphRows(a));
    await writeRows(args.values, io.cwd, io.stdout, rows);
    return ExitCode.ok;
  },
};
