/** The fact-check library: importers (ClaimReview, CSV/TSV, ledger items) and the `fact_checks` table. */
export { importClaimReviews, looksLikeHtml } from './claimreview-import.js';
export {
  importFactCheckTable,
  parseColumnMapping,
  TABLE_FIELDS,
  type ColumnMapping,
  type TableField,
} from './table-import.js';
export { ledgerFactChecks } from './ledger-import.js';
export {
  saveFactChecks,
  listFactChecks,
  factCheckPages,
  countFactChecks,
  factCheckKey,
  type StoredFactCheck,
  type FactCheckRow,
  type FactCheckTables,
} from './repository.js';
export {
  readFactCheckFile,
  libraryFiles,
  LIBRARY_FILE_EXTENSIONS,
  FACT_CHECK_FILE_FORMATS,
  type FactCheckFileFormat,
} from './read-file.js';
export { factCheck, type FactCheckRecord, type ImportBatch, type ImportRejection } from './types.js';
