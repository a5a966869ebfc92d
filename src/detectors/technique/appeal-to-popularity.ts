/**
 * Appeal to Popularity (SemEval-2023 `Appeal_to_Popularity`). Argues that a claim is true, or an action right, because many people or 'everyone' accept it.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const appealToPopularity = modelTechniqueDetector({
  label: 'Appeal_to_Popularity',
  definition: "Argues that a claim is true, or an action right, because many people or 'everyone' accept it.",
  message: "Possible appeal to popularity: a claim rests on how many people accept it.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [

  ],
  stability: 'experimental',
  limits: "Only 14 training spans; expect low recall. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
