/**
 * `narrascope serve` on PostgreSQL kept the store's statement timeout of 2 minutes, made for commands: a
 * request could hold one of the pool's four connections that long while the other clients waited. The
 * server now opens the store with 30 s (`--statement-timeout SECONDS`, 0 for none; the URL's
 * `?statement_timeout=MS` still wins). An empty value (an unset variable in "$T") was read as 0 by the
 * serve options, which turned a limit off or picked a random port: it is refused.
 */
import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as StoreModule from '../../src/store/index.js';
import type { OpenStoreOptions, Store } from '../../src/store/index.js';
import { openServeStore, SERVE_STATEMENT_TIMEOUT_MS } from '../../src/cli/commands/serve-store.js';
import { postgresDb, postgresReachable, type TestDb } from '../store/dialects.js';
import { runCli } from './run-cli.js';

const opened = vi.hoisted(() => [] as { location: string; options: OpenStoreOptions | undefined }[]);

// The real openStore, except that a store named not-opened.db is refused once its options are recorded,
// so that `serve` stops there (exit 4) instead of starting a server.
vi.mock('../../src/store/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof StoreModule>();
  return {
    ...real,
    openStore: (location: string, options?: OpenStoreOptions): Promise<Store> => {
      opened.push({ location, options });
      if (location.endsWith('not-opened.db')) return Promise.reject(new real.StoreError('missing', 'stopped by the test'));
      return real.openStore(location, options);
    },
  };
});

const serve = async (...extra: string[]): Promise<{ code: number; stderr: string; options: OpenStoreOptions | undefined }> => {
  opened.length = 0;
  const run = await runCli(['serve', '--db', '/nowhere/not-opened.db', '--no-examples', '--log-level', 'silent', ...extra]);
  return { code: run.code, stderr: run.stderr, options: opened[0]?.options };
};

describe('serve --statement-timeout', () => {
  it('opens the store with 30 s by default, and with the seconds given', async () => {
    expect(SERVE_STATEMENT_TIMEOUT_MS).toBe(30_000);
    const byDefault = await serve();
    expect(byDefault.code).toBe(4);
    expect(byDefault.options?.statementTimeoutMs).toBe(30_000);
    expect((await serve('--statement-timeout', '5')).options?.statementTimeoutMs).toBe(5000);
    expect((await serve('--statement-timeout', '0')).options?.statementTimeoutMs).toBe(0);
  });

  it.each([[['--statement-timeout', '']], [['--statement-timeout=-1']], [['--statement-timeout', '1.5']], [['--port', '']], [['--rate-limit', ' ']]])(
    '%j is refused (exit 2) before the store is opened',
    async (extra) => {
      const run = await serve(...extra);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--(statement-timeout|port|rate-limit) (is empty|must be an integer)/u);
      expect(opened).toEqual([]);
    },
  );

  it('is documented in serve --help', async () => {
    expect((await runCli(['serve', '--help'])).stdout).toContain('--statement-timeout');
  });
});

const reachable = await postgresReachable();
let db: TestDb | undefined;
afterAll(async () => db?.cleanup());

describe.skipIf(!reachable)('a PostgreSQL store opened as serve opens it', () => {
  it("gives its connections PostgreSQL's statement_timeout of 30 s", async () => {
    db = postgresDb();
    const store = await openServeStore(db.url);
    try {
      const shown = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(store.db);
      expect(shown.rows[0]?.statement_timeout).toBe('30s');
    } finally {
      await store.close();
    }
  });
});
