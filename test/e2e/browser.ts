/**
 * Shared setup of the browser tests and `npm run screenshots`: Debian's chromium driven by playwright-core
 * (never a downloaded browser), a server on a random loopback port over a fresh in-memory store, and the
 * web app built into web/dist when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext } from 'playwright-core';
import { createServer, type AnalysisService } from '../../src/server/index.js';
import { createToken, MemoryTokenStore } from '../../src/server/auth/tokens.js';
import { StoreCorpusService } from '../../src/server/corpus.js';
import { openStore, type Store } from '../../src/store/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIST = join(ROOT, 'web', 'dist');

/** The chromium executable, or null (tests then skip with a notice). */
export function findChromium(): string | null {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'])
    if (p && existsSync(p)) return p;
  return null;
}

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newest(p) : st.mtimeMs);
  }
  return t;
}

function fresh(): boolean {
  const index = join(WEB_DIST, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, 'web', 'src'));
}

/**
 * Builds web/dist when it is missing or older than web/src, so tests never run a stale app. Test files run
 * in parallel processes (this file's tests and test/web/production-build.test.ts both build), and Vite
 * empties its output directory first, so two builds into web/dist at once left one process serving a
 * half-written app. Builds now take turns (a lock directory, created atomically), each into a directory of
 * its own that then replaces web/dist by renaming, and a process that waited finds the build done.
 */
export function ensureWebBuild(): void {
  if (fresh()) return;
  const lock = join(ROOT, 'web', '.dist-build.lock');
  const waitUntil = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock left by a build that died (older than any build takes) is taken over.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 180_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > waitUntil) throw new Error(`web build: ${lock} is held by another process; remove it if no build is running`, { cause: e });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  const out = join(ROOT, 'web', `.dist-build-${process.pid}`);
  const old = join(ROOT, 'web', `.dist-old-${process.pid}`);
  try {
    if (fresh()) return;
    // vite's package exports do not expose bin/, so resolve its package.json and walk from there.
    const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
    // A production build, as `npm start` would make: vitest sets NODE_ENV=test, under which Vite builds the
    // development JSX runtime (debug data, this machine's absolute source paths), and `npm start` would then
    // serve that bundle as it stands.
    execFileSync(process.execPath, [vite, 'build', join(ROOT, 'web'), '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (existsSync(WEB_DIST)) renameSync(WEB_DIST, old);
    renameSync(out, WEB_DIST);
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
    rmSync(lock, { recursive: true, force: true });
  }
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly url: string;
  readonly context: BrowserContext;
  readonly analyst: string;
  close(): Promise<void>;
}

export async function startHarness(
  executablePath: string,
  analysis: AnalysisService,
  viewport = { width: 1366, height: 860 },
  server: { readonly anonymousRead?: boolean; readonly corpus?: null } = {},
): Promise<Harness> {
  ensureWebBuild();
  const store = await openStore(':memory:');
  const tokens = new MemoryTokenStore();
  const analyst = (await createToken(tokens, 'e2e analyst', 'analyst')).secret;
  const app = await createServer({
    analysis,
    corpus: new StoreCorpusService(store),
    tokens,
    rateLimit: false,
    webRoot: WEB_DIST,
    ...server,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const profile = mkdtempSync(join(tmpdir(), 'narrascope-chromium-'));
  // A fresh profile per run: no state from an earlier run or from the machine's own chromium.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
    reducedMotion: 'reduce',
  });
  return {
    app,
    store,
    url,
    context,
    analyst,
    close: async () => {
      await context.close().catch(() => undefined);
      await app.close();
      await store.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
