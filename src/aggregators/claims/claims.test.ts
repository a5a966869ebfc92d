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

  it('types a ledger claim in a language without type cues as a statistic when it states a figure', async () => {
    // Our own invented French myth/fact text: the English type cues do not run, the number detector does.
    const fr = 'Intox : « Le chômage a triplé. »\nRéalité : Le chômage a baissé de 3,4 % en un an.\n\nIntox : « Les ponts sont fermés. »\nRéalité : Les ponts sont ouverts.';
    const r = await createAnalyzer({ identifyLanguage: false }).analyzeText(fr, { language: 'fr' });
    const type = (start: string) => r.claims.find((c) => c.span.text.startsWith(start))?.type;
    expect(type('Le chômage a baissé')).toBe('statistic');
    expect(type('Les ponts sont ouverts')).toBe('other');
    expect(type('Le chômage a triplé')).toBe('other');
    // The claim inside « … » starts and ends at its words, not at the spaces French puts inside the marks.
    expect(r.claims.map((c) => c.span.text).filter((t) => t !== t.trim())).toEqual([]);
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

describe('claims aggregator on many ledger items', () => {
  // Our own generated text: thousands of "Myth:/Fact:" items, each with findings of every kind that
  // the aggregator reads. Every finding counts the reads of its span.
  const N = 2000;
  const lines: string[] = [];
  for (let k = 0; k < N; k++) lines.push(`Myth: Plan ${k} was a secret.`, `Fact: Plan ${k} was published by the office.`);
  const text = lines.join('\n');
  let reads = 0;
  const finding = (detector: string, family: string, span: { start: number; end: number }, data: Finding['data'], related: Finding['related'] = []): Finding => {
    const f = { id: '', detector, detectorVersion: '1', family, messageId: 'm', message: 'm', confidence: 0.6, severity: 'info', data, evidence: [], related, taxonomy: [] } as unknown as Finding;
    Object.defineProperty(f, 'span', { get: () => (reads++, span), enumerable: true });
    return f;
  };
  const findings: Finding[] = [];
  const rebuttals: LedgerItem[] = [];
  let offset = 0;
  for (let k = 0; k < N; k++) {
    const myth = lines[2 * k] as string;
    const fact = lines[2 * k + 1] as string;
    const claim = spanText(text, { start: offset + 6, end: offset + myth.length });
    const factStart = offset + myth.length + 1;
    const rebuttal = spanText(text, { start: factStart + 6, end: factStart + fact.length });
    const office = { start: rebuttal.end - 11, end: rebuttal.end - 1 };
    findings.push(
      finding('claim/check-worthy', 'claim', { start: factStart, end: rebuttal.end }, { type: 'event' }),
      finding('claim/reported-speech', 'claim', claim, {}, [{ role: 'speaker', ...spanText(text, office) }]),
      finding('evidence/named-source', 'evidence', office, { kind: 'institution', name: 'office' }),
      finding('technique/doubt', 'technique', claim, {}),
    );
    rebuttals.push({ ...LEDGER, id: `r${k + 1}`, claim, rebuttal, span: spanText(text, { start: offset, end: rebuttal.end }) });
    offset = rebuttal.end + 1;
  }
  findings.forEach((f, i) => Object.assign(f, { id: `f${i + 1}` }));

  it('reads each finding a bounded number of times, not once per draft claim', () => {
    reads = 0;
    const claims = buildClaims({ text, segments: segmentText('', 'en'), findings, partial: { rebuttals, claims: [], narratives: [], entities: [], techniques: null, warnings: [] } }, 50).slice(0, 50);
    expect(claims).toHaveLength(50);
    for (const c of claims) {
      expect(text.slice(c.span.start, c.span.end)).toBe(c.span.text);
      expect(c.ledgerItemIds).toHaveLength(1);
    }
    const mythClaim = claims.find((c) => c.span.text.endsWith('was a secret.'));
    expect(mythClaim).toMatchObject({ type: 'quote', hasSource: false });
    expect(mythClaim?.speaker?.text).toBe('the office');
    expect(mythClaim?.findingIds).toHaveLength(1);
    expect(claims.some((c) => c.hasSource && c.sources[0]?.kind === 'institution')).toBe(true);
    expect(reads).toBeLessThan(10 * findings.length);
  });
});
