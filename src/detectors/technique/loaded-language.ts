/**
 * Loaded Language (SemEval-2023 `Loaded_Language`). Words or phrases with strong emotional connotations, used to sway the audience rather than to describe.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const loadedLanguage = modelTechniqueDetector({
  label: 'Loaded_Language',
  definition: "Words or phrases with strong emotional connotations, used to sway the audience rather than to describe.",
  message: "Possible loaded language: emotionally charged wording.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "The ⟦mayor's outrageous and disgusting scheme betrayed every voter⟧.", data: { technique: 'Loaded_Language' } },
    { text: "⟦This brutal, savage attack shocked the village⟧.", data: { technique: 'Loaded_Language' } },
  ],
  limits: "The most frequent technique in the training data. Whether a word is loaded depends on register and context; quoted speech is scored like the author's own words. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
