/**
 * A named pipe given by name (`mkfifo p.txt; narrascope ingest p.txt`) with no writer yet: Node opened it
 * on a libuv worker thread, where open(2) waits for a writer, and the process could not exit while that
 * thread was stuck: Ctrl-C printed the interruption notice and the process stayed, until `kill -9`. A
 * FIFO is now opened without waiting and read on the event loop: it still waits for its writer and reads
 * what it writes, and an interrupt ends it (exit 130).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileBytes } from '../../src/ingest/file-source.js';
import { utf8Chunks } from '../../src/ingest/utf8-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-fifo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const canFifo = process.platform === 'linux' && spawnSync('mkfifo', [join(dir, 'probe')]).status === 0;
const BIN = new URL('../../src/cli/bin.ts', import.meta.url).pathname;

function fifo(name: string): string {
  const path = join(dir, name);
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
  return path;
}

/** A writer that opens the pipe (waiting for its reader, as writers do) and writes `text` into it. */
function writeInto(path: string, text: string): ChildProcess {
  return spawn('sh', ['-c', 'printf %s "$1" > "$0"', path, text], { stdio: 'ignore' });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Whether process `pid` has `path` open, or waits in open(2) for a FIFO's writer (the old code). */
function waitsOn(pid: number, path: string): boolean {
  const fds = readdirSync(`/proc/${pid}/fd`).map((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      return '';
    }
  });
  const tasks = readdirSync(`/proc/${pid}/task`).map((t) => {
    try {
      return readFileSync(`/proc/${pid}/task/${t}/wchan`, 'utf8');
    } catch {
      return '';
    }
  });
  return fds.includes(path) || tasks.includes('wait_for_partner');
}

describe.skipIf(!canFifo)('a named pipe as an input', () => {
  it('is read once its writer comes, as a file and as JSON Lines chunks', async () => {
    const path = fifo('late-writer.txt');
    const reading = readFileBytes(path, 1024);
    await sleep(50);
    writeInto(path, 'Myth: the ferry stopped.');
    expect(Buffer.from(await reading).toString('utf8')).toBe('Myth: the ferry stopped.');

    const jsonl = fifo('records.jsonl');
    writeInto(jsonl, '{"text":"one"}\n');
    const chunks: Buffer[] = [];
    for await (const chunk of utf8Chunks(jsonl, undefined)) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('{"text":"one"}\n');
  });

  it('without a writer, waits, and Ctrl-C ends `narrascope ingest` (exit 130)', async () => {
    const path = fifo('no-writer.txt');
    const child = spawn(process.execPath, ['--import', 'tsx', BIN, 'ingest', path, '--db', join(dir, 'c.db')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // Bounded waits (not a measure of speed): the CLI loads in a few seconds, however busy the machine.
      for (let i = 0; i < 600 && child.exitCode === null && !waitsOn(child.pid as number, path); i++) await sleep(100);
      expect(child.exitCode).toBeNull();
      child.kill('SIGINT');
      const code = await Promise.race([exited, sleep(30_000).then(() => 'still running')]);
      expect(code).toBe(130);
      expect(stderr).toContain('narrascope ingest: interrupted');
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});
