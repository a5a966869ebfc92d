import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBytes } from './limits.js';
import { openForReading } from './read-stream.js';
import { InputError } from './types.js';

function tooLarge(label: string, size: number | string, maxBytes: number): InputError {
  return new InputError(
    'too-large',
    `${label} is ${typeof size === 'number' ? formatBytes(size) : size}, over the limit of ${formatBytes(maxBytes)}`,
    'Split the text into smaller files, or raise the limit with --max-bytes (e.g. --max-bytes 64MB).',
  );
}

/** Reads a file's bytes, refusing it before reading when it is over the limit; `label` is the path as the user gave it. */
export async function readFileBytes(path: string, maxBytes: number, label = path): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw fsError(label, e);
  }
  if (info.isDirectory())
    throw new InputError(
      'unreadable',
      `${label} is a directory`,
      'Pass the directory itself to analyse every supported file in it.',
    );
  if (info.size > maxBytes) throw tooLarge(label, info.size, maxBytes);
  // Pipes, devices and /proc files report size 0: read them as a stream, still bounded by the limit.
  if (!info.isFile() || info.size === 0) {
    try {
      return await readStreamBytes(await openForReading(path), maxBytes, label);
    } catch (e) {
      throw e instanceof InputError ? e : fsError(label, e);
    }
  }
  let handle;
  try {
    handle = await open(path, 'r');
    // Read to the end, at most maxBytes + 1 so a file that grows while we read still cannot exceed the
    // limit. A file that grew after stat (a log being written, a download in progress) was cut at its old
    // size plus one byte, mid-character or mid-sentence, and analysed so without a word: the buffer grows.
    let buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        const bigger = Buffer.alloc(Math.min(2 * buffer.length, maxBytes + 1));
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      if (filled > maxBytes) throw tooLarge(label, `more than ${formatBytes(maxBytes)}`, maxBytes);
    }
    return buffer.subarray(0, filled);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw fsError(label, e);
  } finally {
    await handle?.close();
  }
}

/** Reads a stream (stdin) up to the limit; over it, stops reading and fails. */
export async function readStreamBytes(
  stream: NodeJS.ReadableStream,
  maxBytes: number,
  label = 'standard input',
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += buf.length;
    if (total > maxBytes) throw tooLarge(label, `more than ${formatBytes(maxBytes)}`, maxBytes);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Lists the files under a directory, recursively, sorted, skipping hidden entries and node_modules. */
export async function listFiles(dir: string): Promise<string[]> {
  return (await walkFolder(dir)).files;
}

/**
 * The files under a directory, recursively, sorted, skipping hidden entries and node_modules; and the
 * entries passed over that a user may have meant to be read: a link that leads nowhere (its target gone, a
 * loop of links) and anything that is not a file (a FIFO, a socket, a device), with the reason. Those were
 * left out without a word, so `ingest folder/` reported fewer documents than the folder seemed to hold.
 */
export async function walkFolder(dir: string): Promise<{ files: string[]; passed: { path: string; reason: string }[] }> {
  const out: string[] = [];
  const passed: { path: string; reason: string }[] = [];
  const pending: string[] = [dir];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (e) {
      throw fsError(current, e);
    }
    const subdirs: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) subdirs.push(path);
      else if (entry.isFile()) out.push(path);
      else if (entry.isSymbolicLink()) {
        // A link to a file is read; a link to a folder is not followed (it could loop).
        const target = await stat(path).catch((e: NodeJS.ErrnoException) => e);
        if (target instanceof Error) passed.push({ path, reason: target.code === 'ELOOP' ? 'a loop of symbolic links' : target.code === 'ENOENT' ? 'a symbolic link whose target does not exist' : `a symbolic link that cannot be followed (${target.code ?? target.message})` });
        else if (target.isFile()) out.push(path);
        else if (!target.isDirectory()) passed.push({ path, reason: 'a link to something that is not a file (a device, FIFO or socket)' });
      } else passed.push({ path, reason: 'not a file (a device, FIFO or socket)' });
    }
    pending.push(...subdirs.sort().reverse());
  }
  const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return { files: out.sort(byPath), passed: passed.sort((a, b) => byPath(a.path, b.path)) };
}

export function fsError(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT')
    return new InputError(
      'not-found',
      `${path}: no such file or directory`,
      'Check the path; relative paths are resolved from the current directory.',
    );
  if (code === 'EACCES' || code === 'EPERM')
    return new InputError('unreadable', `${path}: permission denied`, 'Check the file permissions.');
  if (code === 'EISDIR') return new InputError('unreadable', `${path} is a directory`);
  return new InputError('unreadable', `${path}: cannot be read (${(e as Error).message})`);
}

/** A file of a folder: its path, and the name it is reported by (under the folder as the user wrote it). */
export interface FolderFile {
  readonly file: string;
  readonly shown: string;
}

/**
 * The files of the folder `spec` (resolved to `path`) as the readers walk it (`readInput`, and ingest's
 * sources, which stream JSONL and CSV files): each with its shown name, or one error when the folder cannot
 * be listed.
 */
export async function folderFiles(
  spec: string,
  path: string,
): Promise<{ readonly files: readonly FolderFile[]; readonly passed: readonly (FolderFile & { readonly reason: string })[] } | { readonly error: InputError }> {
  let walked;
  try {
    walked = await walkFolder(path);
  } catch (e) {
    return { error: e instanceof InputError ? e : fsError(spec, e) };
  }
  const base = spec.replace(/[\\/]+$/u, '');
  const shown = (file: string): string => `${base}${file.slice(path.length)}`;
  return {
    files: walked.files.map((file) => ({ file, shown: shown(file) })),
    passed: walked.passed.map((p) => ({ file: p.path, shown: shown(p.path), reason: p.reason })),
  };
}
