import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedDocumentPath } from '../support/shared-data.js';
import { createAnalyzer } from '../../src/analyzer.js';
import { Registry } from '../../src/core/detect/registry.js';
import type { NarrativeLabel } from '../../src/core/result/types.js';
import { parseTaxonomy } from '../../src/taxonomy/parse.js';
import { createNarrativeAggregator } from '../../src/aggregators/narrative/narratives.js';

// Our own invented texts (no real article is quoted).
const OPED = `Why the Square Filled Up

The so-called spontaneous protests in the capital followed a script written abroad. The organisers were paid protesters trained by foreign-backed NGOs, and the whole affair was a colour revolution in all but name.

The mainstream media did its part. Western media outlets repeated the same false narrative within hours, a textbook information war run by newsrooms that act as a mouthpiece of their governments.

Behind all of it stands a deep state faction that has wanted regime change for years.`;

const NEUTRAL = `Slow-cooked lentil soup

Rinse two cups of lentils and let them drain. Chop an onion, two carrots and a stick of celery.

Warm the oil in a heavy pot, add the vegetables and stir for ten minutes. Add the lentils, a bay leaf and six cups of water, then simmer for forty minutes and season to taste.`;

const ENERGY = parseTaxonomy(
  `id: energy
labels:
  - label: Energy blackmail
    description: Gas or oil supplies are said to be used as a political weapon.
    keywords: [gas supplies, pipeline, turn off the taps, energy weapon, gas cut-off]
  - label: Winter without heating
    parent: Energy blackmail
    description: Households are said to face a cold winter because of the cut-off.
    keywords: [cold winter, heating, freeze]
`,
  'energy.yaml',
);

const ENERGY_TEXT = `The pipeline operator announced another gas cut-off on Monday. Ministers called it an energy weapon aimed at the coalition.

Pensioners fear a cold winter without heating if the gas supplies do not resume.`;

function byTaxonomy(labels: readonly NarrativeLabel[], taxonomy: string): string[] {
  return labels.filter((l) => l.taxonomy === taxonomy).map((l) => l.label);
}

describe('narrative aggregator', () => {
  const analyzer = createAnalyzer({ identifyLanguage: false });

  it('labels an op-ed with infowar narratives, with paragraphs and cue spans', async () => {
    const r = await analyzer.analyzeText(OPED, { language: 'en' });
    const infowar = r.narratives.filter((n) => n.taxonomy === 'infowar');
    const labels = infowar.map((l) => l.label);
    expect(labels).toEqual(
      expect.arrayContaining(['Foreign hand behind protests', 'Media as an instrument of propaganda']),
    );
    const media = infowar.find((l) => l.label === 'Media as an instrument of propaganda')!;
    expect(media.paragraphs).toEqual([2]);
    for (const s of media.support) expect(r.document.text!.slice(s.span.start, s.span.end)).toBe(s.span.text);
    expect(media.support.flatMap((s) => s.cues ?? [])).toEqual(
      expect.arrayContaining(['mainstream media', 'Western media']),
    );
    expect(byTaxonomy(r.narratives, 'semeval2025').length).toBeGreaterThan(0);
  });

  it('answers Other for every taxonomy when nothing fits', async () => {
    const r = await analyzer.analyzeText(NEUTRAL, { language: 'en' });
    expect(r.narratives.map((n) => [n.taxonomy, n.label])).toEqual([
      ['semeval2025', 'Other'],
      ['infowar', 'Other'],
    ]);
  });

  it('adds user taxonomies; fine labels come with their coarse parent', async () => {
    const withUser = createAnalyzer({ identifyLanguage: false, taxonomies: [ENERGY] });
    const r = await withUser.analyzeText(ENERGY_TEXT, { language: 'en' });
    expect(byTaxonomy(r.narratives, 'energy')).toEqual(['Energy blackmail', 'Winter without heating']);
    const plain = await analyzer.analyzeText(ENERGY_TEXT, { language: 'en' });
    expect(byTaxonomy(plain.narratives, 'energy')).toEqual([]);
    const other = await withUser.analyzeText(NEUTRAL, { language: 'en' });
    expect(byTaxonomy(other.narratives, 'energy')).toEqual(['Other']);
  });

  it('skips the English-only model for other languages but still matches keyword taxonomies', async () => {
    const agg = createNarrativeAggregator({ taxonomies: [ENERGY] });
    const r = await createAnalyzer({
      identifyLanguage: false,
      registry: new Registry([], [agg]),
    }).analyzeText(ENERGY_TEXT, { language: 'de' });
    expect(r.narratives.some((n) => n.taxonomy === 'semeval2025')).toBe(false);
    expect(r.warnings.some((w) => w.includes('English only'))).toBe(true);
    expect(byTaxonomy(r.narratives, 'energy')).toContain('Energy blackmail');
  });

  it('rejects a user taxonomy that reuses a built-in id', () => {
    expect(() => createNarrativeAggregator({ taxonomies: [{ ...ENERGY, id: 'infowar' }] })).toThrow(
      'share the id "infowar"',
    );
  });
});

const seed = seedDocumentPath();
describe.skipIf(!seed)('reference op-ed', () => {
  it('gets the media-distrust and hidden-plot narratives', async () => {
    const r = await createAnalyzer({ identifyLanguage: false }).analyzeText(readFileSync(seed!, 'utf8'), {
      language: 'en',
    });
    expect(byTaxonomy(r.narratives, 'infowar')).toEqual(
      expect.arrayContaining([
        'Media as an instrument of propaganda',
        'Hidden plots of elites',
        'Intervention as legitimate peacekeeping',
        'Foreign hand behind protests',
      ]),
    );
    expect(byTaxonomy(r.narratives, 'semeval2025')).toEqual(
      expect.arrayContaining([
        'URW: Distrust towards Media',
        'URW: Distrust towards Media: Western media is an instrument of propaganda',
      ]),
    );
    // The cue names the target of the media narrative.
    const media = r.narratives.find((n) => n.label === 'Media as an instrument of propaganda')!;
    expect(media.support.flatMap((s) => s.cues ?? [])).toContain('US-led Western Mainstream Media');
    const plots = r.narratives.find((n) => n.label === 'Hidden plots of elites')!;
    expect(plots.support.some((s) => s.span.text.includes('deep state'))).toBe(true);
  });
});
