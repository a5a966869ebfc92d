import { once } from 'node:events';
import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isatty } from 'node:tty';
import { UserError } from './errors.js';
import { isSpecialFile, makeFolders, refuseBlankOutput } from './output-target.js';
import { terminalData } from './terminal-text.js';

/**
 * Output written in parts (a large export), to --out FILE or standard output. A file is written to a
 * temporary name and renamed into place only by `commit`, so a failed or interrupted export never leaves a
 * truncated file that looks complete (`abort`, SIGINT and SIGTERM remove the temporary file). Writes wait when the reader is
 * slow (back-pressure), so memory does not grow with the output; a reader that goes away (`| head`) ends
 * the output quietly, as in `writeOutput`.
 */
export interface OutputSink {
  write(text: string): Promise<void>;
  /** Finishes the output (renames the file into place). */
  commit(): Promise<void>;
  /** Drops a partly written file. */
  abort(): Promise<void>;
  /** True once the reader of standard output went away: nothing more needs producing. */
  readonly closed: boolean;
}

/**
 * Opens --out FILE or standard output. What is written is data carrying document text (an export): on a
 * terminal (standard output, or --out /dev/tty) its control characters and bidirectional overrides are
 * shown as spaces (terminalData); a file or a pipe gets it byte for byte.
 */
export async function openOutputSink(out: string | undefined, stdout: NodeJS.WritableStream & { isTTY?: boolean }, cwd: string): Promise<OutputSink> {
  if (out === undefined || out === '-') return stdoutSink(stdout, stdout.isTTY === true);
  refuseBlankOutput(out);
  return fileSink(out, cwd);
}

function stdoutSink(stdout: NodeJS.WritableStream, terminal: boolean): OutputSink {
  let closed = false;
  const onError = (e: NodeJS.ErrnoException): void => {
    closed = true;
    // The reader went away (`| head`): nothing more to say. Any other failure is reported by the exit code.
    if (e.code !== 'EPIPE') process.exitCode = 1;
  };
  stdout.on('error', onError);
  return {
    get closed() {
      return closed;
    },
    async write(text) {
      if (closed || !text) return;
      if (!stdout.write(terminal ? terminalData(text) : text)) await drained(stdout);
    },
    async commit() {
      stdout.off('error', onError);
    },
    async abort() {
      stdout.off('error', onError);
    },
  };
}

async function fileSink(out: string, cwd: string): Promise<OutputSink> {
  const target = resolve(cwd, out);
  const fail = (e: unknown): UserError =>
    new UserError(`cannot write ${out}: ${(e as Error).message}`, 'Check that the folder exists and is writable, or leave out --out to print to the terminal.');
  // A device or pipe (`/dev/stdout`, a named pipe) is written into as it is, with nothing to rename or
  // remove (output-target.ts); a file goes to a temporary name first.
  let device: boolean;
  let file: WriteStream;
  let written: string;
  try {
    device = await isSpecialFile(target);
    if (!device) await makeFolders(dirname(target));
    written = device ? target : `${target}.${process.pid}.tmp`;
    file = createWriteStream(written, { encoding: 'utf8' });
    await once(file, 'open');
  } catch (e) {
    throw fail(e);
  }
  const temp = device ? null : written;
  // --out /dev/tty (or /dev/stdout on a terminal) is a terminal too.
  const fd = (file as unknown as { fd?: unknown }).fd;
  const terminal = device && typeof fd === 'number' && isatty(fd);
  let failure: Error | null = null;
  file.on('error', (e) => (failure = e));
  // Interrupted (Ctrl-C, kill): the temporary file goes too, so that nothing half-written is left behind.
  const onSignal = (signal: NodeJS.Signals): void => {
    if (temp) rmSync(temp, { force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const release = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return {
    closed: false,
    async write(text) {
      if (failure) throw fail(failure);
      if (!text) return;
      if (!file.write(terminal ? terminalData(text) : text)) await drained(file);
      if (failure) throw fail(failure);
    },
    async commit() {
      release();
      try {
        if (failure) throw failure;
        await new Promise<void>((res, rej) => file.end((e?: Error | null) => (e ? rej(e) : res())));
        if (temp) await rename(temp, target);
      } catch (e) {
        if (temp) await rm(temp, { force: true });
        throw fail(e);
      }
    },
    async abort() {
      release();
      file.destroy();
      if (temp) await rm(temp, { force: true });
    },
  };
}

/** Resolves when the stream can take more, or has failed or closed (a closed pipe must not hang us). */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((res) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      stream.off('close', done);
      res();
    };
    stream.on('drain', done);
    stream.on('error', done);
    stream.on('close', done);
  });
}
