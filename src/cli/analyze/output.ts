import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';

/**
 * Writes a command's output to --out FILE (via a temporary file and a rename, so an interrupted run never
 * leaves half a report) or to standard output. A closed pipe (`narrascope ... | head`) is not an error.
 */
export async function writeOutput(
  content: string,
  out: string | undefined,
  stdout: NodeJS.WritableStream,
  cwd: string,
): Promise<void> {
  if (out === undefined || out === '-') {
    stdout.once('error', (e: NodeJS.ErrnoException) => {
      // The reader went away (`| head`): nothing more to say. Any other failure is reported by the exit code.
      if (e.code !== 'EPIPE') process.exitCode = 1;
    });
    stdout.write(content);
    return;
  }
  const target = resolve(cwd, out);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    // A device, pipe or socket (`--out /dev/stdout`, a named pipe) is written into as it is: the rename
    // put a regular file in its place (as root, `--out /dev/null` replaced the device), or failed for
    // want of a writable /dev.
    if (await isSpecialFile(target)) {
      await writeFile(target, content, 'utf8');
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

async function isSpecialFile(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && !info.isFile() && !info.isDirectory();
}

/**
 * Creates the missing folders of `dir`, one level at a time. Node 20's `mkdir(dir, { recursive: true })`
 * never returns where a folder cannot be made and its parent exists but answers ENOENT (`--out
 * /proc/x/report.json` kept a core busy until killed); one level at a time, that is an error.
 */
async function makeFolders(dir: string): Promise<void> {
  const info = await stat(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (info) return;
  const parent = dirname(dir);
  if (parent !== dir) await makeFolders(parent);
  await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
}
