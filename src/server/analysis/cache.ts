/**
 * A bounded LRU cache of analysis results. Analysis is deterministic for a given text, metadata and
 * configuration, so an article that many analysts paste (or that a page polls) is analysed once. The key
 * is a hash of everything the result depends on; long documents are not cached, and at most `maxEntries`
 * results of at most `maxTotalChars` characters together are kept, so memory stays bounded.
 */
import { createHash } from 'node:crypto';
import type { AnalysisResult } from '../../core/result/types.js';
import type { DocumentInit } from '../../core/text/document.js';
import type { AnalyseOptions, AnalysisService } from './service.js';

export interface CacheOptions {
  readonly maxEntries?: number;
  /** Texts longer than this (UTF-16 units) are always analysed afresh. */
  readonly maxChars?: number;
  /**
   * Characters of all cached texts together. A result holds about 40 bytes per character of a finding-dense
   * text (4 MB for 100,000 characters), so 256 entries near maxChars, which anyone can send, held a gigabyte;
   * the default keeps the cache near 200 MB whatever the texts.
   */
  readonly maxTotalChars?: number;
}

export class CachingAnalysisService implements AnalysisService {
  readonly presets: readonly string[];
  /** Result and the length of its text, least recently used first. */
  private readonly entries = new Map<string, { result: Promise<AnalysisResult>; chars: number }>();
  private readonly maxEntries: number;
  private readonly maxChars: number;
  private readonly maxTotalChars: number;
  private totalChars = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly inner: AnalysisService,
    options: CacheOptions = {},
  ) {
    this.presets = inner.presets;
    this.maxEntries = options.maxEntries ?? 256;
    this.maxChars = options.maxChars ?? 100_000;
    this.maxTotalChars = options.maxTotalChars ?? 5_000_000;
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
      return hit.result;
    }
    this.misses++;
    // The promise is cached, so concurrent requests for one text share one analysis; failures are not kept.
    const p = this.inner.analyze(init, options);
    const entry = { result: p, chars: init.text.length };
    this.entries.set(key, entry);
    this.totalChars += entry.chars;
    p.catch(() => {
      if (this.entries.get(key) === entry) this.remove(key);
    });
    while (this.entries.size > this.maxEntries || (this.totalChars > this.maxTotalChars && this.entries.size > 1)) this.remove(this.entries.keys().next().value as string);
    return p;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalChars -= entry.chars;
  }

  /** Characters of the cached texts together. */
  get chars(): number {
    return this.totalChars;
  }

  get size(): number {
    return this.entries.size;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
