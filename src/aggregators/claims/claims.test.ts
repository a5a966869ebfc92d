import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../analyzer.js';
import type { Finding } from '../../core/finding/types.js';
import type { LedgerItem } from '../../core/result/types.js';
import { segmentText } from '../../core/segment/segment.js';
import { spanText } from '../../core/text/span.js';
import { buildClaims } from './claims.js';

// Our own invented text.
const TEXT = [
  'Myth: "The Harbour Guard flooded the valley on Monday!"',
  'Fact: The valley flooded because the old levee broke, according to the National Engineering Institute.',
  '',
  'Minister Ana Varga denied that the board had received any warnings before the collapse.',
  '',
  'Unemployment in Brook rose to 14% in March.',
  '',
  'This shameful decision is simply wrong.',
].join('\n');

const at = (s: string) => spanText(TEXT, { start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const LEDGER: LedgerItem = {
  id: 'r1',
  index: null,
  format: 'myth-fact',
  claim: at('"The Harbour Guard flooded the valley on Monday!"'),
  attributedTo: null,
  attributionScope: null,
  motive: null,
  rebuttal: at('The valley flooded because the old levee broke, according to the National Engineering Institute.'),
  verdict: null,
  evidence: [],
  evidenceSummary: '',
  partial: false,
  flags: [],
  span: at('Myth'),
  findingIds: [],
};

async function claimsOf(extraFindings: Finding[] = []) {
  const r = await createAnalyzer({ identifyLanguage: false }).analyzeText(TEXT, { language: 'en' });
  return buildClaims({ text: TEXT, segments: segmentText(TEXT, 'en'), findings: [...r.findings, ...extraFindings], partial: { rebuttals: [LEDGER], claims: [], narratives: [], entities: [], techniques: null, warnings: [] } });
}

describe('claims aggregator', () => {
  it('types, speakers, sources and ledger links', async () => {
    const claims = await claimsOf();
    const find = (start: string) => claims.find((c) => c.span.text.startsWith(start));
    expect(find('The Harbour Guard flooded')).toMatchObject({ type: 'event', speaker: null, hasSource: false, ledgerItemIds: ['r1'] });
    const fact = find('The valley flooded because');
    expect(fact).toMatchObject({ type: 'causal', hasSource: true, ledgerItemIds: ['r1'] });
    expect(fact?.sources.map((s) => s.kind)).toContain('institution');
    expect(find('Minister Ana Varga denied')?.speaker?.text).toBe('Minister Ana Varga');
    expect(find('Unemployment in Brook')).toMatchObject({ type: 'statistic', hasSource: false, ledgerItemIds: [] });
    expect(find('This shameful decision')?.type).toBe('opinion');
  });

  it('ranks by check-worthiness, numbers ids in rank order, and quotes the text at every span', async () => {
    const claims = await claimsOf();
    expect(claims.map((c) => c.id)).toEqual(claims.map((_, i) => `c${i + 1}`));
    for (let i = 1; i < claims.length; i++) expect(claims[i - 1]!.checkWorthiness).toBeGreaterThanOrEqual(claims[i]!.checkWorthiness);
    for (const c of claims) expect(TEXT.slice(c.span.start, c.span.end)).toBe(c.span.text);
    expect(claims.at(-1)?.type).toBe('opinion');
  });

  it('links technique findings that overlap a claim', async () => {
    const span = at('shameful');
    const technique: Finding = {
      id: 'fx',
      detector: 'technique/loaded-language',
      detectorVersion: '1',
      family: 'technique',
      messageId: 'technique',
      message: 'Loaded language.',
      span,
      confidence: 0.8,
      severity: 'info',
      data: {},
      evidence: [],
      related: [],
      taxonomy: [],
    };
    const claims = await claimsOf([technique]);
    expect(claims.find((c) => c.span.text.startsWith('This shameful'))?.findingIds).toContain('fx');
    expect(claims.find((c) => c.span.text.startsWith('Unemployment'))?.findingIds).not.toContain('fx');
  });
});
