import type { CliCommand } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { detectorsCommand } from './detectors.js';
import { explainCommand } from './explain.js';
import { exportCommand } from './export.js';
import { factchecksCommand } from './factchecks.js';
import { matchCommand } from './match.js';
import { predictCommand } from './predict.js';
import { serveCommand } from './serve.js';
import { ingestCommand } from './ingest.js';
import { searchCommand } from './search.js';
import { clustersCommand } from './clusters.js';
import { statsCommand } from './stats.js';
import { watchCommand } from './watch.js';

/** Every sub-command, in the order `narrascope --help` lists them. Add one line per new command file. */
export const commands: readonly CliCommand[] = [analyzeCommand, detectorsCommand, explainCommand, exportCommand, factchecksCommand, matchCommand, predictCommand, serveCommand, ingestCommand, searchCommand, clustersCommand, statsCommand, watchCommand];
