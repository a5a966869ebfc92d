/**
 * Exaggeration-Minimisation (SemEval-2023 `Exaggeration-Minimisation`). Represents something as much larger, better or worse than it is, or as much smaller and more trivial.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const exaggerationMinimisation = modelTechniqueDetector({
  label: 'Exaggeration-Minimisation',
  definition: "Represents something as much larger, better or worse than it is, or as much smaller and more trivial.",
  message: "Possible exaggeration or minimisation: something is made to look bigger or smaller than it is.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "⟦This is the worst disaster in the history of the entire world⟧.", data: { technique: 'Exaggeration-Minimisation' } },
    { text: "⟦Millions of people are dying every single day because of it⟧.", data: { technique: 'Exaggeration-Minimisation' } },
  ],
  limits: "The model keys on absolutes and intensifiers; it cannot check the figures themselves. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
