import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../analyzer.js';
import { Registry } from '../../core/detect/registry.js';
import { techniqueDetectors } from '../../detectors/technique/index.js';
import { appealToTime } from '../../detectors/technique/appeal-to-time.js';
import { appealToValues } from '../../detectors/technique/appeal-to-values.js';
import { techniqueProfile } from './technique-profile.js';

describe('technique/profile', () => {
  it('counts findings per technique with density per 1,000 words, and lists techniques per paragraph', async () => {
    // Pattern detectors only, so the expected counts are exact.
    const analyzer = createAnalyzer({ registry: new Registry([appealToTime, appealToValues], [techniqueProfile]), preset: 'all', identifyLanguage: false, aggregators: { 'technique/profile': { paragraphModel: false } } });
    const text = 'Act now: time is running out. Time is running out for the town.\n\nIt is the right thing to do.\n\nThe meeting is on Tuesday.';
    const r = await analyzer.analyzeText(text, { language: 'en' });
    expect(r.techniques.profile.map((p) => [p.technique, p.count])).toEqual([
      ['Appeal_to_Time', 2],
      ['Appeal_to_Values', 1],
    ]);
    const words = r.techniques.words;
    expect(words).toBeGreaterThan(20);
    expect(r.techniques.profile[0]?.density).toBeCloseTo((2 / words) * 1000, 1);
    expect(r.techniques.paragraphs).toEqual([
      { block: 0, techniques: ['Appeal_to_Time'] },
      { block: 1, techniques: ['Appeal_to_Values'] },
    ]);
  });

  it('adds paragraph-model labels for English text when the technique detectors ran', async () => {
    const analyzer = createAnalyzer({ registry: new Registry(techniqueDetectors, [techniqueProfile]), preset: 'all', identifyLanguage: false });
    const text = 'These radical thugs and their disgusting, shameful lies are destroying our great nation.\n\nThe council meets on Tuesday.';
    const r = await analyzer.analyzeText(text, { language: 'en' });
    const first = r.techniques.paragraphs.find((p) => p.block === 0);
    expect(first?.techniques.length ?? 0).toBeGreaterThan(0);
    for (const p of r.techniques.profile) expect(p.count).toBe(r.findings.filter((f) => f.data.technique === p.technique).length);
  });
});
