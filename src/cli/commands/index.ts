import type { CliCommand } from '../command.js';
import { predictCommand } from './predict.js';
import { serveCommand } from './serve.js';

/** Every sub-command, in the order `narrascope --help` lists them. Add one line per new command file. */
export const commands: readonly CliCommand[] = [predictCommand, serveCommand];
