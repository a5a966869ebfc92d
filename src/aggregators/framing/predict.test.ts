import { describe, expect, it } from 'vitest';
import { segmentText } from '../../core/segment/segment.js';
import { loadRoleModel } from '../../models/framing/role-model.js';
import { mentionFeaturePartsForSpan, mentionFeaturesForSpan, prepareFramingDocument } from './framing-features.js';
import { predictMentionRole, predictMentionRoleFromParts } from './predict.js';
import { computeLocalFeatures, localFeatures, mergeFeatureParts } from './role-features.js';

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
    it(`gives exactly what the merged feature vector gives (document ${i + 1})`, () => {
      const doc = prepareFramingDocument(text, segmentText(text, 'en'));
      expect(doc.mentions.length).toBeGreaterThan(2);
      for (const m of doc.mentions) {
        const parts = mentionFeaturePartsForSpan(doc, m);
        const merged = mentionFeaturesForSpan(doc, m);
        expect([...mergeFeatureParts(parts)]).toEqual([...merged]);
        for (const w of [undefined, 0.8]) expect(predictMentionRoleFromParts(model, parts, w)).toEqual(predictMentionRole(model, merged, w));
        expect([...localFeatures(doc.context, m, 'ent:')]).toEqual([...computeLocalFeatures(doc.context, m, 'ent:')]);
      }
    });
  }
});
