/**
 * A deterministic analysis for corpus tests: the real pipeline plus a fixed ledger item, narrative and
 * technique profile when the text has "Myth:", so tests of the API and the browser do not depend on the
 * detectors' current quality.
 */
import type { AnalysisResult, LedgerItem } from '../../src/core/result/types.js';
import type { DocumentInit } from '../../src/core/text/document.js';
import type { AnalysisService } from '../../src/server/index.js';
import { sharedAnalysis } from './helpers.js';

function span(text: string, needle: string): { text: string; start: number; end: number } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture: "${needle}" not in text`);
  return { text: needle, start, end: start + needle.length };
}

export const withLayers: AnalysisService = {
  presets: sharedAnalysis.presets,
  close: async () => undefined,
  async analyze(init: DocumentInit) {
    const r = await sharedAnalysis.analyze(init);
    const text = r.document.text ?? '';
    if (!text.includes('Myth:')) return r;
    const item: LedgerItem = {
      id: 'l1',
      index: '1',
      format: 'myth-fact',
      claim: span(text, 'the harbour will poison the bay.'),
      attributedTo: null,
      attributionScope: null,
      motive: null,
      rebuttal: span(text, '=SUM(A1:A9) the agency found no change.'),
      verdict: { label: 'false', original: span(text, 'Myth') },
      evidence: [],
      evidenceSummary: 'no source cited',
      partial: false,
      flags: [],
      span: span(text, 'Myth: the harbour will poison the bay.'),
      findingIds: [],
    };
    const result: AnalysisResult = {
      ...r,
      rebuttals: [item],
      rebuttalSummary: { items: 1, citingSource: 0, partial: 0, text: '1 rebuttal, 0 cite a source' },
      claims: [{ id: 'c1', span: span(text, 'the harbour will poison the bay.'), type: 'prediction', speaker: null, hasSource: false, sources: [], checkWorthiness: 0.8, ledgerItemIds: ['l1'], findingIds: [] }],
      narratives: [{ taxonomy: 'test', label: 'Harbour: environmental harm', level: 'coarse', score: 0.9, paragraphs: [0], support: [] }],
      techniques: { ...r.techniques, profile: [{ technique: 'Loaded_Language', count: 2, density: 1 }] },
    };
    return result;
  },
};
