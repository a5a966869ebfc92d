/**
 * False Dilemma-No Choice (SemEval-2023 `False_Dilemma-No_Choice`). Presents two options as the only ones, or one option as the only one, when others exist.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const falseDilemmaNoChoice = modelTechniqueDetector({
  label: 'False_Dilemma-No_Choice',
  definition: "Presents two options as the only ones, or one option as the only one, when others exist.",
  message: "Possible false dilemma: options are presented as the only ones.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "⟦There are only two choices: surrender our freedom or fight the globalist elites⟧.", data: { technique: 'False_Dilemma-No_Choice' }, options: { threshold: 0.02, spanThreshold: 0.1 } },
    { text: "⟦If you do not support the wall, you support open borders and crime⟧.", data: { technique: 'False_Dilemma-No_Choice' } },
  ],
  limits: "Whether other options exist is a question of fact the model cannot check; it keys on 'either ... or', 'only', 'must'. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
