/**
 * k-fold cross-validation of the role classifier by document (fixed seed): main-role accuracy and
 * fine-role exact-match ratio (the SemEval-2025 subtask 1 metric), with the majority baselines. The gold
 * mentions of one test document are predicted together, as `narrascope predict roles` does.
 */
import { DOC_FINE_POOL, predictDocumentRoles, RULE_WEIGHT } from '../../src/aggregators/framing/predict.js';
import { trainRoleModel, type RolePrediction, type RoleTrainOptions } from '../../src/models/framing/role-model.js';
import { foldsByDocument, type FramingExample } from './dataset.js';

export interface CvResult {
  readonly mentions: number;
  readonly documents: number;
  readonly folds: number;
  readonly mainAccuracy: number;
  readonly fineExactMatch: number;
  readonly baselineMainAccuracy: number;
  readonly baselineFineExactMatch: number;
  readonly perMain: Readonly<Record<string, { gold: number; correct: number }>>;
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function crossValidate(examples: readonly FramingExample[], opts: RoleTrainOptions, k = 5, seed = 20250, ruleWeight = RULE_WEIGHT, pool = DOC_FINE_POOL): CvResult {
  const fold = foldsByDocument(examples.map((e) => e.doc), k, seed);
  let mainOk = 0;
  let fineOk = 0;
  let baseMain = 0;
  let baseFine = 0;
  const perMain: Record<string, { gold: number; correct: number }> = {};
  for (let f = 0; f < k; f++) {
    const train = examples.filter((e) => fold.get(e.doc) !== f);
    const test = examples.filter((e) => fold.get(e.doc) === f);
    const model = trainRoleModel(train, opts);
    const mainCounts = new Map<string, number>();
    const fineCounts = new Map<string, number>();
    for (const e of train) {
      mainCounts.set(e.main, (mainCounts.get(e.main) ?? 0) + 1);
      const key = [...e.fine].sort().join('|');
      fineCounts.set(key, (fineCounts.get(key) ?? 0) + 1);
    }
    const majorityMain = [...mainCounts].sort((a, b) => b[1] - a[1])[0]?.[0];
    const majorityFine = ([...fineCounts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '').split('|');
    const byDoc = new Map<string, FramingExample[]>();
    for (const e of test) byDoc.set(e.doc, [...(byDoc.get(e.doc) ?? []), e]);
    const predicted = new Map<FramingExample, RolePrediction>();
    for (const docExamples of byDoc.values()) {
      const preds = predictDocumentRoles(model, docExamples.map((e) => e.features as Map<string, number>), ruleWeight, pool);
      docExamples.forEach((e, i) => predicted.set(e, preds[i] as RolePrediction));
    }
    for (const e of test) {
      const p = predicted.get(e) as RolePrediction;
      const slot = (perMain[e.main] ??= { gold: 0, correct: 0 });
      slot.gold++;
      if (p.main === e.main) {
        mainOk++;
        slot.correct++;
      }
      if (sameSet(p.fine, e.fine)) fineOk++;
      if (majorityMain === e.main) baseMain++;
      if (sameSet(majorityFine, e.fine)) baseFine++;
    }
  }
  const n = examples.length || 1;
  const r = (x: number): number => Math.round((x / n) * 1000) / 1000;
  return {
    mentions: examples.length,
    documents: new Set(examples.map((e) => e.doc)).size,
    folds: k,
    mainAccuracy: r(mainOk),
    fineExactMatch: r(fineOk),
    baselineMainAccuracy: r(baseMain),
    baselineFineExactMatch: r(baseFine),
    perMain,
  };
}
