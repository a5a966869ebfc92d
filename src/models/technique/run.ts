/**
 * One technique-model run per document, shared through the pipeline's cache by the 19 model-based technique
 * detectors and the technique aggregator (key `technique-model`).
 */
import type { SharedCache } from '../../core/detect/types.js';
import type { Segments } from '../../core/segment/types.js';
import { loadTechniqueModel } from './load.js';
import { analyseTechniques, type TechniqueAnalysis } from './model.js';

export const TECHNIQUE_CACHE_KEY = 'technique-model';

/** Key of a flag set when any technique detector ran on the document; the aggregator reads it. */
export const TECHNIQUE_RAN_KEY = 'technique-detectors-ran';

/** Marks that technique detectors are on for this document. */
export function markTechniqueRan(shared: SharedCache): void {
  shared.get(TECHNIQUE_RAN_KEY, () => true);
}

/** Whether any technique detector ran (asking caches `false` when none did; aggregators run after detectors). */
export function techniqueRan(shared: SharedCache): boolean {
  return shared.get(TECHNIQUE_RAN_KEY, () => false);
}

export function techniqueAnalysis(ctx: { readonly shared: SharedCache; readonly text: string; readonly segments: Segments }): TechniqueAnalysis {
  markTechniqueRan(ctx.shared);
  return ctx.shared.get(TECHNIQUE_CACHE_KEY, () => analyseTechniques(loadTechniqueModel(), ctx.text, ctx.segments));
}
