/**
 * Sections of `npm run train` and `npm run eval` for narratives (SemEval-2025 Task 10 subtask 2, English).
 * train: thresholds from 5-fold out-of-fold predictions on all training documents, then the final model on
 * all of them → src/models/narrative/narrative-model.json. eval: nested 5-fold CV by document (fixed seed).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type Section } from '../harness.js';
import { createNarrativeAggregator } from '../../src/aggregators/narrative/narratives.js';
import { createAnalyzer } from '../../src/analyzer.js';
import { Registry } from '../../src/core/detect/registry.js';
import { infowarTaxonomy } from '../../src/taxonomy/builtin/index.js';
import { parseTaxonomy } from '../../src/taxonomy/parse.js';
import type { Taxonomy } from '../../src/taxonomy/types.js';
import { chooseThresholds, nestedCrossValidation, outOfFoldScores, type Figures } from './cv.js';
import { loadGoldDocuments, narrativesDir } from './data.js';
import { builtinTaxonomySource } from './taxonomies.js';
import { DEFAULT_TRAIN, trainNarrativeModel } from './train-model.js';

export const NARRATIVE_SEED = 20250;
export const NARRATIVE_FOLDS = 5;
export const MODEL_PATH = join(ROOT, 'src', 'models', 'narrative', 'narrative-model.json');

export function semevalTaxonomy(): Taxonomy {
  return parseTaxonomy(
    readFileSync(builtinTaxonomySource('semeval2025'), 'utf8'),
    'taxonomies/semeval2025.yaml',
  );
}

const SKIP = '_Skipped: `../shared/data/narratives-2025` not found._';

export const narrativeModelSection: Section = {
  id: 'narrative-model',
  title: 'Narrative model (SemEval-2025 Task 10 subtask 2, English)',
  run(ctx) {
    const dir = ctx.dataDir ? narrativesDir(ctx.dataDir) : null;
    if (!dir) return Promise.resolve(SKIP);
    const taxonomy = semevalTaxonomy();
    const docs = loadGoldDocuments(dir);
    const used = ctx.quick ? docs.filter((_, i) => i % 2 === 0) : docs;
    ctx.log(
      `training on ${used.length} documents; choosing thresholds on ${NARRATIVE_FOLDS}-fold out-of-fold predictions`,
    );
    const thresholds = chooseThresholds(
      outOfFoldScores(used, taxonomy, NARRATIVE_FOLDS, NARRATIVE_SEED, DEFAULT_TRAIN),
      taxonomy,
    );
    ctx.log(`thresholds ${JSON.stringify(thresholds)}`);
    const data = trainNarrativeModel(used, taxonomy, thresholds, DEFAULT_TRAIN, NARRATIVE_SEED);
    const json = `${JSON.stringify(data)}\n`;
    if (!ctx.quick) writeFileSync(MODEL_PATH, json);
    const weights = Object.values(data.heads).reduce((n, h) => n + h.weights.length, 0);
    return Promise.resolve(
      [
        `- documents: ${used.length}; vocabulary: ${data.vocabulary.length} terms; heads: ${Object.keys(data.heads).length}; non-zero weights: ${weights}`,
        `- thresholds: \`${JSON.stringify(thresholds)}\``,
        `- artefact: \`src/models/narrative/narrative-model.json\`, ${(json.length / 1024).toFixed(0)} KiB${ctx.quick ? ' (quick run: not written)' : ''}`,
      ].join('\n'),
    );
  },
};

function row(name: string, f: Figures): string {
  const x = (v: number): string => v.toFixed(3);
  return `| ${name} | ${x(f.coarseAll)} | ${x(f.fineAll)} | ${x(f.coarseNarr)} | ${x(f.fineNarr)} | ${x(f.otherAccuracy)} |`;
}

export const narrativeEvalSection: Section = {
  id: 'narratives',
  title: 'Narratives: SemEval-2025 Task 10 subtask 2 (English), nested cross-validation',
  run(ctx) {
    const dir = ctx.dataDir ? narrativesDir(ctx.dataDir) : null;
    if (!dir) return Promise.resolve(SKIP);
    const taxonomy = semevalTaxonomy();
    const all = loadGoldDocuments(dir);
    const docs = ctx.quick ? all.filter((_, i) => i % 2 === 0) : all;
    const narrative = docs.filter((d) => d.coarse.size).length;
    ctx.log(
      `${docs.length} documents (${narrative} with a narrative); ${NARRATIVE_FOLDS}-fold CV by document, seed ${NARRATIVE_SEED}`,
    );
    const report = nestedCrossValidation(
      docs,
      taxonomy,
      NARRATIVE_FOLDS,
      NARRATIVE_SEED,
      DEFAULT_TRAIN,
      ctx.log,
    );
    return Promise.resolve(
      [
        `${docs.length} English training documents (${narrative} with a narrative, ${docs.length - narrative} \`Other\`), ${NARRATIVE_FOLDS}-fold cross-validation by document (stratified by domain and narrative/Other, seed ${NARRATIVE_SEED}). Weights are fitted on the training folds; the decision parameters (gate mix and thresholds per domain, coarse and fine thresholds and caps, taxonomy-prior, neighbour-vote and word-vector weights) are chosen by an inner ${NARRATIVE_FOLDS}-fold CV on the training folds only, so no held-out label is used for any choice. Samples-F1 as in the task scorer (a document without a narrative has the label set {Other}).`,
        '',
        '| system | samples-F1 coarse, all docs | samples-F1 fine, all docs | coarse, docs with a narrative | fine, docs with a narrative | `Other` docs answered `Other` |',
        '|---|---|---|---|---|---|',
        row('narrascope (model + taxonomy prior)', report.figures),
        row('baseline: always `Other`', report.allOther),
        '',
        `Thresholds chosen per outer fold: ${report.perFoldThresholds.map((t) => `\`${JSON.stringify(t)}\``).join('; ')}.`,
        '',
        'Quality bar of issue 5 (on held-out documents): samples-F1 ≥ 0.65 coarse and ≥ 0.55 fine over all documents, ≥ 0.50 coarse and ≥ 0.35 fine over documents with a narrative.',
      ].join('\n'),
    );
  },
};

/**
 * A sanity check of the keyword-matched `infowar` taxonomy, which has no annotated data of its own: how
 * often its labels appear on SemEval documents annotated with a narrative versus annotated `Other`.
 */
export const infowarEvalSection: Section = {
  id: 'narratives-infowar',
  title: 'Narratives: infowar taxonomy on SemEval-2025 documents (sanity check)',
  async run(ctx) {
    const dir = ctx.dataDir ? narrativesDir(ctx.dataDir) : null;
    if (!dir) return SKIP;
    const aggregator = createNarrativeAggregator({ builtins: false, taxonomies: [infowarTaxonomy] });
    const analyzer = createAnalyzer({ identifyLanguage: false, registry: new Registry([], [aggregator]) });
    const docs = loadGoldDocuments(dir);
    const counts = new Map<string, [number, number]>();
    let withNarrative = 0;
    let withoutNarrative = 0;
    for (const doc of docs) {
      const r = await analyzer.analyzeText(doc.text, { language: 'en' });
      const labels = r.narratives.map((n) => n.label).filter((l) => l !== 'Other');
      const k = doc.coarse.size ? 0 : 1;
      if (labels.length && k === 0) withNarrative++;
      if (labels.length && k === 1) withoutNarrative++;
      for (const l of labels) {
        const c = counts.get(l) ?? [0, 0];
        c[k]++;
        counts.set(l, c);
      }
    }
    const narrative = docs.filter((d) => d.coarse.size).length;
    return [
      `The \`infowar\` labels are not SemEval labels, so this is no accuracy figure: it shows how selective the keyword matching is. Documents with at least one \`infowar\` label: ${withNarrative} of ${narrative} annotated with a SemEval narrative, ${withoutNarrative} of ${docs.length - narrative} annotated \`Other\`.`,
      '',
      '| infowar label | docs with a SemEval narrative | docs annotated `Other` |',
      '|---|---|---|',
      ...infowarTaxonomy.labels.map(
        (l) => `| ${l.label} | ${counts.get(l.label)?.[0] ?? 0} | ${counts.get(l.label)?.[1] ?? 0} |`,
      ),
    ].join('\n');
  },
};
