import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../analyzer.js';
import { Registry } from '../../core/detect/registry.js';
import { TECHNIQUES } from '../../models/technique/labels.js';
import { techniqueProfile } from '../../aggregators/technique/technique-profile.js';
import { runDetector } from '../../testing/run-detector.js';
import { testDetector } from '../../testing/detector-tester.js';
import { techniqueDetectors } from './index.js';
import { appealToTime } from './appeal-to-time.js';
import { loadedLanguage } from './loaded-language.js';

const CATEGORIES = ['attack on reputation', 'justification', 'simplification', 'distraction', 'call', 'manipulative wording'];

describe('technique detectors', () => {
  it('cover the 23 techniques once each, with category and taxonomy references', () => {
    expect(techniqueDetectors.map((d) => d.meta.id).sort()).toEqual(TECHNIQUES.map((t) => `technique/${t.slug}`).sort());
    for (const d of techniqueDetectors) {
      const info = TECHNIQUES.find((t) => `technique/${t.slug}` === d.meta.id);
      expect(d.meta.taxonomy[0]).toBe(`semeval2023:${info?.label}`);
      if (info?.ptc2020) expect(d.meta.taxonomy).toContain(`ptc2020:${info.ptc2020}`);
      expect(CATEGORIES).toContain(d.meta.docs?.category);
      expect(d.meta.languages).toEqual(['en']);
      expect(d.meta.docs?.limits?.length ?? 0).toBeGreaterThan(20);
    }
  });

  it.each(techniqueDetectors.map((d) => [d.meta.id, d] as const))('%s passes its own examples', async (_id, detector) => {
    expect(await testDetector(detector)).toEqual([]);
    expect(detector.meta.examples.valid.length).toBeGreaterThan(0);
    // Experimental detectors (too little training data) may have no example that fires on a short text.
    if (detector.meta.stability === 'stable') expect(detector.meta.examples.invalid.length).toBeGreaterThan(0);
  });

  it('gives each finding a confidence and readable evidence, and honours the threshold option', async () => {
    const text = loadedLanguage.meta.examples.invalid[0]?.text.replace(/[⟦⟧]/gu, '') ?? '';
    const found = await runDetector(loadedLanguage, text, { options: { threshold: 0 } });
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.evidence.some((e) => e.kind === 'model')).toBe(true);
      expect(f.data.technique).toBe('Loaded_Language');
    }
    expect(await runDetector(loadedLanguage, text, { options: { threshold: 1 } })).toEqual([]);
  });

  // The pattern detectors skip texts by one case-insensitive pass without the `u` flag; it must not hide a match.
  it.each([
    { text: 'Act now: TIME IS RUNNING OUT.', cue: 'time running out' },
    { text: 'Act now: time iſ running out.', cue: 'time running out' },
    { text: 'Act 😀 now, before it’s too late.', cue: 'before it is too late' },
    { text: 'The clock on the wall is slow.', cue: null },
  ])('pattern shortcut keeps every match: $text', async ({ text, cue }) => {
    const found = await runDetector(appealToTime, text);
    expect(found.map((f) => f.data.cue)).toEqual(cue ? [cue] : []);
  });

  it('is skipped, with a note, on text in another language', async () => {
    const analyzer = createAnalyzer({ registry: new Registry(techniqueDetectors, [techniqueProfile]), preset: 'all', identifyLanguage: false });
    const result = await analyzer.analyzeText('Это возмутительный и позорный план, который предал всех избирателей.', { language: 'ru' });
    expect(result.findings.filter((f) => f.family === 'technique')).toEqual([]);
    expect(result.warnings.some((w) => w.includes('language "ru"') && w.includes('23 detector'))).toBe(true);
    expect(result.techniques.paragraphs).toEqual([]);
  });
});
