/**
 * Conversation Killer (SemEval-2023 `Conversation_Killer`). A phrase that discourages further thought or discussion, closing the question instead of answering it.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const conversationKiller = modelTechniqueDetector({
  label: 'Conversation_Killer',
  definition: "A phrase that discourages further thought or discussion, closing the question instead of answering it.",
  message: "Possible conversation killer: a phrase closes the question.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "That's it, period. ⟦No more questions⟧.", data: { technique: 'Conversation_Killer' }, options: { threshold: 0.02 } },
  ],
  limits: "Short fixed phrases vary widely; 76 training spans. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
