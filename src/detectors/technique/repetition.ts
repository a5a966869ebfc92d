/**
 * Repetition (SemEval-2023 `Repetition`). Repeats the same word, phrase or message so that it sticks and seems settled.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const repetition = modelTechniqueDetector({
  label: 'Repetition',
  definition: "Repeats the same word, phrase or message so that it sticks and seems settled.",
  message: "Possible repetition: the same words recur to drive a message home.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "The wall will work. The ⟦wall will keep us safe⟧. Build the wall, build the wall, build the wall!", data: { technique: 'Repetition' } },
    { text: "⟦Fake news, fake news, it is all fake news from the fake news media⟧.", data: { technique: 'Repetition' }, options: { threshold: 0.002, spanThreshold: 0.05 } },
  ],
  limits: "Uses in-document counts of words and phrases; a repeated name or topic word in plain reporting can be scored too. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
