// meta.configHash says which configuration made a result ("same configuration ⇒ same hash", output.md);
// user taxonomies change the narratives, so they must change the hash too.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, parseTaxonomy } from '../../src/index.js';

const taxonomy = (keyword: string, id = 'energy') =>
  parseTaxonomy(
    `id: ${id}\nlabels:\n  - label: Blackmail\n    description: Gas as a weapon.\n    keywords: [${keyword}]\n`,
    `${id}.yaml`,
  );
const hashOf = (taxonomies: ReturnType<typeof taxonomy>[]) =>
  createAnalyzer({ identifyLanguage: false, taxonomies }).config.hash;

describe('the config hash with user taxonomies', () => {
  it('differs from the hash without them, and between taxonomies of other content', () => {
    const none = createAnalyzer({ identifyLanguage: false }).config.hash;
    expect(hashOf([])).toBe(none);
    expect(hashOf([taxonomy('gas')])).not.toBe(none);
    expect(hashOf([taxonomy('gas')])).not.toBe(hashOf([taxonomy('pipeline')]));
    expect(hashOf([taxonomy('gas')])).not.toBe(hashOf([taxonomy('gas', 'power')]));
  });

  it('is the same for the same taxonomies, and is what results carry', async () => {
    expect(hashOf([taxonomy('gas')])).toBe(hashOf([taxonomy('gas')]));
    const analyzer = createAnalyzer({ identifyLanguage: false, taxonomies: [taxonomy('gas')] });
    const result = await analyzer.analyzeText('They will use the gas supplies as a weapon.');
    expect(result.meta.configHash).toBe(analyzer.config.hash);
  });
});
