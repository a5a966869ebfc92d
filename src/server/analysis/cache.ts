/**
 * A bounded LRU cache of analysis results. Analysis is deterministic for a given text, metadata and
 * configuration, so an article that many analysts paste (or that a page polls) is analysed once. The key
 * is a hash of everything the result depends on; long documents are not cached, and at most `maxEntries`
 * results are kept, so memory stays bounded (roughly maxEntries × maxChars × a small factor).
 */
import { createHash } from 'node:crypto';
import type { AnalysisResult } from '../../core/result/types.js';
import type { DocumentInit } from '../../core/text/document.js';
import type { AnalyseOptions, AnalysisService } from './service.js';

export interface CacheOptions {
  readonly maxEntries?: number;
  /** Texts longer than this (UTF-16 units) are always analysed afresh. */
  readonly maxChars?: number;
}

export class CachingAnalysisService implements AnalysisService {
  readonly presets: readonly string[];
  private readonly entries = new Map<string, Promise<AnalysisResult>>();
  private readonly maxEntries: number;
  private readonly maxChars: number;
  hits = 0;
  misses = 0;

  constructor(
    private readonly inner: AnalysisService,
    options: CacheOptions = {},
  ) {
    this.presets = inner.presets;
    this.maxEntries = options.maxEntries ?? 256;
    this.maxChars = options.maxChars ?? 100_000;
  }

  static key(init: DocumentInit, options: AnalyseOptions): string {
    // Every field of the DocumentInit that reaches the result: an upload's decoding warnings ("not UTF-8,
    // read as windows-1252") and declared language belong to that upload, not to every upload of the text.
    const parts = [init.text, init.id ?? '', init.title ?? '', init.language ?? '', init.declaredLanguage ?? '', JSON.stringify(init.source ?? {}), JSON.stringify(init.warnings ?? []), options.preset ?? 'default', String(options.minConfidence ?? '')];
    const h = createHash('sha256');
    for (const p of parts) h.update(`${p.length}:`).update(p, 'utf8');
    return h.digest('hex');
  }

  analyze(init: DocumentInit, options: AnalyseOptions = {}): Promise<AnalysisResult> {
    if (init.text.length > this.maxChars || init.sourceMap) return this.inner.analyze(init, options);
    const key = CachingAnalysisService.key(init, options);
    const hit = this.entries.get(key);
    if (hit) {
      this.hits++;
      // Refresh recency.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    this.misses++;
    // The promise is cached, so concurrent requests for one text share one analysis; failures are not kept.
    const p = this.inner.analyze(init, options);
    this.entries.set(key, p);
    p.catch(() => this.entries.delete(key));
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return p;
  }

  get size(): number {
    return this.entries.size;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
