/**
 * Causal Oversimplification (SemEval-2023 `Causal_Oversimplification`). Names a single cause for an outcome that has many, or treats what came first as the cause.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const causalOversimplification = modelTechniqueDetector({
  label: 'Causal_Oversimplification',
  definition: "Names a single cause for an outcome that has many, or treats what came first as the cause.",
  message: "Possible causal oversimplification: one cause is given for a complex outcome.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "The economy collapsed for one reason and one ⟦reason only: the president's disastrous policies⟧.", data: { technique: 'Causal_Oversimplification' }, options: { threshold: 0.002, spanThreshold: 0.05 } },
    { text: "⟦Violent crime exploded because the mayor hates the police⟧.", data: { technique: 'Causal_Oversimplification' }, options: { threshold: 0.002, spanThreshold: 0.05 } },
  ],
  limits: "Needs reasoning about causes the model does not have; it keys on causal connectives and blame words. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
