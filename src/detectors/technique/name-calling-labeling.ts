/**
 * Name Calling-Labeling (SemEval-2023 `Name_Calling-Labeling`). Attaches a label to a person or group (an insult, or a flattering tag) so that the audience judges the label instead of the one labelled.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const nameCallingLabeling = modelTechniqueDetector({
  label: 'Name_Calling-Labeling',
  definition: "Attaches a label to a person or group (an insult, or a flattering tag) so that the audience judges the label instead of the one labelled.",
  message: "Possible name-calling or labelling: a charged label is attached to a person or group.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "⟦These radical leftist thugs want to ruin the town⟧.", data: { technique: 'Name_Calling-Labeling' } },
    { text: "⟦The so-called experts are clueless bureaucrats⟧.", data: { technique: 'Name_Calling-Labeling' } },
  ],
  limits: "One of the two most frequent techniques in the training data; labels that are neutral in one outlet and loaded in another are hard for a word-based model. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
