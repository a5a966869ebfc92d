import { open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isatty } from 'node:tty';
import { UserError } from '../errors.js';
import { isSpecialFile, makeFolders, refuseBlankOutput } from '../output-target.js';
import { terminalData } from '../terminal-text.js';

export interface WriteOutputOptions {
  /**
   * The content is data carrying document text (JSON, CSV, HTML, an export), not a report made for the
   * terminal: on a terminal (standard output, or --out /dev/tty), its control characters and
   * bidirectional overrides are shown as spaces (terminalData). Reports that colour their own output
   * (stylish) filter document text themselves and leave this off.
   */
  readonly data?: boolean;
}

/**
 * Writes a command's output to --out FILE (via a temporary file and a rename, so an interrupted run never
 * leaves half a report) or to standard output. A closed pipe (`narrascope ... | head`) is not an error.
 */
export async function writeOutput(
  content: string,
  out: string | undefined,
  stdout: NodeJS.WritableStream & { isTTY?: boolean },
  cwd: string,
  options: WriteOutputOptions = {},
): Promise<void> {
  if (out === undefined || out === '-') {
    stdout.once('error', (e: NodeJS.ErrnoException) => {
      // The reader went away (`| head`): nothing more to say. Any other failure is reported by the exit code.
      if (e.code !== 'EPIPE') process.exitCode = 1;
    });
    stdout.write(options.data && stdout.isTTY === true ? terminalData(content) : content);
    return;
  }
  refuseBlankOutput(out);
  const target = resolve(cwd, out);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    // A device or pipe is written into as it is (output-target.ts).
    if (await isSpecialFile(target)) {
      const handle = await open(target, 'w');
      try {
        await handle.writeFile(options.data && isatty(handle.fd) ? terminalData(content) : content, 'utf8');
      } finally {
        await handle.close();
      }
      return;
    }
    await makeFolders(dirname(target));
    await writeFile(temp, content, 'utf8');
    await rename(temp, target);
  } catch (e) {
    // A failed rename (the target is a folder, say) or write must not leave the temporary file behind.
    await rm(temp, { force: true }).catch(() => undefined);
    throw new UserError(
      `cannot write ${out}: ${(e as Error).message}`,
      'Check that the folder exists and is writable, or leave out --out to print to the terminal.',
    );
  }
}
