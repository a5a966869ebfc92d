import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyzer.js';
import { builtinDetectors } from '../../src/detectors/index.js';

describe('a finding’s taxonomy', () => {
  it('is the caller’s own array: changing it changes neither later results nor the detector’s metadata', async () => {
    const analyzer = createAnalyzer({ identifyLanguage: false });
    // Our own sentence, with a loaded phrase and a statistic.
    const text = 'Unemployment rose to 14% in March, a shameful and disastrous betrayal of every family.';
    const first = await analyzer.analyzeText(text, { language: 'en' });
    const withTaxonomy = first.findings.filter((f) => f.taxonomy.length > 0);
    expect(withTaxonomy.length).toBeGreaterThan(0);
    const before = builtinDetectors.map((d) => [...d.meta.taxonomy]);
    for (const f of first.findings) (f.taxonomy as string[]).push('x:edited');
    const second = await analyzer.analyzeText(text, { language: 'en' });
    expect(second.findings.flatMap((f) => f.taxonomy)).not.toContain('x:edited');
    expect(builtinDetectors.map((d) => [...d.meta.taxonomy])).toEqual(before);
  });
});
