import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createServer, type ServerOptions } from '../../src/server/index.js';
import { LocalAnalysisService } from '../../src/server/analysis/service.js';
import { createToken, MemoryTokenStore, type TokenStore } from '../../src/server/auth/tokens.js';
import { SqlTokenStore } from '../../src/server/auth/sql-token-store.js';
import { StoreCorpusService } from '../../src/server/corpus.js';
import { openStore, type Store } from '../../src/store/index.js';

/** One analyser for all server tests: building it (language model, registry) is the slow part. */
export const sharedAnalysis = new LocalAnalysisService();

export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: Store | null;
  readonly tokens: TokenStore;
  readonly admin: string;
  readonly analyst: string;
  readonly viewer: string;
  close(): Promise<void>;
}

export async function testServer(options: Partial<ServerOptions> & { withStore?: boolean; storeUrl?: string } = {}): Promise<TestServer> {
  const store = options.storeUrl ? await openStore(options.storeUrl) : options.withStore ? await openStore(':memory:') : null;
  const tokens = store ? new SqlTokenStore(store) : new MemoryTokenStore();
  const admin = (await createToken(tokens, 'test admin', 'admin')).secret;
  const analyst = (await createToken(tokens, 'test analyst', 'analyst')).secret;
  const viewer = (await createToken(tokens, 'test viewer', 'viewer')).secret;
  const { withStore: _w, storeUrl: _u, ...serverOptions } = options;
  const app = await createServer({ analysis: sharedAnalysis, tokens, corpus: store ? new StoreCorpusService(store) : null, rateLimit: false, ...serverOptions });
  return {
    app,
    store,
    tokens,
    admin,
    analyst,
    viewer,
    close: async () => {
      await app.close();
      await store?.close();
    },
  };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export function errorOf(res: LightMyRequestResponse): { code: string; message: string; hint?: string } {
  return (res.json() as { error: { code: string; message: string; hint?: string } }).error;
}

export const MYTH_FACT = `Ten myths about the harbour project

Myth 1: The harbour will poison the bay.
Fact: The environmental agency measured the water in 2024 and found no change.

Myth 2: The mayor profits from the contract.
Fact: The contract was awarded by open tender, according to the public register.
`;
