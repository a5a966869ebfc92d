/** Narrascope's public library API. Everything not exported here is internal. */
export * from './core/index.js';
export {
  Analyzer,
  AnalyzerArgumentError,
  createAnalyzer,
  builtinRegistry,
  type AnalyzerOptions,
} from './analyzer.js';
export { builtinDetectors } from './detectors/index.js';
export { builtinAggregators } from './aggregators/index.js';
export { identifyLanguage } from './models/language-id.js';
export {
  readInput,
  readInputs,
  builtinReaders,
  chooseReader,
  htmlToText,
  markdownToText,
  decodeBytes,
  InputError,
  DEFAULT_MAX_BYTES,
  type Reader,
  type ReaderInput,
  type ReaderOutput,
  type ReadItem,
  type ReadOptions,
} from './ingest/index.js';
export * from './taxonomy/index.js';
export {
  createNarrativeAggregator,
  narrativeAggregator,
  type NarrativeAggregatorOptions,
} from './aggregators/narrative/narratives.js';
export {
  testDetector,
  runDetector,
  parseMarkers,
  type TesterCase,
  type TesterFailure,
} from './testing/index.js';
export {
  createFactCheckMatcher,
  FactCheckMatcher,
  Bm25Index,
  highlightMatches,
  markHighlights,
  formatRun,
  parseIdTsv,
  parseQrels,
  evaluateRun,
  type MatchableFactCheck,
  type MatchHit,
  type MatchOptions,
  type MatcherOptions,
  type Highlight as MatchHighlight,
  type RetrievalScores,
} from './corpus/matching/index.js';
export { loadWordVectors, cosine as vectorCosine, type WordVectors } from './models/vectors/word-vectors.js';
export {
  ledgerClaimReviews,
  confirmedClaimReviews,
  stringifyJsonLd,
  validateClaimReview,
  JsonLdArrayStream,
  type ClaimReview,
  type ClaimReviewContext,
  type AnalystConfirmation,
} from './export/claimreview/index.js';
export {
  buildStixBundle,
  validateStixBundle,
  stringifyStixBundle,
  StixBundleStream,
  type StixBundle,
  type StixObject,
  type StixExportOptions,
} from './export/stix/index.js';
export {
  createExportEncoder,
  EXPORT_FORMATS,
  type ExportEncoder,
  type ExportFormat,
} from './export/encoder.js';
export {
  ledgerCsv,
  claimsCsv,
  findingsCsv,
  tableCsv,
  tableCsvHeader,
  tableCsvRows,
  csvCell,
  toCsv,
  type CsvTable,
} from './export/csv/index.js';
export {
  importClaimReviews,
  importFactCheckTable,
  ledgerFactChecks,
  type FactCheckRecord,
  type ImportBatch,
} from './store/fact-checks/index.js';
export {
  openStore,
  isPostgresUrl,
  StoreError,
  saveAnalysedDocument,
  getDocument,
  getAnalysis,
  getAnalyses,
  countDocuments,
  recordFailure,
  listFailures,
  addDismissal,
  listDismissals,
  applyDismissals,
  type Store,
  type OpenStoreOptions,
  type StoreSchema,
  type Migration,
  type Dismissal,
} from './store/index.js';
export * from './corpus/index.js';
export { TOOL_VERSION } from './version.js';
