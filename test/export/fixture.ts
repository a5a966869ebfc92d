import type { AnalysisResult, LedgerItem } from '../../src/core/result/types.js';
import type { Finding } from '../../src/core/finding/types.js';

/** A hand-made analysis result (our own invented text) covering every exported layer. */
export const FIXTURE_TEXT = [
  'Myth 1: The river dam will flood the old town next spring.',
  'Fact: The dam authority published its overflow plan, which keeps water below the town wall.',
  'Myth 2: =SUM(A1) "quoted", with comma',
  '',
].join('\n');

function span(text: string): { text: string; start: number; end: number } {
  const start = FIXTURE_TEXT.indexOf(text);
  if (start < 0) throw new Error(`fixture text not found: ${text}`);
  return { text, start, end: start + text.length };
}

export function ledgerItem(over: Partial<LedgerItem> = {}): LedgerItem {
  return {
    id: 'ledger-1',
    index: '1',
    format: 'myth-fact',
    claim: span('The river dam will flood the old town next spring.'),
    attributedTo: span('river dam'),
    attributionScope: 'item',
    motive: null,
    rebuttal: span('The dam authority published its overflow plan, which keeps water below the town wall.'),
    verdict: { label: 'false', original: span('Myth') },
    evidence: [],
    evidenceSummary: 'no source cited',
    partial: false,
    flags: [],
    span: span('Myth 1: The river dam will flood the old town next spring.'),
    findingIds: ['f1'],
    ...over,
  };
}

const finding: Finding = {
  id: 'f1',
  detector: 'technique/appeal-to-fear-prejudice',
  detectorVersion: '1.0.0',
  family: 'technique',
  messageId: 'fear',
  message: 'Possible appeal to fear.',
  span: span('will flood the old town'),
  confidence: 0.71,
  severity: 'info',
  data: {},
  evidence: [],
  related: [],
  taxonomy: ['semeval2023:Appeal_to_Fear-Prejudice'],
};

export function fixtureResult(
  over: { source?: Record<string, string>; rebuttals?: LedgerItem[]; hash?: string } = {},
): AnalysisResult {
  return {
    schemaVersion: '1.0.0',
    document: {
      id: 'doc-1',
      title: 'Dam myths',
      language: 'en',
      languageConfidence: 0.99,
      source: over.source ?? {
        kind: 'html',
        uri: 'https://example.org/dam-myths',
        outlet: 'Example Water Board',
        author: 'A. Writer',
        publishedAt: '2026-03-01T10:00:00Z',
      },
      length: FIXTURE_TEXT.length,
      hash: over.hash ?? 'a'.repeat(64),
      text: FIXTURE_TEXT,
    },
    rebuttals: over.rebuttals ?? [
      ledgerItem(),
      ledgerItem({
        id: 'ledger-2',
        index: '2',
        claim: span('=SUM(A1) "quoted", with comma'),
        rebuttal: null,
        verdict: null,
        attributedTo: null,
        span: span('Myth 2: =SUM(A1) "quoted", with comma'),
        partial: true,
      }),
    ],
    rebuttalSummary: { items: 2, citingSource: 0, partial: 1, text: '2 rebuttals, 0 cite a source' },
    findings: [finding],
    claims: [
      {
        id: 'c1',
        span: span('The river dam will flood the old town next spring.'),
        type: 'prediction',
        speaker: null,
        hasSource: false,
        sources: [],
        checkWorthiness: 0.8,
        ledgerItemIds: ['ledger-1'],
        findingIds: [],
      },
    ],
    narratives: [
      {
        taxonomy: 'example',
        label: 'Infrastructure: the dam is unsafe',
        level: 'coarse',
        score: 0.6,
        paragraphs: [0],
        support: [],
      },
    ],
    entities: [],
    techniques: {
      profile: [
        { technique: 'Appeal_to_Fear-Prejudice', count: 1, density: 40 },
        { technique: 'Loaded_Language', count: 2, density: 80 },
      ],
      paragraphs: [],
      words: 25,
    },
    warnings: [],
    stats: { totalMs: 1, segmentMs: 1, detectors: {}, aggregators: {}, counts: {} },
    meta: { tool: 'narrascope', toolVersion: '0.0.0', detectors: [], aggregators: [], configHash: 'x' },
  };
}
