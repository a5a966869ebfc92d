/**
 * Flag Waving (SemEval-2023 `Flag_Waving`). Justifies a position by appealing to pride in, or the interests of, a group such as a nation, a people or a party.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const flagWaving = modelTechniqueDetector({
  label: 'Flag_Waving',
  definition: "Justifies a position by appealing to pride in, or the interests of, a group such as a nation, a people or a party.",
  message: "Possible flag-waving: the text appeals to pride in or the interests of a group.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "⟦Every true American patriot must defend our great nation and its flag⟧.", data: { technique: 'Flag_Waving' } },
    { text: "⟦We will make our country strong and proud again⟧.", data: { technique: 'Flag_Waving' } },
  ],
  limits: "Relies on group and nation words; mentions of a country in plain reporting can be scored too. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
