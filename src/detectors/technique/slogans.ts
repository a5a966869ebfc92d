/**
 * Slogans (SemEval-2023 `Slogans`). A short, catchy phrase that stands in for an argument, often a call to act.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const slogans = modelTechniqueDetector({
  label: 'Slogans',
  definition: "A short, catchy phrase that stands in for an argument, often a call to act.",
  message: "Possible slogan: a short catchy phrase stands in for an argument.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "Thousands marched through the capital chanting \"⟦No justice, no peace⟧!\" on Sunday.", data: { technique: 'Slogans' }, options: { threshold: 0.02, spanThreshold: 0.1 } },
    { text: "⟦Supporters waved signs reading \"Take back our country\" outside the hall⟧.", data: { technique: 'Slogans' }, options: { threshold: 0.002, spanThreshold: 0.05 } },
  ],
  limits: "Slogans are often quoted in plain reporting; the model flags the phrase whoever uses it. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
