/**
 * The server under load, in its own process (so the load generator does not share its event loop):
 * `narrascope serve`'s configuration (worker pool + result cache) without a store, rate limiting off (every client of the test comes
 * from one address, which the limiter would rightly throttle), listening on 127.0.0.1 only.
 * Prints `port N` when ready.
 */
import { createServer } from '../../src/server/index.js';
import { PooledAnalysisService } from '../../src/server/analysis/pool-service.js';
import { LocalAnalysisService, type AnalysisService } from '../../src/server/analysis/service.js';
import { CachingAnalysisService } from '../../src/server/analysis/cache.js';

const workers = Number(process.env.NARRASCOPE_LOAD_WORKERS ?? 2);
const analysis: AnalysisService = new CachingAnalysisService(workers > 1 ? new PooledAnalysisService({ size: workers }) : new LocalAnalysisService());
const app = await createServer({ analysis, rateLimit: false });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`port ${new URL(address).port}\n`);
const stop = (): void => {
  void app
    .close()
    .then(() => analysis.close())
    .finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
