/** STIX 2.1 export (see docs/exports.md). */
export { buildStixBundle, type StixExportOptions } from './bundle.js';
export { validateStixBundle } from './validate.js';
export { StixBundleStream } from './stream.js';
export {
  DISARM_TECHNIQUES,
  DISARM_IDENTITY,
  DISARM_LICENCE,
  TECHNIQUE_TO_DISARM,
  disarmFor,
  type DisarmTechnique,
} from './disarm.js';
export { EXTENSION_ID, NARRATIVE_TYPE, PRODUCER_ID, EXTENSION_SCHEMA } from './extension.js';
export { stixId, uuidv5, STIX_ID_RE, STIX_TIMESTAMP_RE } from './ids.js';
export type { StixBundle, StixObject, StixValue } from './types.js';

import { exportJsonText } from '../json-text.js';
import type { StixBundle } from './types.js';
import { validateStixBundle } from './validate.js';

/** Serialises a bundle after validating it; throws (an internal error) rather than emit an invalid one. */
export function stringifyStixBundle(bundle: StixBundle): string {
  const problems = validateStixBundle(bundle);
  if (problems.length)
    throw new Error(`refusing to write an invalid STIX bundle: ${problems.slice(0, 5).join('; ')}`);
  return exportJsonText(JSON.stringify(bundle, null, 2)) + '\n';
}
