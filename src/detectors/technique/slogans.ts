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
  valid: [],
  invalid: [],
  limits: "Slogans are often quoted in plain reporting; the model flags the phrase whoever uses it. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
