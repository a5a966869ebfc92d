import { narrativesMode } from './narratives.js';
import type { PredictMode } from './types.js';

/** Registered predict modes; each capability adds one line. */
export const predictModes: PredictMode[] = [narrativesMode];
