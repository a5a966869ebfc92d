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
  valid: [],
  invalid: [],
  limits: "Legitimate questions and rhetorical doubt use the same words; the model cannot tell them apart by intent. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
