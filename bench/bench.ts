import { runSections, type Section } from './harness.js';
import { loadSection } from './load/load.js';
import { matchingBenchSection } from './matching/bench-section.js';

/** `npm run bench [section ...] [--quick]`: each capability adds its section here (one import, one entry). */
const sections: Section[] = [matchingBenchSection, loadSection];

await runSections('bench', sections, process.argv.slice(2));
