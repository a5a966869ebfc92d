import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../src/core/result/types.js';
import type { DocumentInit } from '../../src/core/text/document.js';
import { CachingAnalysisService } from '../../src/server/analysis/cache.js';
import type { AnalysisService } from '../../src/server/analysis/service.js';

function counting(): AnalysisService & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    presets: ['default'],
    close: async () => undefined,
    analyze: async (init: DocumentInit) => {
      calls.push(init.text);
      if (init.text === 'boom') throw new Error('boom');
      return { document: { text: init.text } } as unknown as AnalysisResult;
    },
  };
}

describe('CachingAnalysisService', () => {
  it('analyses a text once, shares concurrent requests, and keys on everything the result depends on', async () => {
    const inner = counting();
    const c = new CachingAnalysisService(inner);
    await Promise.all([c.analyze({ text: 'a' }), c.analyze({ text: 'a' })]);
    await c.analyze({ text: 'a' });
    await c.analyze({ text: 'a', title: 'T' });
    await c.analyze({ text: 'a', source: { kind: 'api', outlet: 'X' } });
    await c.analyze({ text: 'a' }, { preset: 'fast' });
    await c.analyze({ text: 'a', language: 'de' });
    await c.analyze({ text: 'a', warnings: ['upload: not UTF-8, read as windows-1252'] });
    await c.analyze({ text: 'a', declaredLanguage: 'uk' });
    await c.analyze({ text: 'a', id: 'doc-7' });
    expect(inner.calls).toEqual(['a', 'a', 'a', 'a', 'a', 'a', 'a', 'a']);
    expect([c.hits, c.misses]).toEqual([2, 8]);
  });

  it('keeps the cached texts under a total number of characters, however many entries that is', async () => {
    const inner = counting();
    const c = new CachingAnalysisService(inner, { maxEntries: 100, maxChars: 10, maxTotalChars: 25 });
    for (const t of ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc']) await c.analyze({ text: t });
    expect([c.size, c.chars]).toEqual([2, 20]);
    // The oldest went first: asking for it again analyses it again.
    await c.analyze({ text: 'aaaaaaaaaa' });
    await c.analyze({ text: 'cccccccccc' });
    expect(inner.calls).toEqual(['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc', 'aaaaaaaaaa']);
    expect(c.chars).toBeLessThanOrEqual(25);
  });

  it('evicts the least recently used entry and never caches failures or long texts', async () => {
    const inner = counting();
    const c = new CachingAnalysisService(inner, { maxEntries: 2, maxChars: 10 });
    await c.analyze({ text: 'a' });
    await c.analyze({ text: 'b' });
    await c.analyze({ text: 'a' });
    await c.analyze({ text: 'c' });
    expect(c.size).toBe(2);
    await c.analyze({ text: 'a' });
    await c.analyze({ text: 'b' });
    expect(inner.calls).toEqual(['a', 'b', 'c', 'b']);
    await expect(c.analyze({ text: 'boom' })).rejects.toThrow('boom');
    await expect(c.analyze({ text: 'boom' })).rejects.toThrow('boom');
    await c.analyze({ text: 'x'.repeat(11) });
    await c.analyze({ text: 'x'.repeat(11) });
    expect(inner.calls.filter((t) => t === 'boom' || t.length === 11)).toHaveLength(4);
  });
});
