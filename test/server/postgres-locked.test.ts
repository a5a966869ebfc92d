/**
 * A PostgreSQL store locked by another session (a migration, a TRUNCATE, a long write): requests waited
 * without end for the lock, where on SQLite the server gives up after a second (SERVE_BUSY_TIMEOUT_MS).
 * Opened as `narrascope serve` opens it, the store's statements now wait at most as long, and the API
 * answers 503 `store-locked` with Retry-After, then serves again once the lock is gone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/index.js';
import { createToken, MemoryTokenStore } from '../../src/server/auth/tokens.js';
import { StoreCorpusService } from '../../src/server/corpus.js';
import type { Store } from '../../src/store/index.js';
import { openServeStore } from '../../src/cli/commands/serve-store.js';
import { postgresDb, postgresReachable, type TestDb } from '../store/dialects.js';
import { bearer, errorOf, sharedAnalysis } from './helpers.js';

const reachable = await postgresReachable();

let db: TestDb;
let store: Store;
let app: FastifyInstance;
let analyst: string;
let other: pg.Client;

beforeAll(async () => {
  if (!reachable) return;
  db = postgresDb();
  store = await openServeStore(db.url);
  const tokens = new MemoryTokenStore();
  analyst = (await createToken(tokens, 'analyst', 'analyst')).secret;
  app = await createServer({
    analysis: sharedAnalysis,
    tokens,
    corpus: new StoreCorpusService(store),
    rateLimit: false,
  });
  other = new pg.Client({
    connectionString: db.url.replace(/\?schema=.*$/u, ''),
    options: `-c search_path=${new URL(db.url).searchParams.get('schema') ?? 'public'}`,
  });
  await other.connect();
});
afterAll(async () => {
  await other?.end().catch(() => undefined);
  await app?.close();
  await store?.close();
  await db?.cleanup();
});

// Without the lock timeout, these requests wait until the other session ends: past the test's time limit.
it.skipIf(!reachable)(
  'answers 503 store-locked while another session holds a table lock, then serves again',
  { timeout: 20_000 },
  async () => {
    await other.query('BEGIN');
    await other.query('LOCK TABLE documents IN ACCESS EXCLUSIVE MODE');
    try {
      const read = await app.inject({ method: 'GET', url: '/api/documents' });
      expect([read.statusCode, errorOf(read).code, read.headers['retry-after']]).toEqual([
        503,
        'store-locked',
        '2',
      ]);
      const write = await app.inject({
        method: 'POST',
        url: '/api/analyse',
        headers: bearer(analyst),
        payload: { text: 'The council met on Friday and approved the budget.', store: true },
      });
      expect([write.statusCode, errorOf(write).code]).toEqual([503, 'store-locked']);
      expect(read.body + write.body).not.toContain(db.url);
    } finally {
      await other.query('ROLLBACK');
    }
    expect((await app.inject({ method: 'GET', url: '/api/documents' })).statusCode).toBe(200);
  },
);
