/**
 * A download ticket is a bearer secret in a URL path: the request log names the route, never the ticket
 * (src/server/log.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { redactUrl } from '../../src/server/log.js';
import { bearer, testServer, type TestServer } from './helpers.js';
import { withLayers } from './fixtures.js';

let s: TestServer;
const lines: string[] = [];

beforeAll(async () => {
  s = await testServer({
    withStore: true,
    anonymousRead: false,
    analysis: withLayers,
    logger: { stream: { write: (line: string) => void lines.push(line) } },
  });
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/analyse',
    headers: bearer(s.analyst),
    payload: {
      text: 'Harbour myths\n\nMyth: the harbour will poison the bay.\nFact: =SUM(A1:A9) the agency found no change.',
      store: true,
    },
  });
  expect(res.statusCode, lines.join('')).toBe(200);
}, 60_000);
afterAll(() => s.close());

it('logs a ticket download without its ticket', async () => {
  const issued = await s.app.inject({
    method: 'POST',
    url: '/api/export/tickets?format=jsonl',
    headers: bearer(s.viewer),
  });
  const { url } = issued.json() as { url: string };
  const ticket = url.split('/').pop() as string;
  expect(ticket).toHaveLength(43);
  lines.length = 0;
  expect((await s.app.inject({ method: 'GET', url })).statusCode).toBe(200);
  expect((await s.app.inject({ method: 'HEAD', url: `${url}?x=1` })).statusCode).toBe(410);
  const log = lines.join('');
  expect(log).toContain('"url":"/api/export/tickets/[ticket]"');
  expect(log).toContain('"url":"/api/export/tickets/[ticket]?x=1"');
  expect(log).not.toContain(ticket);
});

it('redactUrl leaves other paths as they are', () => {
  expect(redactUrl('/api/export?format=jsonl&q=tickets')).toBe('/api/export?format=jsonl&q=tickets');
  expect(redactUrl('/api/export/tickets')).toBe('/api/export/tickets');
  expect(redactUrl('/api//export/tickets/abc?x')).toBe('/api//export/tickets/[ticket]?x');
  expect(redactUrl('/API/EXPORT/TICKETS/abc')).toBe('/API/EXPORT/TICKETS/[ticket]');
});
