/**
 * Where --out points, for the two writers of command output (analyze/output.ts writes a whole report,
 * output-sink.ts an export in parts): both write a temporary file and rename it into place, which is
 * right for a file and wrong for a device or a pipe, and both make the missing folders first.
 */
import { mkdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
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

/**
 * Refuses an --out that is one of the command's own inputs, or a file an input folder's search would
 * read, before any work: `analyze notes.txt -o notes.txt` and `export jsonl --results r.json -o r.json` read the file,
 * then replaced it with the report, the document itself lost. Paths are compared after following
 * links; an --out that does not exist yet, a device (`/dev/stdout`), standard input and URLs are no input
 * it could overwrite.
 */
export async function refuseOutputOverInput(
  out: string | undefined,
  inputs: readonly (string | undefined)[],
  cwd: string,
  /** Whether a file found in an input folder is read (by its name); without it, folders are not looked into. */
  readFromFolder?: (path: string) => boolean,
): Promise<void> {
  if (out === undefined || out === '-' || out.trim() === '') return;
  await refuseFolderOutput(out, cwd);
  const target = await realpath(resolve(cwd, out)).catch(() => null);
  if (target === null || (await isSpecialFile(target))) return;
  for (const input of inputs) {
    if (input === undefined || input === '-' || input.trim() === '' || /^[a-z][a-z0-9+.-]*:\/\//iu.test(input)) continue;
    const source = await realpath(resolve(cwd, input)).catch(() => null);
    if (source === null) continue;
    const info = await stat(source).catch(() => null);
    const inside =
      info?.isDirectory() === true &&
      readFromFolder !== undefined &&
      readFromFolder(target) &&
      target.startsWith(source.endsWith(sep) ? source : `${source}${sep}`);
    if (source === target || inside) {
      throw new UserError(
        `--out ${out} ${inside ? `is inside the input folder ${input}` : `is the input ${input}`}: it would be read and then overwritten`,
        'Write the output to another file (outside the input folders), or leave out --out to print it.',
      );
    }
  }
}

/**
 * Refuses an --out that is the SQLite store the command reads (or its journal): `export jsonl --corpus
 * --db c.db -o c.db` and `factchecks list --db c.db -o c.db` renamed their output over the open database,
 * and the whole corpus was gone (exit 0). A PostgreSQL store is no file.
 */
export async function refuseOutputOverStore(out: string | undefined, store: string, cwd: string): Promise<void> {
  if (out === undefined || out === '-' || out.trim() === '') return;
  await refuseFolderOutput(out, cwd);
  if (/^[a-z][a-z0-9+.-]*:\/\//iu.test(store)) return;
  const target = await realpath(resolve(cwd, out)).catch(() => null);
  if (target === null || (await isSpecialFile(target))) return;
  const file = resolve(cwd, store);
  const real = await realpath(file).catch(() => file);
  if ([real, `${real}-wal`, `${real}-shm`, `${real}-journal`].includes(target))
    throw new UserError(`--out ${out} is the store ${store}${target === real ? '' : ` (${target.slice(real.length + 1)} file)`}: writing there would destroy the corpus`, 'Write the output to another file, or leave out --out to print it.');
}

/**
 * An --out that is a folder (`-o reports/`) failed only when the output was written, after all the work,
 * as "EISDIR ... rename" with the hint to check that the folder exists. It is refused first.
 */
async function refuseFolderOutput(out: string, cwd: string): Promise<void> {
  const info = await stat(resolve(cwd, out)).catch(() => null);
  if (info?.isDirectory() === true)
    throw new UserError(`--out ${out} is a folder`, `Give the name of a file to write, e.g. --out ${join(out, 'report.json')}.`);
}
