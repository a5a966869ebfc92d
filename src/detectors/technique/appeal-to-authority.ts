/**
 * Appeal to Authority (SemEval-2023 `Appeal_to_Authority`). Presents a claim as true because an expert, official or institution says so, instead of giving the evidence itself.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const appealToAuthority = modelTechniqueDetector({
  label: 'Appeal_to_Authority',
  definition: "Presents a claim as true because an expert, official or institution says so, instead of giving the evidence itself.",
  message: "Possible appeal to authority: a claim rests on who says it.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "\"⟦The vaccine is completely safe⟧,\" said the world's leading virologist, so there is nothing more to discuss.", data: { technique: 'Appeal_to_Authority' } },
  ],
  limits: "Ordinary attribution in news ('the minister said') looks alike; the model separates them only partly. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
