/**
 * Appeal to Fear-Prejudice (SemEval-2023 `Appeal_to_Fear-Prejudice`). Seeks support by stirring fear, anxiety or prejudice about an alternative, an outcome or a group.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const appealToFearPrejudice = modelTechniqueDetector({
  label: 'Appeal_to_Fear-Prejudice',
  definition: "Seeks support by stirring fear, anxiety or prejudice about an alternative, an outcome or a group.",
  message: "Possible appeal to fear or prejudice: the text stirs fear about an outcome or a group.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "⟦If the bill passes, millions of illegal aliens will pour into our towns, bringing crime, drugs and disease⟧.", data: { technique: 'Appeal_to_Fear-Prejudice' } },
    { text: "⟦Radical Islamic terrorists are coming for your children, and the government will do nothing⟧.", data: { technique: 'Appeal_to_Fear-Prejudice' } },
  ],
  limits: "Reports of real dangers use the same words as fear appeals; context decides and the model sees little of it. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
