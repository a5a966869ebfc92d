import type { RoleTrainOptions } from './role-model.js';

/** Training options of the committed role model, chosen by 5-fold cross-validation by document (bench/framing). */
export const ROLE_TRAIN_OPTIONS: RoleTrainOptions = {
  main: { iterations: 300, learningRate: 0.5, l2: 0.01, minCount: 2 },
  fine: { iterations: 300, learningRate: 0.5, l2: 0.01, minCount: 2 },
  mainMix: 0.5,
};
