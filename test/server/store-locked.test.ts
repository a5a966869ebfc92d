/**
 * A store locked by another process (a long `narrascope ingest` on the same SQLite file) is a passing
 * condition: the API answers 503 with Retry-After and a message that names no file, never a 500 "bug".
 * The store is opened as `narrascope serve` opens it, so a request waits for the lock only the server's
 * short busy timeout (SERVE_BUSY_TIMEOUT_MS), not the CLI's 30 s during which the whole server would stall.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/index.js';
import { createToken, MemoryTokenStore } from '../../src/server/auth/tokens.js';
import { StoreCorpusService } from '../../src/server/corpus.js';
import type { Store } from '../../src/store/index.js';
import { openServeStore, SERVE_BUSY_TIMEOUT_MS } from '../../src/cli/commands/serve-store.js';
import { bearer, errorOf, sharedAnalysis } from './helpers.js';

let dir: string;
let store: Store;
let app: FastifyInstance;
let analyst: string;
let other: Database.Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-locked-'));
  const file = join(dir, 'corpus.db');
  store = await openServeStore(file);
  const tokens = new MemoryTokenStore();
  analyst = (await createToken(tokens, 'analyst', 'analyst')).secret;
  app = await createServer({ analysis: sharedAnalysis, tokens, corpus: new StoreCorpusService(store), rateLimit: false });
  // Another process writing: it holds the write lock from BEGIN IMMEDIATE until it commits.
  other = new Database(file);
  other.exec('BEGIN IMMEDIATE');
});
afterAll(async () => {
  other?.exec('ROLLBACK');
  other?.close();
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('serves with a busy timeout of about a second, not the CLI\'s 30 s', () => {
  expect(SERVE_BUSY_TIMEOUT_MS).toBeLessThanOrEqual(2000);
  expect(store.readColumn?.('PRAGMA busy_timeout', [])).toEqual([SERVE_BUSY_TIMEOUT_MS]);
});

// Without the short timeout this request waits 30 s for the lock, past the test's time limit.
it('answers a write to a locked store with 503 store-locked and Retry-After', { timeout: 10_000 }, async () => {
  const res = await app.inject({ method: 'POST', url: '/api/analyse', headers: bearer(analyst), payload: { text: 'The council met on Friday and approved the budget.', store: true } });
  expect([res.statusCode, errorOf(res).code, res.headers['retry-after']]).toEqual([503, 'store-locked', '2']);
  expect(errorOf(res).message).toBe('the store is busy (another process is writing); retry shortly');
  expect(res.body).not.toContain(dir);
  // Reads go on: the lock only holds writers back.
  expect((await app.inject({ method: 'GET', url: '/api/documents' })).statusCode).toBe(200);
});

it('answers SQLITE_BUSY met by a read (outside Store.write) the same way, not as a 500', async () => {
  const corpus = new StoreCorpusService(store);
  corpus.search = () => Promise.reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
  const reads = await createServer({ analysis: sharedAnalysis, corpus, rateLimit: false });
  try {
    const res = await reads.inject({ method: 'GET', url: '/api/documents?q=budget' });
    expect([res.statusCode, errorOf(res).code, res.headers['retry-after']]).toEqual([503, 'store-locked', '2']);
  } finally {
    await reads.close();
  }
});
