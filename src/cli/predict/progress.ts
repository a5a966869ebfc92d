/**
 * A progress line on a terminal's stderr while a prediction file is made: a few hundred articles take
 * minutes, and before this the command said nothing until it was done. Shown only on a terminal (the
 * analyze command's Progress), so standard output holds the rows alone and logs and pipes stay clean.
 */
import { Progress } from '../analyze/progress.js';
import type { CliIO } from '../command.js';
import { terminalText } from '../terminal-text.js';

/** The progress line; a label (a document name from a mentions file) shows as terminalText shows it. */
export function predictProgress(io: CliIO): Pick<Progress, 'tick' | 'clear'> {
  const progress = Progress.for(io.stderr, false);
  // Progress drops C0 controls only: a C1 control (U+009B is CSI to some terminals) or a bidirectional
  // override in a name from a mentions file reached the terminal as it was.
  return { tick: (label) => progress.tick(terminalText(label)), clear: () => progress.clear() };
}

/** The rows of each input in turn, with the input's name on the progress line; the line is cleared after. */
export function rowsWithProgress<T>(io: CliIO, inputs: readonly T[], name: (input: T) => string, rows: (input: T) => string[]): string[] {
  const progress = predictProgress(io);
  try {
    return inputs.flatMap((input) => {
      progress.tick(name(input));
      return rows(input);
    });
  } finally {
    // Cleared on an error too, so that the message is not printed after a half line.
    progress.clear();
  }
}
