/**
 * `npm start` (scripts/start.mjs) on a port that is already in use: said at once, exit 2, before it builds,
 * opens the store or ingests the examples. serve found the port busy only after all that, and on a new
 * store it had made the first admin token without ever showing it, so the next start had none to show.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './browser.js';

describe('npm start on a port in use', () => {
  let busy: Server;
  let port: number;
  let dir: string;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen({ port: 0, host: '127.0.0.1' }, resolve));
    port = (busy.address() as AddressInfo).port;
    dir = mkdtempSync(join(tmpdir(), 'narrascope-start-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([['--port', 'N'], ['--port=N']])(
    '%s: says so and exits 2, leaving no store behind',
    (...form) => {
      const args = form.map((a) => a.replace('N', String(port)));
      const run = spawnSync(
        process.execPath,
        [join(ROOT, 'scripts', 'start.mjs'), ...args, '--db', join(dir, 'new.db')],
        { cwd: dir, encoding: 'utf8', timeout: 300_000 },
      );
      expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(run.stderr).not.toContain('Building');
      expect(run.status).toBe(2);
      expect(readdirSync(dir)).toEqual([]);
    },
    310_000,
  );

  it('probes nothing when serve is only asked for its help, or picks its own port', async () => {
    // Imported by address: a script of plain JavaScript, without types.
    const { probeTarget } = (await import(pathToFileURL(join(ROOT, 'scripts', 'start.mjs')).href)) as {
      probeTarget: (args: string[]) => { port: number; host: string } | null;
    };
    expect(probeTarget([])).toEqual({ port: 8400, host: '127.0.0.1' });
    expect(probeTarget(['--port', '9000', '--host=0.0.0.0'])).toEqual({ port: 9000, host: '0.0.0.0' });
    expect(probeTarget(['--help'])).toBeNull();
    expect(probeTarget(['--port', '9000', '-h'])).toBeNull();
    expect(probeTarget(['--port=0'])).toBeNull();
    expect(probeTarget(['--port', 'abc'])).toBeNull();
  });

  it('builds again after a build that failed or was stopped (dist/cli/bin.js written, the rest not)', async () => {
    const { needsBuild } = (await import(pathToFileURL(join(ROOT, 'scripts', 'start.mjs')).href)) as {
      needsBuild: (dir: string) => boolean;
    };
    const tree = mkdtempSync(join(tmpdir(), 'narrascope-start-tree-'));
    try {
      const file = (path: string, seconds: number): void => {
        mkdirSync(join(tree, path, '..'), { recursive: true });
        writeFileSync(join(tree, path), '');
        utimesSync(join(tree, path), seconds, seconds);
      };
      file('src/cli/bin.ts', 1000);
      file('web/src/main.tsx', 1000);
      file('web/dist/index.html', 2000);
      // tsc wrote bin.js, then the build failed (a type error) or was stopped: no mark of a finished build.
      file('dist/cli/bin.js', 2000);
      expect(needsBuild(tree)).toBe(true);
      file('dist/.build-complete', 2000);
      expect(needsBuild(tree)).toBe(false);
      // Sources changed since.
      file('src/cli/bin.ts', 3000);
      expect(needsBuild(tree)).toBe(true);
      file('dist/.build-complete', 4000);
      file('web/src/main.tsx', 5000);
      expect(needsBuild(tree)).toBe(true);
    } finally {
      rmSync(tree, { recursive: true, force: true });
    }
  });
});
