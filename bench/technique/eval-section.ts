/**
 * `npm run eval technique`: k-fold cross-validation by article on ptc-train (fixed seed), scored with the
 * shared-task metrics; thresholds for each fold are chosen on the other folds' out-of-fold predictions.
 */
import type { Section } from '../harness.js';
import { loadCorpus } from './corpus.js';
import { evaluate } from './evaluate.js';
import { crossValidate, extract, FOLDS, SEED } from './pipeline.js';
import { candidateFeatures, nestedCandidateProbs } from './candidate-model.js';

const f3 = (x: number): string => x.toFixed(3);

export const techniqueEvalSection: Section = {
  id: 'technique',
  title: 'Persuasion techniques (PTC, 23-label scheme)',
  async run(ctx) {
    if (!ctx.dataDir) return '_Skipped: ../shared/data not found._';
    const corpus = loadCorpus(ctx.dataDir, ctx.quick ? 40 : Infinity);
    const ex = extract(corpus, ctx.log);
    const preds = crossValidate(corpus, ex, ctx.log);
    const r = evaluate(preds, nestedCandidateProbs(preds, ex, candidateFeatures(preds, ex)));
    const lines = [
      `${FOLDS}-fold cross-validation by article on ptc-train (${corpus.length} articles, seed ${SEED}); thresholds for each fold chosen on the other folds' out-of-fold predictions. Bars (held-out data): TC ≥ 0.62, SI ≥ 0.50, paragraph micro-F1 ≥ 0.45.`,
      '',
      '| task | precision | recall | F1 |',
      '|---|---|---|---|',
      `| span identification (partial-overlap credit) | ${f3(r.si.precision)} | ${f3(r.si.recall)} | **${f3(r.si.f1)}** |`,
      `| span identification, tagger candidates without the span filter (comparison) | ${f3(r.siFirstStage.precision)} | ${f3(r.siFirstStage.recall)} | ${f3(r.siFirstStage.f1)} |`,
      `| span + technique (partial overlap, same technique) | ${f3(r.spanTechnique.precision)} | ${f3(r.spanTechnique.recall)} | ${f3(r.spanTechnique.f1)} |`,
      `| technique classification on given spans (micro; class biases chosen on the other folds) | ${f3(r.tcMicro.precision)} | ${f3(r.tcMicro.recall)} | **${f3(r.tcMicro.f1)}** |`,
      `| technique classification on given spans, the classifier's probabilities alone (comparison) | ${f3(r.tcPlain.precision)} | ${f3(r.tcPlain.recall)} | ${f3(r.tcPlain.f1)} |`,
      `| paragraph level (paragraph stack), micro | ${f3(r.paragraphMicro.precision)} | ${f3(r.paragraphMicro.recall)} | **${f3(r.paragraphMicro.f1)}** |`,
      `| paragraph level, macro F1 | | | ${f3(r.paragraphMacro)} |`,
      ...(['model', 'spans', 'both', 'mean'] as const).map((rule) => `| paragraph level, rule "${rule}" alone (comparison), micro | ${f3(r.paragraphByRule[rule].precision)} | ${f3(r.paragraphByRule[rule].recall)} | ${f3(r.paragraphByRule[rule].f1)} |`),
      '',
      `Majority-label baseline for technique classification: ${f3(r.tcMajority)}. First-stage span thresholds chosen per fold: ${r.thresholdsByFold.map((t) => t.span).join(', ')}; rules of the first stage chosen per fold (comparison rows): ${r.thresholdsByFold.map((t) => t.rule).join(', ')}. Second stage per fold: tagger threshold ${r.stageByFold.map((s) => s.span).join(', ')}, span-filter threshold ${r.stageByFold.map((s) => s.filter.threshold).join(', ')}. Class biases of classification on given spans per fold (non-zero, in the order of the labels): ${r.biasByFold.map((b) => [...b].map((x, i) => (x ? `${preds[0]?.labels[i]} ${x.toFixed(2)}` : null)).filter(Boolean).join(', ')).join(' / ')}.`,
      '',
      '| technique | TC support | TC P | TC R | TC F1 | span+technique F1 | paragraph support | paragraph F1 |',
      '|---|---|---|---|---|---|---|---|',
    ];
    const labels = [...new Set([...r.tc.labels(), ...r.paragraphs.labels()])].sort();
    for (const l of labels) {
      const t = r.tc.of(l);
      const p = r.paragraphs.of(l);
      const s = r.spanByLabel.get(l)?.result().f1 ?? 0;
      lines.push(`| ${l} | ${t.support} | ${f3(t.precision)} | ${f3(t.recall)} | ${f3(t.f1)} | ${f3(s)} | ${p.support} | ${f3(p.f1)} |`);
    }
    return lines.join('\n');
  },
};
