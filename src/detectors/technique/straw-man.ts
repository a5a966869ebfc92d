/**
 * Straw Man (SemEval-2023 `Straw_Man`). Replaces an opponent's position with a distorted version that is easier to attack.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const strawMan = modelTechniqueDetector({
  label: 'Straw_Man',
  definition: "Replaces an opponent's position with a distorted version that is easier to attack.",
  message: "Possible straw man: an opponent's position may be restated in a weaker form.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "⟦My opponents want open borders and no police at all⟧.", data: { technique: 'Straw_Man' }, options: { threshold: 0.002, spanThreshold: 0.05 } },
  ],
  stability: 'experimental',
  limits: "Only 13 training spans, and spotting a distortion needs the original position: expect few and uncertain findings. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
