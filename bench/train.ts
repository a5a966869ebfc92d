import { runSections, type Section } from './harness.js';
import { matchingTrainSection } from './matching/train-section.js';
import { framingTrainSection } from './framing/train-section.js';
import { narrativeModelSection } from './narrative/sections.js';
import { narrativeTaxonomiesSection } from './narrative/taxonomies.js';
import { techniqueTrainSection } from './technique/train-section.js';

/** `npm run train [section ...] [--quick]`: each capability adds its section here (one import, one entry). */
const sections: Section[] = [techniqueTrainSection, matchingTrainSection, narrativeTaxonomiesSection, narrativeModelSection, framingTrainSection];

const code = await runSections('train', sections, process.argv.slice(2));
// A section that failed midway may leave a server or worker open, which would keep the process alive.
if (code !== 0) process.exit(code);
