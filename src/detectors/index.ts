import type { Detector } from '../core/detect/types.js';
import { heading } from './structure/heading.js';

/** Built-in detectors in pipeline order: structure first (others may read its findings), then the rest. */
export const builtinDetectors: readonly Detector[] = [heading];
