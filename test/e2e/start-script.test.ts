/**
 * `npm start` (scripts/start.mjs) on a port that is already in use: said at once, exit 2, before it builds,
 * opens the store or ingests the examples. serve found the port busy only after all that, and on a new
 * store it had made the first admin token without ever showing it, so the next start had none to show.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
