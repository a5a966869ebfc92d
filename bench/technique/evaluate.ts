/**
 * Scores out-of-fold predictions with the shared-task metrics. Thresholds for the articles of fold k are
 * chosen on the out-of-fold predictions of the other folds, so no figure is tuned on the articles it scores.
 */
import type { DocPrediction, Thresholds } from './pipeline.js';
import { chooseThresholds, PARAGRAPH_RULES, paragraphPredict, type ParagraphRule } from './pipeline.js';
import { LabelCounts, OverlapScore, type Prf } from './metrics.js';
import { fitSecondStage, keptSpans, stackLabels, type SecondStage } from './second-stage.js';
import { rankTechniques } from '../../src/models/technique/class-bias.js';
import { tcGroups, tuneClassBias } from './class-bias.js';

export interface EvalReport {
  /** Span identification of the shipped path: candidates kept by the second-stage filter. */
  readonly si: Prf;
  /** The same for the tagger's candidates alone (threshold chosen on other folds), for comparison. */
  readonly siFirstStage: Prf;
  readonly spanTechnique: Prf;
  /** With the class biases (chosen on the other folds), as `narrascope predict techniques` ranks. */
  readonly tcMicro: Prf;
  /** By the classifier's probabilities alone, for comparison. */
  readonly tcPlain: Prf;
  readonly tcMajority: number;
  /** The class biases chosen for each fold (technique → bias). */
  readonly biasByFold: readonly Float64Array[];
  readonly paragraphMicro: Prf;
  readonly paragraphMacro: number;
  /** Paragraph micro-F1 of each rule (paragraph model, span findings, both), for comparison. */
  readonly paragraphByRule: Readonly<Record<ParagraphRule, Prf>>;
  readonly tc: LabelCounts;
  readonly paragraphs: LabelCounts;
  readonly spanByLabel: ReadonlyMap<string, OverlapScore>;
  readonly thresholdsByFold: readonly Thresholds[];
  readonly stageByFold: readonly SecondStage[];
}

/** Top-m distinct labels of a distribution. */
export function topLabels(probs: Float64Array, labels: readonly string[], m: number): string[] {
  return [...probs.keys()]
    .sort((a, b) => (probs[b] as number) - (probs[a] as number) || a - b)
    .slice(0, m)
    .map((k) => labels[k] as string);
}

/**
 * `candidatesFor(h)`: the predictions with the candidate model's probabilities for held-out fold h (see
 * candidate-model.ts `nestedCandidateProbs`); without it the second stage has no candidate model.
 */
export function evaluate(preds: readonly DocPrediction[], candidatesFor?: (heldOut: number) => readonly DocPrediction[]): EvalReport {
  const folds = [...new Set(preds.map((p) => p.fold))].sort();
  const si = new OverlapScore();
  const si1 = new OverlapScore();
  const stageByFold: SecondStage[] = [];
  const st = new OverlapScore();
  const spanByLabel = new Map<string, OverlapScore>();
  const tc = new LabelCounts();
  const tcPlain = new LabelCounts();
  const biasByFold: Float64Array[] = [];
  const paragraphs = new LabelCounts();
  const byRule = new Map(PARAGRAPH_RULES.map((r) => [r, new LabelCounts()]));
  const thresholdsByFold: Thresholds[] = [];
  let majorityHits = 0;
  let tcTotal = 0;
  const goldCount = new Map<string, number>();
  for (const p of preds) for (const g of p.doc.gold) goldCount.set(g.label, (goldCount.get(g.label) ?? 0) + 1);
  const majority = [...goldCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  for (const f of folds) {
    // The same documents; with a candidate model, their filter inputs end with its probability.
    const forFold = candidatesFor ? candidatesFor(f) : preds;
    const others = forFold.filter((p) => p.fold !== f);
    const th = chooseThresholds(others);
    thresholdsByFold.push(th);
    const { stage } = fitSecondStage(others, candidatesFor !== undefined);
    stageByFold.push(stage);
    const bias = tuneClassBias(tcGroups(others), preds[0]?.labels.length ?? 0);
    biasByFold.push(bias);
    for (const p of forFold.filter((q) => q.fold === f)) {
      si1.add(p.byThreshold.get(th.span) ?? [], p.doc.gold);
      const spans = keptSpans(p, stage.span, stage.filter.model, stage.filter.threshold);
      si.add(spans, p.doc.gold);
      // Span + technique: each candidate span with its most likely technique, scored per technique.
      const predBy = new Map<string, { start: number; end: number }[]>();
      for (const s of spans) {
        const label = topLabels(s.probs, p.labels, 1)[0] as string;
        predBy.set(label, [...(predBy.get(label) ?? []), s]);
      }
      const goldBy = new Map<string, { start: number; end: number }[]>();
      for (const g of p.doc.gold) goldBy.set(g.label, [...(goldBy.get(g.label) ?? []), g]);
      for (const label of new Set([...predBy.keys(), ...goldBy.keys()])) {
        st.add(predBy.get(label) ?? [], goldBy.get(label) ?? []);
        const sc = spanByLabel.get(label) ?? new OverlapScore();
        sc.add(predBy.get(label) ?? [], goldBy.get(label) ?? []);
        spanByLabel.set(label, sc);
      }
      // Technique classification on given spans: a span listed m times gets its m most likely labels.
      const groups = new Map<string, number[]>();
      p.doc.gold.forEach((g, i) => {
        const key = `${g.start}:${g.end}`;
        groups.set(key, [...(groups.get(key) ?? []), i]);
      });
      for (const idx of groups.values()) {
        const gold = idx.map((i) => p.doc.gold[i]?.label as string);
        const probs = p.goldProbs[idx[0] as number] as Float64Array;
        tc.addMulti(rankTechniques(probs, bias).slice(0, idx.length).map((k) => p.labels[k] as string), gold);
        tcPlain.addMulti(topLabels(probs, p.labels, idx.length), gold);
        tcTotal += gold.length;
        majorityHits += gold.includes(majority) ? 1 : 0;
      }
      for (const [rule, counts] of byRule) {
        const got = paragraphPredict(p, th, rule);
        p.doc.paragraphs.forEach((par, i) => counts.add(got[i] as string[], par.labels));
      }
      const got = stackLabels(p, stage, spans);
      p.doc.paragraphs.forEach((par, i) => paragraphs.add(got[i] as string[], par.labels));
    }
  }
  return {
    si: si.result(),
    siFirstStage: si1.result(),
    spanTechnique: st.result(),
    tcMicro: tc.micro(),
    tcPlain: tcPlain.micro(),
    biasByFold,
    tcMajority: tcTotal ? majorityHits / tcTotal : 0,
    paragraphMicro: paragraphs.micro(),
    paragraphMacro: paragraphs.macro(),
    paragraphByRule: Object.fromEntries([...byRule].map(([r, c]) => [r, c.micro()])) as Record<ParagraphRule, Prf>,
    tc,
    paragraphs,
    spanByLabel,
    thresholdsByFold,
    stageByFold,
  };
}
