/**
 * Guilt by Association (SemEval-2023 `Guilt_by_Association`). Discredits a person, group or idea by linking it with someone or something the audience already condemns.
 * Found by the shared technique model (one run per document); this detector keeps the spans whose confidence
 * for this technique reaches its threshold.
 */
import { modelTechniqueDetector } from './shared.js';

export const guiltByAssociation = modelTechniqueDetector({
  label: 'Guilt_by_Association',
  definition: "Discredits a person, group or idea by linking it with someone or something the audience already condemns.",
  message: "Possible guilt by association: the target is linked with something the audience condemns.",
  valid: ["The council meets on Tuesday at the town hall.", "The report was published in March and has forty pages."],
  invalid: [
    { text: "⟦Her plan is straight out of the communist playbook of Stalin and Mao⟧.", data: { technique: 'Guilt_by_Association' }, options: { threshold: 0.02, spanThreshold: 0.1 } },
    { text: "⟦The professor, a known admirer of Hitler, now advises the government⟧.", data: { technique: 'Guilt_by_Association' }, options: { threshold: 0.002, spanThreshold: 0.05 } },
  ],
  limits: "Only 59 training spans; the model leans on names of condemned movements and regimes. Found by a linear model trained on 371 English news articles of the PTC corpus: it sees words, lemmas, parts of speech, quotes, cue lexicons and repetition, not meaning. Span boundaries are approximate; the confidence is the span tagger's probability times the classifier's probability for this technique.",
});
