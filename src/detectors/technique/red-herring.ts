/**
 * Red Herring (SemEval-2023 `Red_Herring`). Turns attention to an irrelevant topic to move away from the issue under discussion.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const redHerring = modelTechniqueDetector({
  label: 'Red_Herring',
  definition: "Turns attention to an irrelevant topic to move away from the issue under discussion.",
  message: "Possible red herring: the text turns to another topic.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [

  ],
  stability: 'experimental',
  limits: "Only 35 training spans; relevance is beyond a word-based model, expect few findings. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
