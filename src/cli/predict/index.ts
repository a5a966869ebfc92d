import { narrativesMode } from './narratives.js';
import { paragraphsMode } from './paragraphs.js';
import { rolesMode } from './roles.js';
import { spansMode } from './spans.js';
import { techniquesMode } from './techniques.js';
import type { PredictMode } from './types.js';

/** Registered predict modes; each capability adds one line. */
export const predictModes: PredictMode[] = [narrativesMode, spansMode, techniquesMode, paragraphsMode, rolesMode];
