/**
 * Whataboutism (SemEval-2023 `Whataboutism`). Answers criticism by pointing to a wrong of the critic or of someone else instead of addressing it.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const whataboutism = modelTechniqueDetector({
  label: 'Whataboutism',
  definition: "Answers criticism by pointing to a wrong of the critic or of someone else instead of addressing it.",
  message: "Possible whataboutism: criticism is answered by pointing at another wrong.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [

  ],
  stability: 'experimental',
  limits: "Only 17 training spans; expect few findings. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
