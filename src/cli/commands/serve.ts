import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliCommand } from '../command.js';
import { UserError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { createServer } from '../../server/app.js';
import { availableParallelism } from 'node:os';
import { PooledAnalysisService } from '../../server/analysis/pool-service.js';
import { CachingAnalysisService } from '../../server/analysis/cache.js';
import { LocalAnalysisService, type AnalysisService } from '../../server/analysis/service.js';
import { SqlTokenStore } from '../../server/auth/sql-token-store.js';
import { ensureAdminToken } from '../../server/auth/tokens.js';
import { StoreCorpusService } from '../../server/corpus.js';
import { parseTrustedProxies } from '../../server/trusted-proxies.js';
import { ingestExamplesIfEmpty } from '../../server/examples.js';
import { isStoreError } from '../../store/index.js';
import { openServeStore, SERVE_STATEMENT_TIMEOUT_MS } from './serve-store.js';
import { storeLocation } from '../store-location.js';
import { storeUpgradeNotice } from '../store-upgrade-notice.js';

/** Package root, from src/cli/commands or dist/cli/commands alike. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function intOption(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  // Number('') is 0: an unset variable in "$PORT" picked a random port, in "$RATE" turned the limit off.
  if (typeof value !== 'string' || value.trim() === '') throw new UserError(`--${name} is empty`, `Give an integer from ${min} to ${max}, or leave out --${name} for the default.`);
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UserError(`--${name} must be an integer from ${min} to ${max}, got "${String(value)}"`);
  return n;
}

function trustedProxies(value: string): string[] {
  try {
    return parseTrustedProxies(value);
  } catch (e) {
    throw new UserError((e as Error).message, 'Name the addresses your reverse proxy connects from, e.g. --trust-proxy loopback or --trust-proxy 10.0.0.0/8.');
  }
}

const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'silent'];

/** `narrascope serve`: the HTTP API and the web app over an embedded (or PostgreSQL) store. */
export const serveCommand: CliCommand = {
  name: 'serve',
  usage: `Usage: narrascope serve [options]

Starts the HTTP API and the web app. On first start the store is created, the bundled examples/ are
ingested when it is empty, and an admin API token is printed once (keep it: only its hash is stored).

Options:
  --port N              port to listen on (default 8400; 0 picks a free one)
  --host ADDR           address to bind (default 127.0.0.1; 0.0.0.0 exposes the server to the network)
  --db PATH|URL         SQLite file or postgres:// URL (default ./narrascope.db, or $NARRASCOPE_DB)
  --private             require a token for reads too (default: anonymous reads allowed)
  --no-examples         do not ingest examples/ into an empty store
  --rate-limit N        requests per minute per client (default 600; 0 disables)
  --allow-private-urls  let "analyse URL" fetch loopback/private addresses (off: the server is no proxy)
  --trust-proxy ADDRS   behind a reverse proxy: the addresses it connects from (loopback for one on this
                        machine, IPs, CIDR ranges, comma-separated); their X-Forwarded-For names the
                        client the rate limit counts (default: none, the header is ignored, since any
                        client can write it)
  --web DIR             built web app to serve (default web/dist of the package)
  --workers N           analysis worker threads (default: one per core; 1 analyses in the server thread)
  --statement-timeout S PostgreSQL: seconds one statement of a request may run (default 30; 0 for none;
                        the URL's ?statement_timeout=MS wins), then 503 store-timeout
  --log-level LEVEL     server log on standard error, one JSON line per event: error, warn (default:
                        failures and an unreachable store), info (also every request), debug, or silent

Examples:
  narrascope serve
  narrascope serve --port 9000 --db ./corpus.db --private`,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    private: { type: 'boolean' },
    'no-examples': { type: 'boolean' },
    'rate-limit': { type: 'string' },
    'allow-private-urls': { type: 'boolean' },
    'trust-proxy': { type: 'string' },
    web: { type: 'string' },
    workers: { type: 'string' },
    'log-level': { type: 'string' },
    'statement-timeout': { type: 'string' },
  },
  async run(args, io) {
    const v = args.values;
    if (args.positionals.length > 0) throw new UserError(`unexpected argument "${args.positionals[0]}"`, 'Run `narrascope serve --help`.');
    const port = intOption(v.port, 'port', 0, 65535, 8400);
    const rate = intOption(v['rate-limit'], 'rate-limit', 0, 1_000_000, 600);
    const statementSeconds = intOption(v['statement-timeout'], 'statement-timeout', 0, 86_400, SERVE_STATEMENT_TIMEOUT_MS / 1000);
    const host = typeof v.host === 'string' ? v.host : '127.0.0.1';
    const dbPath = storeLocation(typeof v.db === 'string' ? v.db : undefined, io);
    const webRoot = typeof v.web === 'string' ? v.web : `${ROOT}web/dist`;
    const trustProxy = typeof v['trust-proxy'] === 'string' ? trustedProxies(v['trust-proxy']) : [];
    const logLevel = typeof v['log-level'] === 'string' ? v['log-level'] : 'warn';
    if (!LOG_LEVELS.includes(logLevel)) throw new UserError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
    let store;
    try {
      store = await openServeStore(dbPath, storeUpgradeNotice(io), statementSeconds * 1000);
    } catch (e) {
      if (isStoreError(e)) throw new UserError(e.message, e.hint, ExitCode.store);
      throw e;
    }
    const workers = intOption(v.workers, 'workers', 1, 64, Math.max(1, availableParallelism()));
    const analysis: AnalysisService = new CachingAnalysisService(workers > 1 ? new PooledAnalysisService({ size: workers }) : new LocalAnalysisService());
    const tokens = new SqlTokenStore(store);
    const examples = v['no-examples'] ? null : await ingestExamplesIfEmpty(store, analysis, `${ROOT}examples`);
    if (examples) io.stderr.write(`Ingested ${examples.stored} example document(s) into ${store.location}.\n${examples.failed.map((f) => `  skipped ${f}\n`).join('')}`);
    const app = await createServer({
      analysis,
      corpus: new StoreCorpusService(store),
      tokens,
      anonymousRead: !v.private,
      rateLimit: rate === 0 ? false : { perMinute: rate, burst: Math.max(10, Math.ceil(rate / 5)) },
      webRoot: existsSync(webRoot) ? webRoot : null,
      allowPrivateUrls: Boolean(v['allow-private-urls']),
      trustProxy,
      // An internal error answers "the server log has the details": without a log it had none to give.
      logger: logLevel === 'silent' ? false : { stream: io.stderr, level: logLevel },
    });
    let address: string;
    try {
      address = await app.listen({ port, host });
    } catch (e) {
      await app.close();
      await analysis.close();
      await store.close();
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new UserError(`port ${port} on ${host} is already in use`, 'Pick another with --port, or stop the other server.', ExitCode.usage);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UserError(`cannot bind to ${host}`, 'Use an address of this machine, e.g. 127.0.0.1.', ExitCode.usage);
      throw e;
    }
    // The first admin token is made only once the server is listening: made before a failed listen (a busy
    // port), it was stored but never shown, and later runs, finding one, printed none.
    const adminSecret = await ensureAdminToken(tokens);
    const url = address.replace('://[::1]', '://localhost');
    if (adminSecret) {
      io.stderr.write(`\nAdmin API token (shown once; only its hash is stored — keep it safe):\n  ${adminSecret}\n\n`);
    }
    if (!existsSync(webRoot)) io.stderr.write(`note: no web app build at ${webRoot}; run \`npm run build\` for the browser app. The API works.\n`);
    io.stdout.write(`Narrascope is serving ${store.location}\n  web app:  ${url}/\n  API:      ${url}/api/reference\n${v.private ? '  reads need a token (--private)\n' : ''}Press Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void app
          .close()
          .then(() => analysis.close())
          .then(() => store.close())
          .finally(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return ExitCode.ok;
  },
};
