/**
 * `narrascope predict techniques --articles DIR --spans FILE`: technique classification on given spans.
 * Each row of FILE (`id<TAB>label<TAB>start<TAB>end`, label may be `?`) comes back with the predicted
 * technique. A span listed m times gets its m most likely distinct techniques, as the task allows a span
 * several labels; techniques are ranked with the model's class biases (models/technique/class-bias.ts).
 */
import { basename } from 'node:path';
import { segmentText } from '../../core/segment/segment.js';
import { buildFeatureDoc, type FeatureDoc } from '../../models/technique/features.js';
import { rankTechniques } from '../../models/technique/class-bias.js';
import { loadTechniqueModel } from '../../models/technique/load.js';
import { classifySpan, tokenRange } from '../../models/technique/model.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { articlesFromArgs, parseSpanRows, toUtf16Span, writeRows, type PtcArticle, type PtcSpanRow } from './ptc-articles.js';
import { predictProgress } from './progress.js';
import { readTableFile } from './table-file.js';
import type { PredictMode } from './types.js';

/** Labels of the rows of one article, in row order. */
export function classifyRows(article: PtcArticle, rows: readonly PtcSpanRow[], fd: FeatureDoc = buildFeatureDoc(article.text, segmentText(article.text, 'en'))): string[] {
  const model = loadTechniqueModel();
  const labels = model.classifier.outputs;
  const used = new Map<string, number>();
  const ranked = new Map<string, string[]>();
  const length = [...article.text].length;
  return rows.map((row) => {
    if (row.end > length) {
      throw new UserError(`span ${row.start}-${row.end} of article ${row.id} ends after the article (${length} code points)`, 'Check that --spans refers to the texts in --articles (2023 labels go with articles-2023/).');
    }
    const key = `${row.start}:${row.end}`;
    let order = ranked.get(key);
    if (!order) {
      const span = toUtf16Span(article, row);
      const { a, b } = tokenRange(fd, span.start, span.end);
      const { probs } = classifySpan(model, fd, a, b, span.start, span.end);
      order = rankTechniques(probs, model.classBias).map((k) => labels[k] as string);
      ranked.set(key, order);
    }
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    return order[Math.min(n, order.length - 1)] as string;
  });
}

export const techniquesMode: PredictMode = {
  name: 'techniques',
  summary: 'technique classification on given spans (SemEval-2020 Task 11 TC format)',
  options: ['articles', 'spans', 'out'],
  usage: 'narrascope predict techniques --articles DIR --spans FILE [--out FILE]\n  writes each row of FILE (id<TAB>label<TAB>start<TAB>end, label may be ?) with the predicted technique;\n  FILE may be - (standard input) or a pipe, so the output of predict spans can be piped in',
  async run(args, io) {
    const spansArg = args.values.spans;
    if (typeof spansArg !== 'string' || !spansArg) throw new UserError('missing --spans FILE', 'Pass a TSV of id<TAB>label<TAB>start<TAB>end rows (label may be ?).');
    const tsv = await readTableFile(spansArg, io, 'spans file', 'Pass an existing TSV file with --spans (- for standard input).');
    const rows = parseSpanRows(tsv, spansArg === '-' ? 'standard input' : spansArg);
    const articles = new Map(articlesFromArgs(args.values, io.cwd).map((a) => [a.id, a]));
    const byId = new Map<string, PtcSpanRow[]>();
    for (const r of rows) {
      if (!articles.has(r.id)) throw new UserError(`spans file names article "${r.id}", which is not in --articles`, 'Pass the folder that holds article<ID>.txt for every id of the spans file.');
      // Appended in place: copying the list for every row was quadratic in the rows of one article.
      const list = byId.get(r.id);
      if (list) list.push(r);
      else byId.set(r.id, [r]);
    }
    const labelOf = new Map<PtcSpanRow, string>();
    const progress = predictProgress(io);
    try {
      for (const [id, list] of byId) {
        const article = articles.get(id) as PtcArticle;
        progress.tick(basename(article.path));
        const labels = classifyRows(article, list);
        list.forEach((r, i) => labelOf.set(r, labels[i] as string));
      }
    } finally {
      progress.clear();
    }
    await writeRows(args.values, io.cwd, io.stdout, rows.map((r) => `${r.id}\t${labelOf.get(r)}\t${r.start}\t${r.end}`));
    return ExitCode.ok;
  },
};
