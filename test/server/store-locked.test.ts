/**
 * A store locked by another process (a long `narrascope ingest` on the same SQLite file) is a passing
 * condition: the API answers 503 with Retry-After and a message that names no file, never a 500 "bug".
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
import { openStore, type Store } from '../../src/store/index.js';
import { bearer, errorOf, sharedAnalysis } from './helpers.js';

let dir: string;
let store: Store;
let app: FastifyInstance;
let analyst: string;
let other: Database.Database;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-locked-'));
  const file = join(dir, 'corpus.db');
  // A short busy timeout, so the test does not wait the default 30 s for the lock.
  store = await openStore(file, { busyTimeoutMs: 50 });
  const tokens = new MemoryTokenStore();
  analyst = (await createToken(tokens, 'analyst', 'analyst')).secret;
  app = await createServer({ analysis: sharedAnalysis, tokens, corpus: new StoreCorpusService(store), rateLimit: false });
  other = new Database(file);
  other.exec('BEGIN EXCLUSIVE');
});
afterAll(async () => {
  other?.exec('ROLLBACK');
  other?.close();
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('answers a write to a locked store with 503 store-locked and Retry-After', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/analyse', headers: bearer(analyst), payload: { text: 'The council met on Friday and approved the budget.', store: true } });
  expect([res.statusCode, errorOf(res).code, res.headers['retry-after']]).toEqual([503, 'store-locked', '5']);
  expect(res.body).not.toContain(dir);
  // Reads go on: the lock only holds writers back.
  expect((await app.inject({ method: 'GET', url: '/api/documents' })).statusCode).toBe(200);
});
