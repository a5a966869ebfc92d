/** Cross-document work over a store: ingestion, search, clusters, statistics, watchlists, counter links. */
export { ingest, analysisIdentity, type IngestOptions, type IngestSummary, type IngestProgress, type IngestError } from './ingest/ingest.js';
export { search, makeSnippet, FACET_EXACT_LIMIT, RANK_WINDOW, type SearchQuery, type SearchResult, type SearchHit, type FacetValue } from './search.js';
export { selectDocumentIds, storedResults, type CorpusSelection, type StoredResultsOptions, type StoredResultsBatch } from './selection.js';
export { computeNearDuplicates, computeSameClaims, listClusters, type ClusterKind, type ClusterView, type ComputeResult } from './clusters.js';
export { corpusStats, statsToCsv, type CorpusStats, type StatsRow, type StatsOptions, type NarrativeSummary } from './stats.js';
export { addWatchEntries, watchLedgerOf, watchReport, removeWatchEntry, type WatchReportEntry, type AddWatchResult } from './watch.js';
export { counterLinks, type CounterLink } from './counter-links.js';
export { MinHasher, estimateJaccard, shingleJaccard, encodeSignature, decodeSignature } from './minhash.js';
export { lshCluster, type LshOptions, type LshResult } from './lsh.js';
