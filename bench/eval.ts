import { runSections, type Section } from './harness.js';

/** `npm run eval [section ...] [--quick]`: each capability adds its section here (one import, one entry). */
const sections: Section[] = [];

await runSections('eval', sections, process.argv.slice(2));
