/** The HTTP API and web app server (see docs/api.md). */
export { createServer } from './app.js';
export type { ServerOptions, ServerLimits } from './options.js';
export { DEFAULT_LIMITS } from './options.js';
export { LocalAnalysisService, type AnalysisService, type AnalyseOptions } from './analysis/service.js';
export { StoreCorpusService, type CorpusService } from './corpus.js';
export { MemoryTokenStore, createToken, ensureAdminToken, type TokenStore, type TokenRecord } from './auth/tokens.js';
export { SqlTokenStore } from './auth/sql-token-store.js';
export { ROLES, type Role } from './auth/roles.js';
