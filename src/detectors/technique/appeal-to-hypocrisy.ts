/**
 * Appeal to Hypocrisy (SemEval-2023 `Appeal_to_Hypocrisy`). Dismisses a position by charging the one who holds it with hypocrisy or inconsistency instead of answering it.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const appealToHypocrisy = modelTechniqueDetector({
  label: 'Appeal_to_Hypocrisy',
  definition: "Dismisses a position by charging the one who holds it with hypocrisy or inconsistency instead of answering it.",
  message: "Possible appeal to hypocrisy: a position is countered by pointing at its holder's inconsistency.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [

  ],
  stability: 'experimental',
  limits: "Only 33 training spans; expect low recall. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
