import { describe, expect, it } from 'vitest';
import type { Finding } from '../finding/types.js';
import type { AnalysisResult } from './types.js';
import { withoutFindings } from './without-findings.js';

function finding(id: string, technique: string | null, family = 'technique'): Finding {
  return {
    id,
    detector: technique ? `technique/${technique.toLowerCase()}` : 'claim/check-worthy',
    detectorVersion: '1.0.0',
    family,
    messageId: 'm',
    message: 'A finding.',
    span: { text: 'words', start: 0, end: 5 },
    confidence: 0.5,
    severity: 'info',
    data: technique ? { technique } : {},
    evidence: [],
    related: [],
    taxonomy: [],
  } as Finding;
}

// Three Loaded_Language, two Doubt, one Slogans, one non-technique finding, over 200 words.
const findings = [finding('a', 'Loaded_Language'), finding('b', 'Loaded_Language'), finding('c', 'Loaded_Language'), finding('d', 'Doubt'), finding('e', 'Doubt'), finding('f', 'Slogans'), finding('g', null, 'claim')];
const result = {
  findings,
  techniques: {
    words: 200,
    profile: [
      { technique: 'Loaded_Language', count: 3, density: 15 },
      { technique: 'Doubt', count: 2, density: 10 },
      { technique: 'Slogans', count: 1, density: 5 },
    ],
    paragraphs: [{ block: 0, techniques: ['Loaded_Language', 'Doubt'] }],
  },
} as unknown as AnalysisResult;

describe('withoutFindings', () => {
  it('takes the findings out and recounts the technique profile (density per 1,000 words)', () => {
    const r = withoutFindings(result, new Set(['a', 'b', 'f', 'g']));
    expect(r.findings.map((f) => f.id)).toEqual(['c', 'd', 'e']);
    expect(r.techniques.profile).toEqual([
      { technique: 'Doubt', count: 2, density: 10 },
      { technique: 'Loaded_Language', count: 1, density: 5 },
    ]);
    // Paragraph labels are the paragraph model's, not single findings': unchanged.
    expect(r.techniques.paragraphs).toBe(result.techniques.paragraphs);
  });

  it('leaves the result alone when nothing it holds is removed, and does not change its input', () => {
    expect(withoutFindings(result, new Set())).toBe(result);
    expect(withoutFindings(result, new Set(['zz']))).toBe(result);
    withoutFindings(result, new Set(['a']));
    expect(result.findings).toHaveLength(7);
    expect(result.techniques.profile[0]).toEqual({ technique: 'Loaded_Language', count: 3, density: 15 });
  });
});
