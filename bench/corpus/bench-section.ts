/** The corpus benchmark sections (`npm run bench corpus-ingest corpus-clusters corpus-search corpus-export`). */
export { ingestBenchSection } from './ingest-bench.js';
export { clustersBenchSection } from './clusters-bench.js';
export { searchBenchSection, searchPostgresBenchSection } from './search-bench.js';
export { exportBenchSection } from './export-bench.js';
