/**
 * The last line of defence of the `narrascope` process: an exception that escapes every command's own
 * handling (thrown inside a stream callback, say, where `main`'s try/catch cannot see it) is reported as
 * the internal error it is — one message, exit code 1 — instead of Node's stack trace dump.
 */
import { ExitCode } from './exit-codes.js';
import { terminalText } from './terminal-text.js';

interface CrashProcess {
  on(event: 'uncaughtException' | 'unhandledRejection', listener: (error: unknown) => void): unknown;
  exit(code: number): never;
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function installCrashHandler(proc: CrashProcess): void {
  const report = (error: unknown): void => {
    const e = error instanceof Error ? error : new Error(String(error));
    proc.stderr.write(internalErrorReport('narrascope', e, Boolean(proc.env.NARRASCOPE_DEBUG)));
    proc.exit(ExitCode.internal);
  };
  proc.on('uncaughtException', report);
  proc.on('unhandledRejection', report);
}

/**
 * The report of an internal error, for `main` and for the crash handler. An error's message can quote
 * input (a record, a file name, a parser's view of a document), so it goes through the same filter as
 * every other message: terminal escape sequences in a document must not reach the terminal.
 */
export function internalErrorReport(prefix: string, e: Error, debug: boolean): string {
  return terminalText(
    `${prefix}: internal error: ${e.message}\n  This is a bug in Narrascope; please report it with the command you ran.\n${debug ? `${e.stack ?? ''}\n` : '  Set NARRASCOPE_DEBUG=1 for a stack trace.\n'}`,
  );
}
