import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../../analyzer.js';

// Our own invented text: two prose claim/contrast pairs under a title announcing myths, then a long paragraph
// of claims without a sentence end or a contrast.
const PAIRS = [
  '# Five myths about the dam',
  'Critics claim that the dam leaks. However, the survey shows it holds.',
  'Experts claim that the lake dries. In fact, it is full.',
].join('\n\n');

describe('ledger prose layout', () => {
  it('finds the claim/contrast pairs beside a paragraph of 50,000 claims without a sentence end', async () => {
    const text = `${PAIRS}\n\n${'Critics claim that it fails, '.repeat(50_000)}end`;
    const r = await createAnalyzer({ identifyLanguage: false }).analyzeText(text, { language: 'en' });
    expect(r.rebuttals.map((i) => [i.format, i.claim?.text, i.rebuttal?.text])).toEqual([
      ['prose', 'the dam leaks.', 'However, the survey shows it holds.'],
      ['prose', 'the lake dries.', 'In fact, it is full.'],
    ]);
  });
});
