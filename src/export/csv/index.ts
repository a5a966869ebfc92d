/** CSV export of ledger items, claims and findings (see docs/exports.md). */
export { csvCell, csvRows, toCsv, CSV_BOM, type CsvOptions, type CsvValue } from './csv.js';
export { ledgerCsv, claimsCsv, findingsCsv, tableCsv, tableCsvHeader, tableCsvRows, CSV_TABLES, type CsvTable } from './tables.js';
