import { runSections, type Section } from './harness.js';
import { clustersBenchSection, exportBenchSection, ingestBenchSection, searchBenchSection, searchPostgresBenchSection } from './corpus/bench-section.js';
import { loadSection } from './load/load.js';
import { webRenderSection } from './load/render.js';
import { matchingBenchSection } from './matching/bench-section.js';
import { techniqueBenchSection } from './technique/bench-section.js';

/** `npm run bench [section ...] [--quick]`: each capability adds its section here (one import, one entry). */
const sections: Section[] = [matchingBenchSection, techniqueBenchSection, loadSection, webRenderSection, ingestBenchSection, clustersBenchSection, searchBenchSection, searchPostgresBenchSection, exportBenchSection];

const code = await runSections('bench', sections, process.argv.slice(2));
// A section that failed midway may leave a server or worker open, which would keep the process alive.
if (code !== 0) process.exit(code);
