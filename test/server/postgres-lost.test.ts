/**
 * A PostgreSQL store that goes away while the server runs (a database restart, a dropped network): the
 * server used to exit at the first idle connection the database closed ("internal error: Connection
 * terminated unexpectedly"), and reads on a lost or refused connection were 500 "bug" answers. Now the
 * server stays up and answers 503 `store-unavailable` with Retry-After, naming neither the URL nor its
 * password. The database is reached through a TCP relay of our own, which the test closes: PostgreSQL itself
 * is never stopped.
 */
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { PG_BASE, postgresDb, postgresReachable, type TestDb } from '../store/dialects.js';
import { isPostgresUnavailable } from '../../src/store/postgres-pool.js';
import { bearer, errorOf, testServer, type TestServer } from './helpers.js';

const reachable = await postgresReachable();

/** A relay from a local port to the test database; `cut()` closes its connections and stops listening. */
async function relay(target: URL): Promise<{ port: number; cut(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as net.AddressInfo).port;
  const cut = async (): Promise<void> => {
    const closed = new Promise<void>((done) => server.close(() => done()));
    for (const s of sockets) s.destroy();
    await closed;
  };
  return { port, cut, close: () => (server.listening ? cut() : Promise.resolve()) };
}

let db: TestDb;
let link: Awaited<ReturnType<typeof relay>>;
let server: TestServer;
const PASSWORD = 'pw-never-shown-7f3a';
const logLines: string[] = [];

beforeAll(async () => {
  if (!reachable) return;
  db = postgresDb();
  link = await relay(new URL(PG_BASE));
  // The relayed URL, with a password the local server ignores (trust), to see that none is ever shown.
  const url = new URL(db.url);
  url.host = `127.0.0.1:${link.port}`;
  url.username ||= 'root';
  url.password = PASSWORD;
  server = await testServer({
    storeUrl: url.toString(),
    logger: { stream: { write: (line: string) => void logLines.push(line) } },
  });
});
afterAll(async () => {
  await server?.close();
  await link?.close();
  await db?.cleanup();
});

it.skipIf(!reachable)(
  'stays up when the database closes its connections, and answers 503 store-unavailable',
  { timeout: 30_000 },
  async () => {
    const before = await server.app.inject({ method: 'GET', url: '/api/documents' });
    expect(before.statusCode).toBe(200);
    // The pool now holds idle connections; the relay closing them is what the database's restart does.
    await link.cut();
    // An unhandled 'error' event of the pool would end the test process here, before the next request.
    await new Promise((done) => setTimeout(done, 100));
    for (const url of [
      '/api/documents',
      '/api/ledger',
      '/api/claims',
      '/api/timeline/narratives',
      '/api/clusters',
      '/api/documents/abcdef12',
    ]) {
      const res = await server.app.inject({ method: 'GET', url });
      expect([url, res.statusCode, errorOf(res).code, res.headers['retry-after']]).toEqual([
        url,
        503,
        'store-unavailable',
        '5',
      ]);
      expect(res.body).not.toContain(PASSWORD);
      expect(res.body).not.toContain(String(link.port));
    }
    // A token is checked against the store too: a write is the same 503, not a 401 or a 500.
    const write = await server.app.inject({
      method: 'POST',
      url: '/api/analyse',
      headers: bearer(server.analyst),
      payload: { text: 'The council met on Friday.', store: true },
    });
    expect([write.statusCode, errorOf(write).code]).toEqual([503, 'store-unavailable']);
    // The log says why (the server keeps the store's message) but never holds the password.
    expect(logLines.join('')).toContain('store unavailable');
    expect(logLines.join('')).not.toContain(PASSWORD);
  },
);

it('tells a lost or refused connection from a failing query', () => {
  expect(
    isPostgresUnavailable(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' }),
    ),
  ).toBe(true);
  expect(isPostgresUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  expect(
    isPostgresUnavailable(
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ),
  ).toBe(true);
  expect(isPostgresUnavailable(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
  expect(
    isPostgresUnavailable(Object.assign(new Error('relation "documents" does not exist'), { code: '42P01' })),
  ).toBe(false);
  expect(isPostgresUnavailable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(
    false,
  );
  expect(isPostgresUnavailable('ECONNREFUSED')).toBe(false);
});

it.skipIf(!reachable)(
  "answers 503 store-unavailable when the store's schema is dropped under it, not a 500",
  { timeout: 30_000 },
  async () => {
    const gone = postgresDb();
    const s = await testServer({ storeUrl: gone.url });
    try {
      expect((await s.app.inject({ method: 'GET', url: '/api/documents' })).statusCode).toBe(200);
      const admin = new pg.Client({ connectionString: PG_BASE });
      await admin.connect();
      await admin.query(`DROP SCHEMA ${new URL(gone.url).searchParams.get('schema') ?? 'missing'} CASCADE`);
      await admin.end();
      for (const url of [
        '/api/documents',
        '/api/ledger',
        '/api/timeline/techniques',
        '/api/documents/abcdef12',
      ]) {
        const res = await s.app.inject({ method: 'GET', url });
        expect([url, res.statusCode, errorOf(res).code]).toEqual([url, 503, 'store-unavailable']);
      }
    } finally {
      await s.close();
      await gone.cleanup();
    }
  },
);
