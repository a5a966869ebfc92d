/** CSV export of ledger items, claims and findings (see docs/exports.md). */
export { csvCell, csvRows, toCsv, type CsvValue } from './csv.js';
export { ledgerCsv, claimsCsv, findingsCsv, tableCsv, tableCsvHeader, tableCsvRows, CSV_TABLES, type CsvTable } from './tables.js';
