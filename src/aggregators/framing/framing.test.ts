import { describe, expect, it } from 'vitest';
import type { LedgerItem } from '../../core/result/types.js';
import { segmentText } from '../../core/segment/segment.js';
import { spanText } from '../../core/text/span.js';
import { loadRoleModel } from '../../models/framing/role-model.js';
import { frameEntities } from './framing.js';

// Our own invented text.
const TEXT = [
  'Myth: "The Harbour Guard is flooding the valley!"',
  'Fact: The Harbour Guard is protecting the valley and rescuing stranded families.',
  '',
  'The Northland army shelled the village of Brook, killing twelve civilians.',
  '',
  'By Jane Holloway',
].join('\n');

function item(text: string, claim: string, rebuttal: string, attributedTo: string | null): LedgerItem {
  const at = (s: string) => spanText(text, { start: text.indexOf(s), end: text.indexOf(s) + s.length });
  return {
    id: 'r1',
    index: null,
    format: 'myth-fact',
    claim: at(claim),
    attributedTo: attributedTo ? at(attributedTo) : null,
    attributionScope: attributedTo ? 'item' : null,
    motive: null,
    rebuttal: at(rebuttal),
    verdict: null,
    evidence: [],
    evidenceSummary: 'no source cited',
    partial: false,
    flags: [],
    span: at(claim),
    findingIds: [],
  };
}

describe('frameEntities', () => {
  const segments = segmentText(TEXT, 'en');
  const ledger = [item(TEXT, 'The Harbour Guard is flooding the valley!', 'The Harbour Guard is protecting the valley and rescuing stranded families.', null)];
  const entities = frameEntities(TEXT, segments, loadRoleModel(), { ledger });
  const byName = Object.fromEntries(entities.map((e) => [e.name, e]));

  it.each([
    // Defended against the countered claim and cast as protector in the rebuttal.
    ['Harbour Guard', 'Protagonist', ['Guardian']],
    ['civilians', 'Innocent', ['Victim']],
    ['Northland army', 'Antagonist', null],
    // A byline names the author; the text does not cast them.
    ['Jane Holloway', null, []],
  ])('%s → %s', (name, main, fine) => {
    const e = byName[name];
    expect(e, name).toBeDefined();
    expect(e!.mainRole).toBe(main);
    if (fine) expect(e!.fineRoles).toEqual(fine);
  });

  it('keeps ids in text order, mentions with roles, and support spans that quote the text', () => {
    expect(entities.map((e) => e.id)).toEqual(entities.map((_, i) => `e${i + 1}`));
    for (const e of entities) {
      for (const m of e.mentions) expect(TEXT.slice(m.start, m.end)).toBe(m.text);
      for (const s of e.support) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
      if (e.mainRole) expect(e.support.length).toBeGreaterThan(0);
    }
  });

  it('casts whoever the countered claims are attributed to as their source (Antagonist / Deceiver)', () => {
    const text = 'Myth: "The dam is leaking poison," say the Valley Herald.\nFact: The water is clean.';
    const framed = frameEntities(text, segmentText(text, 'en'), loadRoleModel(), {
      ledger: [item(text, 'The dam is leaking poison', 'The water is clean.', 'the Valley Herald')],
    });
    const herald = framed.find((e) => e.name === 'Valley Herald');
    expect(herald?.mainRole).toBe('Antagonist');
    expect(herald?.fineRoles).toEqual(['Deceiver']);
  });

  it('leaves a role null when it only repeats the classifier prior, and reports it when asked to', () => {
    // Named once, in passing, with nothing around either name that casts them.
    const text = 'The committee met on Tuesday in Vienna. Among the guests was Marta Kovacs, who arrived by train.';
    const frame = (aboveBaseRate: boolean) => frameEntities(text, segmentText(text, 'en'), loadRoleModel(), { aboveBaseRate });
    const guest = (aboveBaseRate: boolean) => frame(aboveBaseRate).find((e) => e.name === 'Marta Kovacs');
    const share = loadRoleModel().mainShare?.Antagonist ?? 0;
    expect(share).toBeGreaterThan(0.5);
    const prior = guest(false);
    expect(prior?.mainRole).toBe('Antagonist');
    expect(prior!.confidence).toBeLessThanOrEqual(share);
    expect(guest(true)?.mainRole).toBeNull();
    expect(frame(true).every((e) => e.mainRole === null)).toBe(true);
  });
});

describe('framing/entities outside English', () => {
  it('says that it skipped a text in another language instead of reporting no entities silently', async () => {
    const { createAnalyzer } = await import('../../analyzer.js');
    const analyzer = createAnalyzer({ identifyLanguage: false });
    const ru = await analyzer.analyzeText('Гавань защищает долину и спасает семьи.', { language: 'ru' });
    expect(ru.entities).toEqual([]);
    expect(ru.warnings).toContain('entity framing: the gazetteer and the role model are English only; skipped for language "ru"');
    const en = await analyzer.analyzeText('The Harbour Guard is protecting the valley.', { language: 'en' });
    expect(en.warnings.filter((w) => w.startsWith('entity framing'))).toEqual([]);
    const und = await analyzer.analyzeText('The Harbour Guard is protecting the valley.');
    expect(und.warnings.filter((w) => w.startsWith('entity framing'))).toEqual([]);
  });
});
