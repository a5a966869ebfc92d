/**
 * Narratives on claim-length texts. Claim indexes (EUvsDisinfo's one-line summaries, fact-check claims)
 * are far shorter than the news articles the model is trained on, so the article figures say little about
 * them. The SemEval-2025 subtask 3 annotations give, for some documents, an explanation of at most 80
 * words and the document's dominant narrative: each explanation is classified by the model trained on the
 * other folds (as in the article cross-validation) and compared with that narrative and with the
 * document's gold labels; the same documents' full texts beside them for reference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NarrativeModel, type NarrativeThresholds } from '../../src/models/narrative/model.js';
import { decideNarratives, LabelProfiles, scorerFor, type NarrativePrediction } from '../../src/models/narrative/predict.js';
import type { Section } from '../harness.js';
import { assignFolds } from './cv.js';
import { loadGoldDocuments, narrativesDir, type GoldDocument } from './data.js';
import { setF1 } from './metrics.js';
import { MODEL_PATH, NARRATIVE_FOLDS, NARRATIVE_SEED, semevalTaxonomy } from './sections.js';
import { DEFAULT_TRAIN, trainNarrativeModel } from './train-model.js';

interface Explanation {
  readonly coarse: string;
  readonly fine: string;
  readonly text: string;
}

function loadExplanations(dir: string): Map<string, Explanation> {
  const out = new Map<string, Explanation>();
  for (const line of readFileSync(join(dir, 'subtask-3-annotations.txt'), 'utf8').split('\n')) {
    const [id, coarse, fine, text] = line.split('\t');
    if (id && coarse && fine && text) out.set(id, { coarse, fine, text });
  }
  return out;
}

interface Tally {
  texts: number;
  words: number;
  narrative: number;
  dominantCoarse: number;
  dominantFine: number;
  coarseLabels: number;
  fineLabels: number;
  f1Coarse: number;
  f1Fine: number;
}

const other = (s: ReadonlySet<string>): ReadonlySet<string> => (s.size ? s : new Set(['Other']));

function count(t: Tally, text: string, p: NarrativePrediction, doc: GoldDocument, e: Explanation): void {
  const coarse = new Set(p.coarse.map((c) => c.label));
  const fine = new Set(p.fine.map((f) => f.label));
  t.texts++;
  t.words += (text.match(/\S+/gu) ?? []).length;
  if (p.hasNarrative) t.narrative++;
  if (coarse.has(e.coarse)) t.dominantCoarse++;
  if (fine.has(e.fine)) t.dominantFine++;
  t.coarseLabels += coarse.size;
  t.fineLabels += fine.size;
  t.f1Coarse += setF1(other(coarse), other(doc.coarse));
  t.f1Fine += setF1(other(fine), other(doc.fine));
}

const empty = (): Tally => ({ texts: 0, words: 0, narrative: 0, dominantCoarse: 0, dominantFine: 0, coarseLabels: 0, fineLabels: 0, f1Coarse: 0, f1Fine: 0 });

function row(name: string, t: Tally): string {
  const r = (v: number): string => (v / t.texts).toFixed(3);
  const m = (v: number): string => (v / t.texts).toFixed(1);
  return `| ${name} | ${t.texts} | ${(t.words / t.texts).toFixed(0)} | ${r(t.narrative)} | ${r(t.dominantCoarse)} | ${r(t.dominantFine)} | ${m(t.coarseLabels)} / ${m(t.fineLabels)} | ${r(t.f1Coarse)} | ${r(t.f1Fine)} |`;
}

export const narrativeShortTextSection: Section = {
  id: 'narratives-short',
  title: 'Narratives on claim-length texts (SemEval-2025 subtask 3 explanations)',
  run(ctx) {
    const dir = ctx.dataDir ? narrativesDir(ctx.dataDir) : null;
    if (!dir) return Promise.resolve('_Skipped: `../shared/data/narratives-2025` not found._');
    const taxonomy = semevalTaxonomy();
    const docs = loadGoldDocuments(dir);
    const explanations = loadExplanations(dir);
    // The shipped decision thresholds (chosen by CV over all 140 documents' full texts, never on these
    // explanations); the weights are retrained without each held-out fold.
    const thresholds = (JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as { thresholds: NarrativeThresholds }).thresholds;
    const folds = assignFolds(docs, NARRATIVE_FOLDS, NARRATIVE_SEED);
    const short = empty();
    const full = empty();
    for (let f = 0; f < NARRATIVE_FOLDS; f++) {
      if (ctx.quick && f > 0) break;
      const model = new NarrativeModel(trainNarrativeModel(docs.filter((_, i) => folds[i] !== f), taxonomy, thresholds, DEFAULT_TRAIN, NARRATIVE_SEED));
      const profiles = new LabelProfiles(model, taxonomy);
      const predict = (text: string): NarrativePrediction => decideNarratives(scorerFor(model, profiles, model.vectorize(text), text), taxonomy, thresholds);
      docs.forEach((doc, i) => {
        const e = explanations.get(doc.id);
        if (folds[i] !== f || !e) return;
        count(short, e.text, predict(e.text), doc, e);
        count(full, doc.text, predict(doc.text), doc, e);
      });
      ctx.log(`  fold ${f + 1}/${NARRATIVE_FOLDS}: ${short.texts} explanations so far`);
    }
    return Promise.resolve(
      [
        `${short.texts} documents with an explanation; ${NARRATIVE_FOLDS}-fold cross-validation by document (seed ${NARRATIVE_SEED}), weights trained on the other folds, the shipped thresholds. "Dominant" is the narrative the annotators explain; samples-F1 is against the document's full gold label set, which a short explanation need not cover. Every such document carries a narrative, so the narrative rate is a recall.`,
        '',
        '| input | texts | words | narrative found | dominant coarse among labels | dominant fine among labels | coarse / fine labels per text | samples-F1 coarse | samples-F1 fine |',
        '|---|---|---|---|---|---|---|---|---|',
        row('explanation (claim-length)', short),
        row('the document itself', full),
      ].join('\n'),
    );
  },
};
