/**
 * Doubt (SemEval-2023 `Doubt`). Casts doubt on the credibility of someone or something without giving the grounds that would settle the question.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const doubt = modelTechniqueDetector({
  label: 'Doubt',
  definition: "Casts doubt on the credibility of someone or something without giving the grounds that would settle the question.",
  message: "Possible casting of doubt: the credibility of someone or something is questioned.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "⟦The so-called investigation is nothing but a witch hunt, and its findings are highly questionable⟧.", data: { technique: 'Doubt' } },
    { text: "Is the mainstream media ⟦really telling us the whole truth about the⟧ vaccine?", data: { technique: 'Doubt' } },
  ],
  limits: "Legitimate questions and rhetorical doubt use the same words; the model cannot tell them apart by intent. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
