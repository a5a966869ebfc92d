import { runSections, type Section } from './harness.js';
import { matchingTrainSection } from './matching/train-section.js';

/** `npm run train [section ...] [--quick]`: each capability adds its section here (one import, one entry). */
const sections: Section[] = [matchingTrainSection];

await runSections('train', sections, process.argv.slice(2));
