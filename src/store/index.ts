/**
 * The store's public API (see README.md in this folder): open a store, write documents with their
 * analyses, read them back, record failures and dismissals. Search, clusters, statistics and watchlists
 * live in `src/corpus/` and take a Store.
 */
export { openStore, isPostgresUrl, type Store, type OpenStoreOptions } from './open.js';
export { StoreError, isStoreError, type StoreErrorKind } from './errors.js';
export { parsePostgresUrl, schemaNameProblem, type PostgresUrl } from './postgres-url.js';
export type { Capabilities } from './capabilities.js';
export { casefold, entityNameKey } from './casefold.js';
export type { StoreSchema } from './schema.js';
export type { Migration } from './migrations/types.js';
export {
  saveAnalysedDocument,
  saveAnalysedDocuments,
  documentIdByHash,
  existingHashes,
  getDocument,
  getAnalysis,
  getAnalyses,
  storedResultJson,
  countDocuments,
  techniquesOf,
  type SaveResult,
  type SaveOptions,
  type SaveStatus,
  type StoredDocument,
} from './repositories/documents.js';
export { recordFailure, listFailures, type Failure, type FailureStage } from './repositories/failures.js';
export { supersededDocuments } from './repositories/document-versions.js';
export { addDismissal, addDismissalOnce, listDismissals, listDismissalsOf, applyDismissals, type Dismissal } from './repositories/dismissals.js';
