/** Narrascope's public library API. Everything not exported here is internal. */
export * from './core/index.js';
export { Analyzer, createAnalyzer, builtinRegistry, type AnalyzerOptions } from './analyzer.js';
export { builtinDetectors } from './detectors/index.js';
export { builtinAggregators } from './aggregators/index.js';
export { identifyLanguage } from './models/language-id.js';
export { readInput, readInputs, builtinReaders, chooseReader, htmlToText, markdownToText, decodeBytes, InputError, DEFAULT_MAX_BYTES, type Reader, type ReaderInput, type ReaderOutput, type ReadItem, type ReadOptions } from './ingest/index.js';
export * from './taxonomy/index.js';
export { createNarrativeAggregator, narrativeAggregator, type NarrativeAggregatorOptions } from './aggregators/narrative/narratives.js';
export { testDetector, runDetector, parseMarkers, type TesterCase, type TesterFailure } from './testing/index.js';
export { TOOL_VERSION } from './version.js';
