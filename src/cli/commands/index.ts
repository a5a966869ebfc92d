/**
 * Every sub-command, in the order `narrascope --help` lists them: its name and one-line summary here, its
 * implementation loaded only when it runs. Loading all of them would import the web server, the database
 * drivers and the exporters for every call, which made `narrascope analyze` start ~1 s later.
 * Add one entry per new command file.
 */
import type { CommandEntry } from '../command.js';

export const commands: readonly CommandEntry[] = [
  { name: 'analyze', summary: 'analyse files, directories, URLs or standard input and print a report', load: async () => (await import('./analyze.js')).analyzeCommand },
  { name: 'detectors', summary: 'list the detectors with their family, cost, stability, languages and default state', load: async () => (await import('./detectors.js')).detectorsCommand },
  { name: 'explain', summary: 'describe one detector: what it finds, taxonomy mapping, messages, options, examples, limits', load: async () => (await import('./explain.js')).explainCommand },
  { name: 'export', summary: 'export analyses as ClaimReview JSON-LD, a STIX 2.1 bundle (DISARM), or CSV tables', load: async () => (await import('./export.js')).exportCommand },
  { name: 'factchecks', summary: 'import ClaimReview / CSV fact-checks into the library that `match` searches; list or count it', load: async () => (await import('./factchecks.js')).factchecksCommand },
  { name: 'match', summary: 'find earlier fact-checks for a claim, a document or every stored claim; TREC run files', load: async () => (await import('./match.js')).matchCommand },
  { name: 'predict', summary: 'benchmark adapters: write shared-task prediction files (spans, techniques, paragraphs, narratives, roles)', load: async () => (await import('./predict.js')).predictCommand },
  { name: 'serve', summary: 'serve the web app and HTTP API (analyse, corpus, exports) on http://127.0.0.1:PORT', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'ingest', summary: 'analyse documents (files, folders, JSONL, CSV, RSS/Atom feeds, URLs) and store them in a corpus', load: async () => (await import('./ingest.js')).ingestCommand },
  { name: 'search', summary: 'search the corpus: full text with outlet, date, language, technique, narrative, entity and ledger filters; facets', load: async () => (await import('./search.js')).searchCommand },
  { name: 'clusters', summary: 'near-duplicate (republication) and same-claim clusters across outlets, with first seen and spread', load: async () => (await import('./clusters.js')).clustersCommand },
  { name: 'stats', summary: 'narrative and technique counts by outlet × week, first appearances, top outlets (table, CSV or JSON)', load: async () => (await import('./stats.js')).statsCommand },
  { name: 'watch', summary: 'watchlists: claims (typed, or from a document\'s ledger) checked on every ingest; first appearance, outlets, counts', load: async () => (await import('./watch.js')).watchCommand },
];
