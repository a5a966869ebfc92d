import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/segment/segment.js';
import { FINE_ROLE_CLASSES, loadRoleModel, type RolePrediction } from '../../models/framing/role-model.js';
import { ruleScores } from './role-rules.js';
import { mentionFeaturePartsForSpan, mentionFeaturesForSpan, prepareFramingDocument } from './framing-features.js';
import { predictDocumentRoles, predictMentionRole, predictMentionRoleFromParts, predictMentionRoleScores, predictMentionRolesFromParts, RULE_WEIGHT } from './predict.js';
import { computeLocalFeatures, localFeatures, mergeFeatureParts, wordFeatureFilter } from './role-features.js';

/**
 * The parts path adds the shared parts as one sum (logistic.ts, `predictProbaBatch`): the merged vector's
 * sums in another order, so probabilities may differ in their last bits; the roles and the rounded figures
 * must not.
 */
function expectSameRoles(actual: readonly RolePrediction[], expected: readonly RolePrediction[]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i] as RolePrediction;
    expect({ main: a.main, fine: a.fine, confidence: a.confidence, mainProba: a.mainProba }).toEqual({ main: e.main, fine: e.fine, confidence: e.confidence, mainProba: e.mainProba });
    expect(Object.keys(a.fineProba)).toEqual(Object.keys(e.fineProba));
    for (const [k, v] of Object.entries(e.fineProba)) expect(Math.abs((a.fineProba[k] ?? Number.NaN) - v)).toBeLessThan(1e-12);
  });
}

// Our own invented documents.
const DOCS = [
  [
    'Myth: "The Harbour Guard is flooding the valley!" say the Northland media.',
    'Fact: The Harbour Guard is protecting the valley and rescuing stranded families. The Northland army shelled the village of Brook, killing twelve civilians.',
    'President Tokayev thanked the Harbour Guard. The Northland media repeated the lie that the Harbour Guard attacked civilians.',
  ].join('\n\n'),
  [
    'Russia launched missiles at Kyiv overnight, and Ukrainian forces shot down most of them, the Ukrainian military said.',
    'NATO and the European Union condemned the attack. Vladimir Putin said the West was waging a proxy war.',
    'Western media lies about the special military operation, Maria Zakharova claimed, while Zelensky thanked the United States.',
  ].join('\n\n'),
];

describe('predictMentionRoleFromParts', () => {
  const model = loadRoleModel();
  for (const [i, text] of DOCS.entries()) {
    it(`gives what the merged feature vector gives (document ${i + 1})`, () => {
      const doc = prepareFramingDocument(text, segmentText(text, 'en'));
      expect(doc.mentions.length).toBeGreaterThan(2);
      for (const m of doc.mentions) {
        const parts = mentionFeaturePartsForSpan(doc, m);
        const merged = mentionFeaturesForSpan(doc, m);
        expect([...mergeFeatureParts(parts)]).toEqual([...merged]);
        for (const w of [undefined, 0.8]) expectSameRoles([predictMentionRoleFromParts(model, parts, w)], [predictMentionRole(model, merged, w)]);
        expect([...localFeatures(doc.context, m, 'ent:')]).toEqual([...computeLocalFeatures(doc.context, m, 'ent:')]);
      }
    });
  }
});

describe('the word-feature filter of the framing stage', () => {
  const model = loadRoleModel();
  const known = new Set([...Object.keys(model.main.weights), ...Object.keys(model.fine.weights)]);
  for (const [i, text] of DOCS.entries()) {
    it(`leaves out only word features the model lacks, and gives the same scores (document ${i + 1})`, () => {
      const segments = segmentText(text, 'en');
      const full = prepareFramingDocument(text, segments);
      const kept = prepareFramingDocument(text, segments, wordFeatureFilter(model));
      const fullParts = full.mentions.map((m) => mentionFeaturePartsForSpan(full, m));
      const keptParts = kept.mentions.map((m) => mentionFeaturePartsForSpan(kept, m));
      let dropped = 0;
      fullParts.forEach((f, j) => {
        const k = keptParts[j] as typeof f;
        const lacking = [...f.local.keys()].filter((name) => /^(?:w|sv|ov|L1|L2|R1|R2):/u.test(name) && !known.has(name));
        dropped += lacking.length;
        expect([...k.local]).toEqual([...f.local].filter(([name]) => !lacking.includes(name)));
        expect([...k.entity]).toEqual([...f.entity]);
        expect([...k.tone]).toEqual([...f.tone]);
      });
      expect(dropped).toBeGreaterThan(0);
      const weights = full.mentions.map((_, j) => (j % 3 === 0 ? 0.3 : 1));
      expect(predictMentionRoleScores(model, keptParts, [], weights)).toEqual(predictMentionRoleScores(model, fullParts, [], weights));
    });
  }
});

describe('document pooling of fine roles', () => {
  const model = loadRoleModel();
  const text = DOCS[1] as string;
  const doc = prepareFramingDocument(text, segmentText(text, 'en'));
  const parts = doc.mentions.map((m) => mentionFeaturePartsForSpan(doc, m));
  const merged = doc.mentions.map((m) => mentionFeaturesForSpan(doc, m));

  it('gives the same roles from parts (the aggregator) as from merged vectors (predict roles, eval)', () => {
    expectSameRoles(predictMentionRolesFromParts(model, parts), predictDocumentRoles(model, merged));
  });

  it('without pooling, each mention is predicted on its own', () => {
    expect(predictDocumentRoles(model, merged, RULE_WEIGHT, 0)).toEqual(merged.map((f) => predictMentionRole(model, f)));
  });

  it('re-chooses the fine role of a mention without rule cues from the pooled probabilities', () => {
    // Our own text: the media are cast as deceivers three times; the general and the minister are named with no cue.
    const theme = [
      'The Northland media spread lies and propaganda about the war. The Northland media fabricated reports and deceived its readers.',
      'Critics say the Northland media manipulates the public with fake news.',
      '',
      'General Olaf Brandt ordered the troops to the border on Monday. Minister Ana Varga met General Olaf Brandt in Riverton.',
    ].join(' ');
    const d = prepareFramingDocument(theme, segmentText(theme, 'en'));
    const vectors = d.mentions.map((m) => mentionFeaturesForSpan(d, m));
    const pooled = predictDocumentRoles(model, vectors, RULE_WEIGHT, 1);
    const changed = vectors.filter((f, i) => ruleScores(f).strength === 0 && predictMentionRole(model, f).fine[0] !== pooled[i]?.fine[0]);
    expect(changed.length).toBeGreaterThan(0);
  });

  it('mixes each mention’s fine-role probabilities with the document mean', () => {
    const alone = merged.map((f) => predictMentionRole(model, f));
    const full = predictDocumentRoles(model, merged, RULE_WEIGHT, 1);
    // pool 1: every mention carries the document mean
    for (const p of full) expect(p.fineProba).toEqual(full[0]?.fineProba);
    const mean = (role: string): number => alone.reduce((s, p) => s + (p.fineProba[role] ?? 0), 0) / alone.length;
    expect(full[0]?.fineProba.Deceiver).toBeCloseTo(mean('Deceiver'), 12);
    // a mention with no rule cue takes the most probable pooled fine role of its main role
    const plain = merged.map((f, i) => ({ f, p: full[i] as RolePrediction })).filter(({ f }) => ruleScores(f).strength === 0);
    expect(plain.length).toBeGreaterThan(0);
    for (const { p } of plain) {
      const roles = FINE_ROLE_CLASSES[p.main] ?? [];
      const best = [...roles].sort((a, b) => (p.fineProba[b] ?? 0) - (p.fineProba[a] ?? 0) || a.localeCompare(b))[0];
      expect(p.fine).toEqual([best]);
    }
    // a mention of weight 0 does not shape the mean
    const weights = merged.map((_, i) => (i === 0 ? 1 : 0));
    const onlyFirst = predictMentionRolesFromParts(model, parts, [], weights, 1);
    expectSameRoles([{ ...(onlyFirst[1] as RolePrediction), main: '', fine: [], confidence: 0, mainProba: {} }], [{ ...(alone[0] as RolePrediction), main: '', fine: [], confidence: 0, mainProba: {} }]);
  });
});
