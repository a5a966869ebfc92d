import { describe, expect, it } from 'vitest';
import { segmentBlocks } from './blocks.js';
import { findQuotes } from './quotes.js';

const quoted = (text: string): string[] => findQuotes(text, segmentBlocks(text)).map((q) => text.slice(q.inner.start, q.inner.end));

describe('findQuotes', () => {
  it('pairs each kind of opening mark with its closing marks', () => {
    expect(quoted('He said “go now” and „bitte“ and «oui» and "yes" and ‘fine’ and 「はい」 and 『いいえ』 and ‹non›.')).toEqual([
      'go now', 'bitte', 'oui', 'yes', 'fine', 'はい', 'いいえ', 'non',
    ]);
  });

  it('skips apostrophes between letters, on either side of a quotation', () => {
    expect(quoted('‘It’s John’s,’ she said. Don’t ‘quote’ me.')).toEqual(['It’s John’s,', 'quote']);
    expect(quoted('l‘homme ‘été’')).toEqual(['été']);
  });

  it('ignores unclosed and empty quotations, and does not cross blocks', () => {
    expect(quoted('An “open quote.\n\nAnother paragraph” here.')).toEqual([]);
    expect(quoted('Empty “” marks and “real” ones.')).toEqual(['real']);
  });
});
