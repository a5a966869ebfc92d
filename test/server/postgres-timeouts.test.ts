/**
 * The API over a PostgreSQL store that stops answering, or whose connections are all in use: requests
 * waited without end for a hung server, and a full pool was answered 503 store-unavailable ("cannot be
 * reached") though the database was up. They are now 503 `store-timeout` and 503 `store-busy`, each with
 * Retry-After, and the server serves again once the database answers.
 */
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { postgresDb, postgresReachable, type TestDb } from '../store/dialects.js';
import { freezableRelay, throughRelay, type FreezableRelay } from '../store/freezable-relay.js';
import { errorOf, testServer, type TestServer } from './helpers.js';

const reachable = await postgresReachable();

let db: TestDb | undefined;
let relay: FreezableRelay | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  await relay?.close();
  await db?.cleanup();
  server = relay = db = undefined;
});

it.skipIf(!reachable)('answers 503 store-timeout while the database says nothing, then serves again', { timeout: 30_000 }, async () => {
  db = postgresDb();
  relay = await freezableRelay(new URL(db.url));
  server = await testServer({ storeUrl: `${throughRelay(db.url, relay)}&statement_timeout=100&connect_timeout=2` });
  expect((await server.app.inject({ method: 'GET', url: '/api/documents' })).statusCode).toBe(200);
  relay.freeze();
  const res = await server.app.inject({ method: 'GET', url: '/api/documents' });
  expect([res.statusCode, errorOf(res).code, res.headers['retry-after']]).toEqual([503, 'store-timeout', '5']);
  expect(res.body).not.toContain(String(relay.port));
  relay.thaw();
  expect((await server.app.inject({ method: 'GET', url: '/api/documents' })).statusCode).toBe(200);
});

it.skipIf(!reachable)('answers 503 store-busy, not store-unavailable, while every connection is in use', { timeout: 30_000 }, async () => {
  db = postgresDb();
  server = await testServer({ storeUrl: `${db.url}&connect_timeout=1` });
  const store = server.store;
  if (!store) throw new Error('no store');
  let free: () => void = () => undefined;
  const held = new Promise<void>((done) => (free = done));
  let started = 0;
  const holders = Array.from({ length: 4 }, () =>
    store.db.connection().execute(async (c) => {
      await sql`SELECT 1`.execute(c);
      started++;
      await held;
    }),
  );
  while (started < 4) await new Promise((done) => setTimeout(done, 20));
  const res = await server.app.inject({ method: 'GET', url: '/api/documents' });
  free();
  await Promise.all(holders);
  expect([res.statusCode, errorOf(res).code, res.headers['retry-after']]).toEqual([503, 'store-busy', '2']);
  expect((await server.app.inject({ method: 'GET', url: '/api/documents' })).statusCode).toBe(200);
});
