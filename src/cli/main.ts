import { parseArgs } from 'node:util';
import type { CliIO } from './command.js';
import { commands } from './commands/index.js';
import { UserError } from './errors.js';
import { ExitCode } from './exit-codes.js';
import { TOOL_VERSION } from '../version.js';
import { terminalText } from './terminal-text.js';
import { internalErrorReport } from './crash-handler.js';

function globalHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  return [
    `narrascope ${TOOL_VERSION} — structured analysis of information-war texts`,
    '',
    'Usage: narrascope <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `narrascope <command> --help` for the options of a command.',
    'Exit codes: 0 ok, 1 internal error, 2 bad input or usage, 3 some inputs failed, 4 store error, 5 network error.',
  ].join('\n');
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(globalHelp() + '\n');
    return name ? ExitCode.ok : ExitCode.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return ExitCode.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    // The word is quoted escaped (a pasted ESC ]0;...BEL would otherwise retitle the terminal), as other messages are filtered.
    io.stderr.write(terminalText(`narrascope: unknown command ${JSON.stringify(name)}.\nRun \`narrascope --help\` for the list of commands.\n`));
    return ExitCode.usage;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(command.usage.trimEnd() + '\n');
      return ExitCode.ok;
    }
    let parsed;
    try {
      parsed = parseArgs({ args: [...rest], options: command.options, allowPositionals: true, strict: true });
    } catch (e) {
      throw new UserError(`${(e as Error).message}`, `Run \`narrascope ${command.name} --help\` for its options.`);
    }
    return await command.run(parsed, io);
  } catch (e) {
    if (e instanceof UserError) {
      // Messages quote input (a record, a flag value), so they go through the same filter as reports.
      io.stderr.write(terminalText(`narrascope ${entry.name}: ${e.message}\n${e.hint ? `  ${e.hint}\n` : ''}`));
      return e.exitCode;
    }
    const err = e as Error;
    io.stderr.write(internalErrorReport(`narrascope ${entry.name}`, err, Boolean(io.env.NARRASCOPE_DEBUG)));
    return ExitCode.internal;
  }
}
