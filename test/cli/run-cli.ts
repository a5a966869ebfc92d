import { PassThrough, Readable } from 'node:stream';
import type { CliIO } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `narrascope <argv>` in-process with fake streams (fast: no child process, no build). */
export async function runCli(
  argv: readonly string[],
  opts: { stdin?: string | Buffer; cwd?: string; env?: Record<string, string>; tty?: boolean; stdoutTty?: boolean } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  if (opts.tty) Object.assign(stderr, { isTTY: true, columns: 80 });
  if (opts.stdoutTty) Object.assign(stdout, { isTTY: true, columns: 100 });
  const stdin = Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]);
  const io: CliIO = { stdout, stderr, stdin, cwd: opts.cwd ?? process.cwd(), env: { ...opts.env } };
  const code = await main(argv, io);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
