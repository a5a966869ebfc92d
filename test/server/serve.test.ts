import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'narrascope-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('narrascope serve: bad options', () => {
  it.each([
    [['serve', '--port', 'abc'], 2, /--port must be an integer/u],
    [['serve', '--port', '70000'], 2, /--port must be an integer/u],
    [['serve', '--workers', '0'], 2, /--workers must be an integer/u],
    [['serve', 'extra'], 2, /unexpected argument "extra"/u],
    [['serve', '--nope'], 2, /Unknown option/iu],
    [['serve', '--trust-proxy', 'yes'], 2, /--trust-proxy: "yes" is not an IP address, a CIDR range or one of loopback/u],
    [['serve', '--log-level', 'loud'], 2, /--log-level must be one of error, warn, info, debug, silent, got "loud"/u],
  ])('%j → exit %i', async (argv, code, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it('a directory given as --db is a store error (exit 4)', async () => {
    const d = join(dir, 'a-directory');
    mkdirSync(d);
    const r = await runCli(['serve', '--db', d, '--port', '0']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/is a directory/u);
  });
});

interface Started {
  readonly url: string;
  readonly stderr: () => string;
  stop(): Promise<number | null>;
}

function start(db: string, extra: readonly string[] = []): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'bin.ts'), 'serve', '--port', '0', '--db', db, '--workers', '1', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /web app:\s+(http:\/\/127\.0\.0\.1:\d+)\//u.exec(out);
      if (m)
        resolve({
          url: m[1] as string,
          stderr: () => err,
          stop: () =>
            new Promise((done) => {
              child.on('exit', (code) => done(code));
              child.kill('SIGTERM');
            }),
        });
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
}

describe('narrascope serve', () => {
  it('--log-level info logs each request as a JSON line on standard error (warn, the default, does not)', async () => {
    const server = await start(join(dir, 'log.db'), ['--log-level', 'info', '--no-examples']);
    try {
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      await expect.poll(() => server.stderr(), { timeout: 10_000 }).toMatch(/"url":"\/api\/health"/u);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const quiet = await start(join(dir, 'log.db'), ['--no-examples']);
    try {
      expect((await fetch(`${quiet.url}/api/health`)).status).toBe(200);
    } finally {
      expect(await quiet.stop()).toBe(0);
    }
    expect(quiet.stderr()).not.toMatch(/"url":/u);
  }, 90_000);

  it('ingests the examples into an empty store, prints an admin token once, serves, and stops on SIGTERM', async () => {
    const db = join(dir, 'serve.db');
    const first = await start(db);
    const health = (await (await fetch(`${first.url}/api/health`)).json()) as { ok: boolean; store: boolean };
    expect(health).toMatchObject({ ok: true, store: true });
    const docs = (await (await fetch(`${first.url}/api/documents`)).json()) as { total: number };
    expect(docs.total).toBeGreaterThanOrEqual(1);
    const token = /Admin API token[^\n]*\n\s+(nsc_\S+)/u.exec(first.stderr())?.[1];
    expect(token).toBeDefined();
    const who = (await (await fetch(`${first.url}/api/whoami`, { headers: { authorization: `Bearer ${token}` } })).json()) as { role: string };
    expect(who.role).toBe('admin');
    expect(await first.stop()).toBe(0);

    const second = await start(db);
    expect(second.stderr()).not.toMatch(/Admin API token|Ingested/u);
    const again = (await (await fetch(`${second.url}/api/documents`)).json()) as { total: number };
    expect(again.total).toBe(docs.total);
    expect(await second.stop()).toBe(0);
  }, 90_000);

  it('a busy port does not use up the first admin token: the next start on a free port prints it', async () => {
    const db = join(dir, 'busy.db');
    const blocker = await start(join(dir, 'blocker.db'), ['--no-examples']);
    const port = new URL(blocker.url).port;
    try {
      const busy = await runCli(['serve', '--db', db, '--port', port, '--workers', '1', '--no-examples']);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toMatch(/already in use/u);
      expect(busy.stderr).not.toMatch(/Admin API token/u);
    } finally {
      expect(await blocker.stop()).toBe(0);
    }
    const next = await start(db, ['--no-examples']);
    try {
      expect(next.stderr()).toMatch(/Admin API token[^\n]*\n\s+nsc_\S+/u);
    } finally {
      expect(await next.stop()).toBe(0);
    }
  }, 90_000);

  it('--trust-proxy loopback: behind a proxy on this machine, X-Forwarded-For names the client the rate limit counts', async () => {
    // --rate-limit 10: a burst of 10 requests per client.
    const server = await start(join(dir, 'proxy.db'), ['--trust-proxy', 'loopback', '--rate-limit', '10', '--no-examples']);
    try {
      const get = async (client: string): Promise<number> => (await fetch(`${server.url}/api/health`, { headers: { 'x-forwarded-for': client } })).status;
      const first: number[] = [];
      for (let i = 0; i < 11; i++) first.push(await get('198.51.100.1'));
      expect(first.filter((c) => c === 429)).toHaveLength(1);
      // Another client behind the same proxy has its own bucket.
      expect(await get('198.51.100.2')).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);
});
