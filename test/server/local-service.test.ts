/** In-process analysis for the API (src/server/analysis/service.ts). */
import { expect, it } from 'vitest';
import { LocalAnalysisService } from '../../src/server/analysis/service.js';

it('keeps a bounded number of analysers whatever confidence thresholds clients send', async () => {
  const svc = new LocalAnalysisService();
  // Building an analyser does not analyse anything, so asking for many is cheap.
  for (let i = 0; i < 100; i++) svc.analyzer('default', i / 1000);
  expect(svc.analyzerCount).toBeLessThanOrEqual(32);
  // The most recently used one is kept (and reused, not rebuilt).
  const recent = svc.analyzer('default', 0.099);
  expect(svc.analyzer('default', 0.099)).toBe(recent);
  const result = await svc.analyze({ text: 'The council met on Friday and approved the budget.' }, { minConfidence: 0.5 });
  expect(result.findings.every((f) => f.confidence >= 0.5)).toBe(true);
});
