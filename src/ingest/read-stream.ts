/**
 * A file named on the command line, as a stream of its bytes. A named pipe (`mkfifo p.txt`) with no
 * writer made `narrascope analyze p.txt` hang for good, deaf to Ctrl-C and kill: Node opens files on a
 * libuv worker thread, where open(2) of a FIFO waits for a writer, and a process cannot exit while that
 * thread is stuck. A FIFO is opened without waiting (O_NONBLOCK) and read on the event loop as a pipe
 * socket instead: it still waits for its writer, and for the writer's data and end, as `cat` would, but an
 * interrupt now ends it (130 / 143). Process substitution (`<(curl ...)`, a /dev/fd pipe) and a piped
 * /dev/stdin are FIFOs too and are read the same way.
 */
import { constants, createReadStream, open } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';

export async function openForReading(path: string): Promise<Readable> {
  const info = await stat(path);
  if (!info.isFIFO()) return createReadStream(path);
  const fd = await new Promise<number>((resolve, reject) =>
    // A raw descriptor, not a FileHandle: the socket owns it and closes it when destroyed.
    open(path, constants.O_RDONLY | constants.O_NONBLOCK, (e, opened) => (e ? reject(e) : resolve(opened))),
  );
  return new Socket({ fd, readable: true, writable: false });
}
