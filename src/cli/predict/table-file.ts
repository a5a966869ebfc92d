/**
 * The tab-separated input of `predict techniques --spans` and `predict roles --mentions`: a regular file,
 * a pipe (`--spans <(narrascope predict spans ...)`, `--spans /dev/stdin`), or `-` for standard input.
 * Only regular files were read before, so the output of `predict spans` could not be piped into
 * `predict techniques`; a device (/dev/zero, read forever) and a folder are still refused by what they are.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readStreamBytes } from '../../ingest/file-source.js';
import { openForReading } from '../../ingest/read-stream.js';
import type { CliIO } from '../command.js';
import { UserError } from '../errors.js';
import { utf8Text } from './ptc-articles.js';

/** Far above any task's label file (the PTC spans of 371 articles are 0.2 MB), far below a machine's memory. */
const MAX_BYTES = 256 * 1024 * 1024;

/** The UTF-8 text of the file named by `arg` (resolved against the working folder); `what` names it in messages. */
export async function readTableFile(arg: string, io: CliIO, what: string, hint: string): Promise<string> {
  const shown = arg === '-' ? `${what} from standard input` : `${what} "${arg}"`;
  let bytes: Uint8Array;
  if (arg === '-') {
    // Typed rows would wait for an end of input that the user may not know to type.
    if (io.stdin.isTTY === true) throw new UserError(`${shown}: standard input is a terminal`, 'Pipe the rows in, or pass a file.');
    bytes = await readBytes(io.stdin, shown);
  } else {
    const path = resolve(io.cwd, arg);
    const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
      throw new UserError(`${shown} ${e.code === 'ENOENT' ? 'not found' : `cannot be read: ${e.code ?? e.message}`}`, hint);
    });
    if (info.isDirectory()) throw new UserError(`${shown} is a folder, not a file`, hint);
    if (!info.isFile() && !info.isFIFO()) throw new UserError(`${shown} is not a regular file or a pipe`, hint);
    bytes = await readBytes(await openForReading(path), shown);
  }
  // Read leniently, a file in another encoding had its ids turned into U+FFFD (reported as articles that
  // are not in --articles) and its entity strings written back altered.
  const text = utf8Text(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (typeof text !== 'string') throw new UserError(`${shown} is a ${text.problem}`, `${what[0]?.toUpperCase()}${what.slice(1)}s are UTF-8 tab-separated text.`);
  return text;
}

async function readBytes(stream: NodeJS.ReadableStream, shown: string): Promise<Uint8Array> {
  try {
    return await readStreamBytes(stream, MAX_BYTES, shown);
  } catch (e) {
    throw new UserError(`${shown} cannot be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'Check the file, or split it.');
  }
}
