/**
 * Obfuscation-Vagueness-Confusion (SemEval-2023 `Obfuscation-Vagueness-Confusion`). Deliberately unclear or ambiguous wording that lets the audience read in what it wants, or hides a weak claim.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const obfuscationVaguenessConfusion = modelTechniqueDetector({
  label: 'Obfuscation-Vagueness-Confusion',
  definition: "Deliberately unclear or ambiguous wording that lets the audience read in what it wants, or hides a weak claim.",
  message: "Possible obfuscation: deliberately vague or unclear wording.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [

  ],
  stability: 'experimental',
  limits: "Only 16 training spans; vagueness is hard to see in words alone, expect very few findings. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
