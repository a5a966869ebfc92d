import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutput } from './output.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutput', () => {
  it('reports a target it cannot replace (a folder) and leaves no temporary file behind', async () => {
    mkdirSync(join(dir, 'report'));
    await expect(writeOutput('{}', 'report', new PassThrough(), dir)).rejects.toThrow(/^cannot write report: /u);
    expect(readdirSync(dir)).toEqual(['report']);
  });
});

describe('writeOutput to special files', () => {
  it.skipIf(process.platform === 'win32')('writes into a named pipe instead of putting a file in its place', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    let read = '';
    const reader = new Promise<void>((ok) => createReadStream(fifo).on('data', (d) => (read += String(d))).on('end', ok));
    // The old code renamed a file over the pipe and the reader waited for good: both are raced with a timer.
    const late = (): Promise<void> => new Promise((ok) => setTimeout(ok, 3000).unref());
    await Promise.race([writeOutput('{"report": 1}\n', fifo, new PassThrough(), dir), late()]);
    await Promise.race([reader, late()]);
    expect([read, lstatSync(fifo).isFIFO()]).toEqual(['{"report": 1}\n', true]);
  });

  it.skipIf(!existsSync('/proc/self'))('reports a folder that cannot be made under /proc (mkdir -p never returned)', () => {
    // In a child with a time limit: the old code kept the process busy for good, test runner included.
    const require = createRequire(import.meta.url);
    const loader = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs')).href;
    const code = `import { writeOutput } from ${JSON.stringify(new URL('./output.ts', import.meta.url).href)};
      writeOutput('{}', '/proc/narrascope-no-such/r.json', process.stdout, '/').catch((e) => console.log(e.message));`;
    const out = execFileSync(process.execPath, ['--import', loader, '--input-type=module', '-e', code], { timeout: 20_000, encoding: 'utf8' });
    expect(out).toMatch(/^cannot write \/proc\/narrascope-no-such\/r\.json: /u);
  });

  it('still makes the missing folders of an ordinary path', async () => {
    await writeOutput('x', join('new', 'sub', 'r.txt'), new PassThrough(), dir);
    expect(readFileSync(join(dir, 'new', 'sub', 'r.txt'), 'utf8')).toBe('x');
  });
});
