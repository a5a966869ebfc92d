/**
 * Loads the committed technique model (`technique-model.json`, built by `npm run train`) once per process.
 * The artefact ships with the package; nothing is downloaded.
 */
import { readFileSync } from 'node:fs';
import { techniqueModelFrom, type TechniqueModel, type TechniqueModelArtefact } from './model.js';

const ARTEFACT = new URL('./technique-model.json', import.meta.url);

let cached: TechniqueModel | undefined;

export function loadTechniqueModel(): TechniqueModel {
  if (cached) return cached;
  let raw: string;
  try {
    raw = readFileSync(ARTEFACT, 'utf8');
  } catch (e) {
    throw new Error(`technique model artefact missing (${ARTEFACT.pathname}): rebuild it with \`npm run train technique\` (${(e as Error).message})`, { cause: e });
  }
  cached = techniqueModelFrom(JSON.parse(raw) as TechniqueModelArtefact);
  return cached;
}
