import { runSections, type Section } from './harness.js';

/** `npm run train [section ...] [--quick]`: each capability adds its section here (one import, one entry). */
const sections: Section[] = [];

await runSections('train', sections, process.argv.slice(2));
