/**
 * `npm run train technique`: 5-fold cross-validation on ptc-train to choose the thresholds, then the final
 * tagger, classifier and paragraph model trained on all articles, written to
 * src/models/technique/technique-model.json. Fixed seed; the same data gives the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type Section } from '../harness.js';
import { loadCorpus } from './corpus.js';
import { chooseThresholds, crossValidate, extract, FOLDS, SEED, trainArtefact, type DocPrediction } from './pipeline.js';
import { fitSecondStage } from './second-stage.js';
import { candidateFeatures, outOfFoldCandidateProbs, trainCandidateModel } from './candidate-model.js';
import { classBiasRecord, tcGroups, tuneClassBias } from './class-bias.js';

export const ARTEFACT_PATH = join(ROOT, 'src', 'models', 'technique', 'technique-model.json');

export const techniqueTrainSection: Section = {
  id: 'technique',
  title: 'Persuasion techniques: model training',
  async run(ctx) {
    if (!ctx.dataDir) return '_Skipped: ../shared/data not found._';
    const t0 = performance.now();
    const corpus = loadCorpus(ctx.dataDir, ctx.quick ? 40 : Infinity);
    ctx.log(`read and segmented ${corpus.length} articles`);
    const ex = extract(corpus, ctx.log);
    ctx.log(`${ex.interner.names.length} distinct features`);
    const preds = crossValidate(corpus, ex, ctx.log);
    const th = chooseThresholds(preds);
    // Second stage on the out-of-fold predictions; the detectors' per-technique thresholds are chosen on
    // the spans the filter keeps (inner out-of-fold scores), which is what they will see at run time.
    // The candidate model's out-of-fold probabilities join the filter's inputs (candidate-model.ts).
    const features = candidateFeatures(preds, ex);
    const withCandidates = outOfFoldCandidateProbs(preds, ex, features);
    const { stage, kept } = fitSecondStage(withCandidates, true);
    const keptPreds: DocPrediction[] = withCandidates.map((p) => ({ ...p, byThreshold: new Map([[stage.span, kept.get(p) ?? []]]) }));
    const technique = chooseThresholds(keptPreds).technique;
    // Classification on given spans: per-technique biases on all out-of-fold predictions.
    const classBias = classBiasRecord(ex.labels, tuneClassBias(tcGroups(preds), ex.labels.length));
    const all = corpus.map((_, i) => i);
    const provenance = `ptc-train articles-2023 + labels-spans-2023 + labels-paragraphs-2023 (${corpus.length} articles); thresholds by ${FOLDS}-fold CV by article; seed ${SEED}`;
    const artefact = {
      ...trainArtefact(ex, all, provenance),
      spanThreshold: stage.span,
      thresholds: technique,
      spanFilter: stage.filter,
      candidate: trainCandidateModel(preds, ex, features),
      paragraphStack: stage.stack,
      paragraphThresholds: th.rule === 'mean' ? th.mean : th.paragraph,
      paragraphRule: 'stack' as const,
      classBias,
    };
    const json = JSON.stringify(artefact);
    if (!ctx.quick) writeFileSync(ARTEFACT_PATH, json + '\n');
    const secs = ((performance.now() - t0) / 1000).toFixed(0);
    return [
      `Trained on ${corpus.length} articles in ${secs} s${ctx.quick ? ' (quick run: artefact not written)' : ''}.`,
      '',
      `- tagger features: ${artefact.tagger.features.length}; classifier features: ${artefact.classifier.features.length}; candidate-model features: ${artefact.candidate.features.length}; paragraph features: ${artefact.paragraph.features.length}`,
      `- artefact size: ${(json.length / 1e6).toFixed(2)} MB`,
      `- tagger threshold (CV): ${stage.span}; span-filter threshold (CV): ${stage.filter.threshold}; paragraph rule: stack (first-stage rule by CV: ${th.rule})`,
      `- class biases of classification on given spans (CV): ${Object.entries(classBias).map(([l, b]) => `${l} ${b}`).join(', ')}`,
    ].join('\n');
  },
};
