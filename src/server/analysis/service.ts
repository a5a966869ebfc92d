/**
 * Runs analyses for the API with bounded concurrency and a bounded queue: when more requests wait than the
 * queue holds, new ones are refused at once with 503 rather than piling up until every client times out.
 * Analysers are built once per preset and reused (resolving a configuration is not free).
 */
import { Analyzer, type AnalyzerOptions } from '../../analyzer.js';
import type { AnalysisResult } from '../../core/result/types.js';
import type { DocumentInit } from '../../core/text/document.js';
import { ApiError } from '../errors.js';

export interface AnalyseOptions {
  readonly preset?: string;
  readonly minConfidence?: number;
}

export interface AnalysisService {
  analyze(init: DocumentInit, options?: AnalyseOptions): Promise<AnalysisResult>;
  /** Preset names this service accepts. */
  readonly presets: readonly string[];
  close(): Promise<void>;
}

export interface LocalAnalysisOptions {
  /** Options every analyser starts from (registry, language identification ...). */
  readonly base?: AnalyzerOptions;
  /** Analyses waiting beyond the one running; more are refused with 503. */
  readonly maxQueue?: number;
}

/**
 * In-process analysis. JavaScript runs one analysis at a time per thread anyway; the queue only keeps the
 * wait bounded. (A worker pool can implement the same interface for multi-core servers.)
 */
/** Analysers kept for reuse: every preset with a few confidence thresholds. */
const MAX_ANALYZERS = 32;

export class LocalAnalysisService implements AnalysisService {
  readonly presets: readonly string[];
  private readonly analyzers = new Map<string, Analyzer>();
  private readonly maxQueue: number;
  private running: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly options: LocalAnalysisOptions = {}) {
    this.maxQueue = options.maxQueue ?? 256;
    this.presets = ['default', 'all', 'fast', 'ledger', 'techniques'];
  }

  analyzer(preset = 'default', minConfidence?: number): Analyzer {
    const key = `${preset}|${minConfidence ?? ''}`;
    let a = this.analyzers.get(key);
    if (a) {
      // Most recently used last.
      this.analyzers.delete(key);
    } else {
      a = new Analyzer({ ...this.options.base, preset, ...(minConfidence !== undefined ? { minConfidence } : {}) });
    }
    this.analyzers.set(key, a);
    // minConfidence is any number a client sends: without a bound, each new value kept one more analyser.
    while (this.analyzers.size > MAX_ANALYZERS) this.analyzers.delete(this.analyzers.keys().next().value as string);
    return a;
  }

  /** Analysers kept for reuse (at most MAX_ANALYZERS). */
  get analyzerCount(): number {
    return this.analyzers.size;
  }

  async analyze(init: DocumentInit, options: AnalyseOptions = {}): Promise<AnalysisResult> {
    if (this.waiting >= this.maxQueue) {
      throw new ApiError(503, 'busy', `the server is busy: ${this.waiting} analyses are waiting`, 'Retry in a few seconds.', { 'retry-after': '2' });
    }
    const analyzer = this.analyzer(options.preset, options.minConfidence);
    this.waiting++;
    const previous = this.running;
    const mine = previous.then(
      () => analyzer.analyzeText(init.text, init),
      () => analyzer.analyzeText(init.text, init),
    );
    this.running = mine.catch(() => undefined);
    try {
      return await mine;
    } finally {
      this.waiting--;
    }
  }

  async close(): Promise<void> {
    await this.running;
  }
}
