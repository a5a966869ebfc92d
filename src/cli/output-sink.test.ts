import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openOutputSink } from './output-sink.js';

const dir = mkdtempSync(join(tmpdir(), 'narrascope-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The export's writer in parts (export --corpus --out) had the two defects writeOutput had: a device or
// pipe got a file renamed over it, and a folder under /proc kept the process busy for good.
describe('openOutputSink to special files', () => {
  it.skipIf(process.platform === 'win32')(
    'writes the parts into a named pipe instead of putting a file in its place',
    async () => {
      const fifo = join(dir, 'pipe');
      execFileSync('mkfifo', [fifo]);
      let read = '';
      const reader = new Promise<void>((ok) =>
        createReadStream(fifo)
          .on('data', (d) => (read += String(d)))
          .on('end', ok),
      );
      const late = (): Promise<void> => new Promise((ok) => setTimeout(ok, 3000).unref());
      const write = async (): Promise<void> => {
        const sink = await openOutputSink(fifo, new PassThrough(), dir);
        await sink.write('a,b\n');
        await sink.write('1,2\n');
        await sink.commit();
      };
      await Promise.race([write(), late()]);
      await Promise.race([reader, late()]);
      expect([read, lstatSync(fifo).isFIFO()]).toEqual(['a,b\n1,2\n', true]);
    },
  );

  it.skipIf(!existsSync('/proc/self'))('reports a folder that cannot be made under /proc', () => {
    const require = createRequire(import.meta.url);
    const loader = pathToFileURL(
      join(dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs'),
    ).href;
    const code = `import { openOutputSink } from ${JSON.stringify(new URL('./output-sink.ts', import.meta.url).href)};
      openOutputSink('/proc/narrascope-no-such/out.csv', process.stdout, '/').catch((e) => console.log(e.message));`;
    const out = execFileSync(process.execPath, ['--import', loader, '--input-type=module', '-e', code], {
      timeout: 20_000,
      encoding: 'utf8',
    });
    expect(out).toMatch(/^cannot write \/proc\/narrascope-no-such\/out\.csv: /u);
  });

  it('still writes an ordinary file through a temporary name, making its folders', async () => {
    const sink = await openOutputSink(join('new', 'sub', 'out.csv'), new PassThrough(), dir);
    await sink.write('x\n');
    expect(existsSync(join(dir, 'new', 'sub', 'out.csv'))).toBe(false);
    await sink.commit();
    expect(readFileSync(join(dir, 'new', 'sub', 'out.csv'), 'utf8')).toBe('x\n');
  });
});
