import type { FastifyInstance } from 'fastify';
import type { AnalysisService } from './analysis/service.js';
import type { TokenStore } from './auth/tokens.js';
import type { CorpusService } from './corpus.js';
import type { ServerLimits } from './options.js';
import type { RouteSpec, RouteTable } from './route.js';

/** What every routes file receives. */
export interface ServerContext {
  readonly app: FastifyInstance;
  readonly limits: ServerLimits;
  readonly analysis: AnalysisService;
  readonly corpus: CorpusService | null;
  readonly tokens: TokenStore;
  readonly anonymousRead: boolean;
  readonly table: RouteTable;
  readonly allowPrivateUrls: boolean;
  readonly fetch?: typeof fetch;
  route<P, Q, B>(spec: RouteSpec<P, Q, B>): void;
}
