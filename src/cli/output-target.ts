/**
 * Where --out points, for the two writers of command output (analyze/output.ts writes a whole report,
 * output-sink.ts an export in parts): both write a temporary file and rename it into place, which is
 * right for a file and wrong for a device or a pipe, and both make the missing folders first.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from './errors.js';

/**
 * A device, pipe or socket (`--out /dev/stdout`, `/dev/null`, a named pipe) is written into as it is: a
 * rename put a regular file in its place (as root, `--out /dev/null` replaced the device), or failed for
 * want of a writable /dev, and a reader of a pipe waited for good.
 */
export async function isSpecialFile(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && !info.isFile() && !info.isDirectory();
}

/**
 * Creates the missing folders of `dir`, one level at a time. Node 20's `mkdir(dir, { recursive: true })`
 * never returns where a folder cannot be made and its parent exists but answers ENOENT (`--out
 * /proc/x/report.json` kept a core busy until killed); one level at a time, that is an error.
 */
export async function makeFolders(dir: string): Promise<void> {
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

/**
 * An --out that names no file: empty (an unset variable in "$OUT") resolved to the working folder, and
 * blanks became a file called " " that a listing hardly shows.
 */
export function refuseBlankOutput(out: string): void {
  if (out.trim() === '') throw new UserError('--out is empty', 'Give a file name, or leave out --out to write to standard output.');
}
