import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyzer.js';
import { validateAnalysisResult } from '../../src/export/format/index.js';
import { seedDocumentPath } from '../support/shared-data.js';

const seed = seedDocumentPath();
if (!seed)
  console.warn('[skip] ../shared/seeds not found: the reference-document integration test runs in CI.');

/** The whole default pipeline on the reference op-ed: every layer answers, and the result keeps its contract. */
describe.skipIf(!seed)('reference document, all layers', () => {
  it('produces a schema-valid result an analyst can read', async () => {
    const result = await createAnalyzer().analyzeText(readFileSync(seed as string, 'utf8'), {
      source: { kind: 'text', uri: 'seed.txt' },
    });
    expect(validateAnalysisResult(result)).toEqual([]);
    expect(result.document.language).toBe('en');
    expect(result.rebuttals).toHaveLength(10);
    expect(result.rebuttalSummary.text).toBe('10 rebuttals, 0 cite a source');
    expect(result.findings.some((f) => f.family === 'technique')).toBe(true);
    expect(result.techniques.profile.length).toBeGreaterThan(0);
    // The layout's label words ("Lie:", "Motive:", "Truth:" ten times each) are structure, not repetition.
    const labels = new Set(result.findings.filter((f) => f.detector === 'structure/label-word').map((f) => `${f.span.start}:${f.span.end}`));
    expect(labels.size).toBeGreaterThanOrEqual(20);
    expect(result.findings.filter((f) => f.family === 'technique' && labels.has(`${f.span.start}:${f.span.end}`)).map((f) => f.span.text)).toEqual([]);
    // Claims: the countered claims are attributed to the group the op-ed names.
    const countered = result.claims.filter((c) => c.ledgerItemIds.length > 0);
    expect(countered.length).toBeGreaterThanOrEqual(8);
    // Narratives: media distrust is what the document is about.
    expect(result.narratives.map((n) => n.label)).toContain('URW: Distrust towards Media');
    // Framing: the West (its media and its "information warfare campaign") is cast as the antagonist, Russia as protagonist.
    expect(result.entities.find((e) => /West/u.test(e.name))?.mainRole).toBe('Antagonist');
    expect(result.entities.find((e) => e.name === 'Russia')?.mainRole).toBe('Protagonist');
    expect(result.warnings).toEqual([]);
  });
});
