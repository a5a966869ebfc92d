/**
 * A client that sends a request's headers and then trickles its body (or sends nothing more) no longer
 * holds the connection for ever: fastify sets no request timeout, so such requests stayed open without end
 * and enough of them exhaust a server that faces the network. Now the server answers 408 and closes once
 * `limits.requestMs` (default two minutes) have passed; the time an analysis takes does not count.
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, expect, it } from 'vitest';
import { createServer, DEFAULT_LIMITS } from '../../src/server/index.js';
import { sharedAnalysis } from './helpers.js';
import type { AnalysisService } from '../../src/server/analysis/service.js';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

it('has a request time limit by default', () => {
  expect(DEFAULT_LIMITS.requestMs).toBeGreaterThan(0);
});

it('closes a request whose body never comes', { timeout: 20_000 }, async () => {
  app = await createServer({ analysis: sharedAnalysis, rateLimit: false, limits: { requestMs: 1000 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  expect(app.server.requestTimeout).toBe(1000);
  const socket = net.connect((app.server.address() as net.AddressInfo).port, '127.0.0.1');
  let answer = '';
  socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
  const closed = new Promise<'closed'>((done) => socket.on('close', () => done('closed')));
  socket.write('POST /api/analyse HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"te');
  // Node checks its request timeouts every few seconds (connectionsCheckingInterval); well within 15 s.
  const outcome = await Promise.race([closed, new Promise<'open'>((done) => setTimeout(() => done('open'), 15_000))]);
  socket.destroy();
  expect(outcome).toBe('closed');
  expect(answer).toMatch(/^HTTP\/1\.1 408/u);
});

it('does not count the time the answer takes: a slow analysis of a request received in time is answered', { timeout: 20_000 }, async () => {
  const slow: AnalysisService = {
    presets: sharedAnalysis.presets,
    analyze: async (init, options) => {
      await new Promise((done) => setTimeout(done, 2500));
      return sharedAnalysis.analyze(init, options);
    },
    close: async () => undefined,
  };
  app = await createServer({ analysis: slow, rateLimit: false, limits: { requestMs: 1000 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const res = await fetch(`http://127.0.0.1:${(app.server.address() as net.AddressInfo).port}/api/analyse`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'The council met on Friday and approved the budget.' }),
  });
  expect(res.status).toBe(200);
});
