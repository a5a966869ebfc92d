/**
 * The shipped narrative model (narrative-model.json, written by `npm run train narrative-model` from
 * ../shared/data/narratives-2025 with a fixed seed), loaded once per process on first use.
 */
import { semeval2025Taxonomy } from '../../taxonomy/builtin/index.js';
import { NarrativeModel, type NarrativeModelData } from './model.js';
import modelData from './narrative-model.json' with { type: 'json' };
import { LabelProfiles } from './predict.js';

let cached: { model: NarrativeModel; profiles: LabelProfiles } | undefined;

export function builtinNarrativeModel(): { model: NarrativeModel; profiles: LabelProfiles } {
  if (!cached) {
    const model = new NarrativeModel(modelData as unknown as NarrativeModelData);
    cached = { model, profiles: new LabelProfiles(model, semeval2025Taxonomy) };
  }
  return cached;
}
