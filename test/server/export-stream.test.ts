/**
 * GET /api/export streams: the body goes out as the store is read, a batch of documents at a time, in
 * bounded memory whatever the selection's size — never built whole as one string first (on a private server,
 * where every read needs a token, the web app fetches it too). And it is the CLI's export, byte for byte:
 * both run the same encoder (src/export/encoder.ts) over the same stored results.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/index.js';
import { StoreCorpusService } from '../../src/server/corpus.js';
import { openStore, type Store } from '../../src/store/index.js';
import { runCli } from '../cli/run-cli.js';
import { syntheticJsonl } from '../corpus/helpers.js';
import { sharedAnalysis } from './helpers.js';

/** More than one batch of the store's reader (100 documents). */
const DOCUMENTS = 150;

let dir: string;
let db: string;
let store: Store;
let corpus: StoreCorpusService;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'narrascope-export-stream-'));
  db = join(dir, 'corpus.db');
  writeFileSync(join(dir, 'in.jsonl'), syntheticJsonl(0, DOCUMENTS));
  const ingest = await runCli(['ingest', 'in.jsonl', '--db', db, '--workers', '1'], { cwd: dir });
  expect(ingest.code, ingest.stderr).toBe(0);
  store = await openStore(db);
  corpus = new StoreCorpusService(store);
  app = await createServer({ analysis: sharedAnalysis, corpus, rateLimit: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string): Promise<IncomingMessage> {
  const { port } = app.server.address() as AddressInfo;
  return new Promise((resolve, reject) =>
    httpRequest({ host: '127.0.0.1', port, path }, resolve).on('error', reject).end(),
  );
}

it(
  'sends the first documents before the store has read the last ones: chunked, no Content-Length',
  { timeout: 30_000 },
  async () => {
    // The store's batches are held back after the first one until the client has received bytes: an export
    // built whole before sending would never send any, and this test would time out.
    let received!: () => void;
    const clientHasBytes = new Promise<void>((resolve) => (received = resolve));
    let batchesRead = 0;
    let batchesReadAtFirstBytes = -1;
    const original = corpus.exportDocuments.bind(corpus);
    corpus.exportDocuments = async (query, options) => {
      const selection = await original(query, options);
      async function* gated(): AsyncGenerator<
        Awaited<typeof selection.batches extends AsyncGenerator<infer B> ? B : never>
      > {
        for await (const batch of selection.batches) {
          if (batchesRead > 0) await clientHasBytes;
          batchesRead++;
          yield batch;
        }
      }
      return { ...selection, batches: gated() };
    };
    try {
      const res = await get('/api/export?format=jsonl');
      expect(res.statusCode).toBe(200);
      expect(res.headers['transfer-encoding']).toBe('chunked');
      expect(res.headers['content-length']).toBeUndefined();
      const lines: string[] = [];
      let rest = '';
      for await (const chunk of res) {
        if (batchesReadAtFirstBytes < 0) {
          batchesReadAtFirstBytes = batchesRead;
          received();
        }
        const text = rest + (chunk as Buffer).toString('utf8');
        const parts = text.split('\n');
        rest = parts.pop() ?? '';
        lines.push(...parts);
      }
      expect(batchesReadAtFirstBytes).toBe(1);
      expect(batchesRead).toBe(2);
      expect(lines).toHaveLength(DOCUMENTS);
    } finally {
      corpus.exportDocuments = original;
    }
  },
);

describe('is the CLI export, byte for byte', () => {
  it.each([
    ['jsonl', []],
    ['csv', ['ledger']],
    ['csv', ['claims']],
    ['csv', ['findings']],
  ] as const)('%s %j', { timeout: 60_000 }, async (format, table) => {
    const cli = await runCli(
      ['export', format, '--corpus', '--db', db, ...table.flatMap((t) => ['--table', t])],
      { cwd: dir },
    );
    expect(cli.code, cli.stderr).toBe(0);
    const api = await app.inject({
      method: 'GET',
      url: `/api/export?format=${format}${table.map((t) => `&table=${t}`).join('')}`,
    });
    expect(api.statusCode).toBe(200);
    expect(api.headers['x-narrascope-documents']).toBe(String(DOCUMENTS));
    expect(api.rawPayload.equals(Buffer.from(cli.stdout, 'utf8'))).toBe(true);
  });

  it(
    'stix, but for the bundle id (it names the selection) and the export time',
    { timeout: 60_000 },
    async () => {
      const cli = await runCli(['export', 'stix', '--corpus', '--db', db], { cwd: dir });
      expect(cli.code, cli.stderr).toBe(0);
      const api = await app.inject({ method: 'GET', url: '/api/export?format=stix' });
      const normal = (text: string): string => {
        const bundle = JSON.parse(text) as { id: string };
        return text.replaceAll(bundle.id, 'bundle--x').replace(/"modified": ?"[^"]+"/gu, '"modified":"T"');
      };
      expect(normal(api.body)).toBe(normal(cli.stdout));
    },
  );
});
