import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, type Section } from '../harness.js';
import { trainRoleModel } from '../../src/models/framing/role-model.js';
import { ROLE_TRAIN_OPTIONS } from '../../src/models/framing/options.js';
import { loadFramingExamples } from './dataset.js';

/**
 * `npm run train framing`: trains the entity-role classifier on all of SemEval-2025 subtask 1 (English)
 * and writes src/models/framing/role-model.json. No randomness: same data, same bytes.
 */
export const framingTrainSection: Section = {
  id: 'framing',
  title: 'Entity framing role classifier',
  async run(ctx) {
    if (!ctx.dataDir) return '_Skipped: ../shared/data not found._';
    const examples = loadFramingExamples(ctx.dataDir);
    const docs = new Set(examples.map((e) => e.doc)).size;
    ctx.log(`training on ${examples.length} mentions from ${docs} documents`);
    const model = trainRoleModel(examples, ROLE_TRAIN_OPTIONS, {
      data: 'narratives-2025/subtask-1-annotations.txt (SemEval-2025 Task 10, English training set)',
      mentions: examples.length,
      documents: docs,
      trainer: 'full-batch Adagrad logistic regression, no randomness',
    });
    const file = join(ROOT, 'src', 'models', 'framing', 'role-model.json');
    if (!ctx.quick) writeFileSync(file, `${JSON.stringify(model)}\n`);
    const features = new Set([...Object.keys(model.main.weights), ...Object.keys(model.fine.weights)]).size;
    return `Trained on ${examples.length} mentions from ${docs} documents; ${features} features kept. Artefact: \`src/models/framing/role-model.json\`.`;
  },
};
