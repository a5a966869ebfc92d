import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyzer.js';
import { htmlToText } from '../../src/ingest/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Real pages reach the ledger through HTML extraction: labels in headings, in <strong> before a <span>, and
 * in <b> glued to the paragraph text must all come through as items.
 */
describe('ledger on an extracted HTML page', () => {
  it('finds the three Myth / Fact items of a page with heading, strong and bold labels', async () => {
    const html = readFileSync(join(ROOT, 'test', 'fixtures', 'ledger-html', 'census-myths.html'), 'utf8');
    const { text } = htmlToText(html);
    const r = await createAnalyzer({ preset: 'ledger', identifyLanguage: false }).analyzeText(text, {
      language: 'en',
    });
    expect(r.rebuttals.map((i) => [i.format, i.claim?.text])).toEqual([
      ['myth-fact', 'The census shares your answers with the tax office.'],
      ['myth-fact', 'You can be fined for a late form.'],
      ['myth-fact', 'Only citizens have to fill in the census.'],
    ]);
    expect(r.rebuttals[2]?.rebuttal?.text).toBe(
      'Everyone who usually lives in the country on census day is counted.',
    );
  });

  it('reads a two-column Myth | Fact table and a definition list on the same page', async () => {
    const html = readFileSync(join(ROOT, 'test', 'fixtures', 'ledger-html', 'recycling-table.html'), 'utf8');
    const { text } = htmlToText(html);
    const r = await createAnalyzer({ preset: 'ledger', identifyLanguage: false }).analyzeText(text, {
      language: 'en',
    });
    expect(r.rebuttals.map((i) => [i.format, i.claim?.text, i.rebuttal?.text])).toEqual([
      [
        'myth-fact-table',
        'Everything in the recycling bin ends up in landfill.',
        'Over 90% of collected material is sold to reprocessors.',
      ],
      [
        'myth-fact-table',
        'Recycling costs more than it saves.',
        'Selling sorted material covers most of the collection cost.',
      ],
      ['myth-fact', 'Lids must be removed from bottles.', 'Leave lids on; the plant separates them.'],
      ['myth-fact', 'Black plastic can be recycled.', 'Sorting machines cannot see black plastic.'],
    ]);
  });
});
