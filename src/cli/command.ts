import type { ParseArgsConfig } from 'node:util';

export interface CliIO {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/** One sub-command of `narrascope`, one file each under cli/commands/. */
export interface CliCommand {
  readonly name: string;
  /** Full usage text for `narrascope <name> --help`. */
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code; throws UserError for bad input. */
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/** A command as `narrascope --help` lists it (cli/commands/index.ts); `load` imports its implementation. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `narrascope --help`. */
  readonly summary: string;
  load(): Promise<CliCommand>;
}
