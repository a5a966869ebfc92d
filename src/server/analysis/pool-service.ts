/**
 * Analysis on worker threads for `narrascope serve`: the corpus engine's pool (src/corpus/ingest/pool.ts,
 * analysers per worker) runs every analysis on the cores, so one slow document does not stall the event
 * loop and the server uses the machine. Presets and confidence thresholds go with the job: they used to run
 * in-process, where one long text with `minConfidence` stalled every request. An unknown preset is left to
 * the in-process service, which answers it. The number of analyses waiting is bounded: beyond it, 503 at once.
 */
import type { AnalyzerOptions } from '../../analyzer.js';
import type { AnalysisResult } from '../../core/result/types.js';
import { createDocument, type DocumentInit } from '../../core/text/document.js';
import { createPool, type AnalysisPool } from '../../corpus/ingest/pool.js';
import { ApiError } from '../errors.js';
import { LocalAnalysisService, type AnalyseOptions, type AnalysisService } from './service.js';

export interface PooledAnalysisOptions {
  /** Worker threads (default: one per core). */
  readonly size: number;
  /** Analyses that may wait for a worker; more are refused with 503. */
  readonly maxQueue?: number;
  readonly base?: Omit<AnalyzerOptions, 'registry' | 'identifyLanguage'>;
}

export class PooledAnalysisService implements AnalysisService {
  readonly presets: readonly string[];
  private readonly pool: AnalysisPool;
  private readonly local: LocalAnalysisService;
  private readonly limit: number;
  private inFlight = 0;

  constructor(options: PooledAnalysisOptions) {
    this.pool = createPool(options.size, { ...options.base });
    this.local = new LocalAnalysisService({ ...(options.base ? { base: options.base } : {}), ...(options.maxQueue !== undefined ? { maxQueue: options.maxQueue } : {}) });
    this.presets = this.local.presets;
    this.limit = this.pool.size + (options.maxQueue ?? 256);
  }

  async analyze(init: DocumentInit, options: AnalyseOptions = {}): Promise<AnalysisResult> {
    if (options.preset !== undefined && !this.presets.includes(options.preset)) return this.local.analyze(init, options);
    if (this.inFlight >= this.limit) {
      throw new ApiError(503, 'busy', `the server is busy: ${this.inFlight} analyses are running or waiting`, 'Retry in a few seconds.', { 'retry-after': '2' });
    }
    this.inFlight++;
    try {
      const reply = await this.pool.analyse({
        text: init.text,
        source: init.source ?? { kind: 'api' },
        ...(init.title !== undefined ? { title: init.title } : {}),
        ...(init.language !== undefined ? { language: init.language } : {}),
        // A page's <html lang>: a hint the worker weighs against identification, as the local service does.
        ...(init.declaredLanguage !== undefined ? { declaredLanguage: init.declaredLanguage } : {}),
        ...(init.warnings?.length ? { warnings: init.warnings } : {}),
        ...(options.preset !== undefined ? { preset: options.preset } : {}),
        ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}),
      });
      if ('error' in reply) throw new Error(`analysis failed: ${reply.error}`);
      // Workers leave the text out of the reply (it would cross the thread boundary twice).
      return { ...reply.result, document: { ...reply.result.document, text: createDocument(init).text } };
    } finally {
      this.inFlight--;
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.close(), this.local.close()]);
  }
}
