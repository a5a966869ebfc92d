/**
 * `narrascope predict spans --articles DIR`: persuasion-technique spans in the PTC/SemEval format,
 * `id<TAB>technique<TAB>start<TAB>end` with code-point offsets, one row per candidate span of the technique
 * model with its most likely technique. Works on both the 2020 layout (one sentence per line) and the 2023
 * layout (one paragraph per line): the text is read as it is.
 */
import { basename } from 'node:path';
import { segmentText } from '../../core/segment/segment.js';
import { loadTechniqueModel } from '../../models/technique/load.js';
import { analyseTechniques } from '../../models/technique/model.js';
import { ExitCode } from '../exit-codes.js';
import { articlesFromArgs, minConfidenceFrom, toCodePointSpan, writeRows, type PtcArticle } from './ptc-articles.js';
import { rowsWithProgress } from './progress.js';
import type { PredictMode } from './types.js';

/** Rows for one article: most likely technique of each candidate span whose span confidence ≥ minConfidence. */
export function spanRows(article: PtcArticle, minConfidence = 0): string[] {
  const model = loadTechniqueModel();
  const run = analyseTechniques(model, article.text, segmentText(article.text, 'en'));
  const rows: string[] = [];
  for (const s of run.spans) {
    if (s.spanConfidence < minConfidence) continue;
    let best = 0;
    s.probs.forEach((p, k) => {
      if (p > (s.probs[best] as number)) best = k;
    });
    const cp = toCodePointSpan(article, s);
    rows.push(`${article.id}\t${model.classifier.outputs[best]}\t${cp.start}\t${cp.end}`);
  }
  return rows;
}

export const spansMode: PredictMode = {
  name: 'spans',
  summary: 'persuasion-technique spans (SemEval-2020 Task 11 / 2023 Task 3 span format)',
  options: ['articles', 'min-confidence', 'out'],
  usage: 'narrascope predict spans --articles DIR [--min-confidence X] [--out FILE]\n  writes id<TAB>technique<TAB>start<TAB>end (code-point offsets) for article<ID>.txt files',
  async run(args, io) {
    const articles = articlesFromArgs(args.values, io.cwd);
    const min = minConfidenceFrom(args.values, 0);
    const rows = rowsWithProgress(io, articles, (a) => basename(a.path), (a) => spanRows(a, min));
    await writeRows(args.values, io.cwd, io.stdout, rows);
    return ExitCode.ok;
  },
};
