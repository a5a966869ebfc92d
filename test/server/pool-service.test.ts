import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AnalysisResult } from '../../src/core/result/types.js';
import { PooledAnalysisService } from '../../src/server/analysis/pool-service.js';
import { LocalAnalysisService } from '../../src/server/analysis/service.js';
import type { ApiError } from '../../src/server/errors.js';
import { sharedAnalysis } from './helpers.js';

const pool = new PooledAnalysisService({ size: 2, maxQueue: 1 });
afterAll(() => pool.close());

const timeless = (r: AnalysisResult): unknown => ({ ...r, stats: null });
const init = (n: number) => ({ text: `Myth ${n}: the bay is poisoned.\n\nFact: the agency found no change, according to the public register.`, title: `T${n}`, source: { kind: 'api' } });

describe('PooledAnalysisService', () => {
  it('gives the same result as in-process analysis, text included', async () => {
    const [a, b] = await Promise.all([pool.analyze(init(1)), sharedAnalysis.analyze(init(1))]);
    expect(a.document.text).toBe(b.document.text);
    expect(timeless(a)).toEqual(timeless(b));
  });

  it("weighs a page's stated language as the in-process analysis does", async () => {
    // <html lang="ru"> on an English page: the hint is overridden, with a warning, in both.
    const page = { ...init(7), declaredLanguage: 'ru' };
    const [a, b] = await Promise.all([pool.analyze(page), sharedAnalysis.analyze(page)]);
    expect(timeless(a)).toEqual(timeless(b));
    expect(a.warnings).toContainEqual(expect.stringMatching(/^the record gives the language "ru", but the text reads as "en"/u));
  });

  it('refuses analyses beyond workers + queue with 503, and serves the rest', async () => {
    const settled = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => pool.analyze(init(n))));
    const refused = settled.filter((s) => s.status === 'rejected').map((s) => (s as PromiseRejectedResult).reason as ApiError);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(3);
    expect(refused.map((e) => [e.status, e.code])).toEqual([
      [503, 'busy'],
      [503, 'busy'],
    ]);
  });

  it('runs other presets and confidence thresholds in the workers, as in-process analysis would', async () => {
    // They used to run on the server's main thread, where one long text stalled every other request.
    const inProcess = vi.spyOn(LocalAnalysisService.prototype, 'analyze');
    try {
      for (const options of [{ preset: 'ledger' }, { minConfidence: 0.9 }, { preset: 'techniques', minConfidence: 0.3 }]) {
        const [a, b] = await Promise.all([pool.analyze(init(9), options), sharedAnalysis.analyze(init(9), options)]);
        expect(timeless(a), JSON.stringify(options)).toEqual(timeless(b));
      }
      expect(inProcess.mock.calls.filter(([, o]) => o !== undefined && o !== null).length).toBe(3); // the in-process references only
      const ledgerOnly = await pool.analyze(init(9), { preset: 'ledger' });
      expect(ledgerOnly.findings.some((f) => f.family === 'technique')).toBe(false);
    } finally {
      inProcess.mockRestore();
    }
  });
});
