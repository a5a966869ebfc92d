/**
 * Ctrl-C (or kill) during a long store write: the process ended with exit code 130 and not a word, so
 * the analyst could not tell what was kept. Committed documents are kept (each write is a transaction,
 * and the one in flight is rolled back), and running the same command again goes on where it stopped;
 * this says so before exiting.
 */
import type { CliIO } from './command.js';

export function interruptNotice(
  io: Pick<CliIO, 'stderr'>,
  command: string,
  stored: () => number,
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    const n = stored();
    io.stderr.write(
      `\nnarrascope ${command}: interrupted; ${n.toLocaleString('en')} document${n === 1 ? '' : 's'} stored before the interruption ${n === 1 ? 'is' : 'are'} kept. Run the same command again to go on: documents already stored are not analysed again.\n`,
    );
    exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
