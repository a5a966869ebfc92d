import type { Detector } from '../../core/detect/types.js';
import { appealToAuthority } from './appeal-to-authority.js';
import { appealToFearPrejudice } from './appeal-to-fear-prejudice.js';
import { appealToHypocrisy } from './appeal-to-hypocrisy.js';
import { appealToPopularity } from './appeal-to-popularity.js';
import { appealToTime } from './appeal-to-time.js';
import { appealToValues } from './appeal-to-values.js';
import { causalOversimplification } from './causal-oversimplification.js';
import { consequentialOversimplification } from './consequential-oversimplification.js';
import { conversationKiller } from './conversation-killer.js';
import { doubt } from './doubt.js';
import { exaggerationMinimisation } from './exaggeration-minimisation.js';
import { falseDilemmaNoChoice } from './false-dilemma-no-choice.js';
import { flagWaving } from './flag-waving.js';
import { guiltByAssociation } from './guilt-by-association.js';
import { loadedLanguage } from './loaded-language.js';
import { nameCallingLabeling } from './name-calling-labeling.js';
import { obfuscationVaguenessConfusion } from './obfuscation-vagueness-confusion.js';
import { questioningTheReputation } from './questioning-the-reputation.js';
import { redHerring } from './red-herring.js';
import { repetition } from './repetition.js';
import { slogans } from './slogans.js';
import { strawMan } from './straw-man.js';
import { whataboutism } from './whataboutism.js';

/** The 23 technique detectors (SemEval-2023 Task 3 order): 19 read the shared model run, 4 use patterns. */
export const techniqueDetectors: readonly Detector[] = [
  nameCallingLabeling,
  guiltByAssociation,
  doubt,
  appealToHypocrisy,
  questioningTheReputation,
  flagWaving,
  appealToAuthority,
  appealToPopularity,
  appealToValues,
  appealToFearPrejudice,
  causalOversimplification,
  falseDilemmaNoChoice,
  consequentialOversimplification,
  strawMan,
  redHerring,
  whataboutism,
  slogans,
  conversationKiller,
  appealToTime,
  loadedLanguage,
  obfuscationVaguenessConfusion,
  exaggerationMinimisation,
  repetition,
];
