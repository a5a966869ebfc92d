import { describe, expect, it } from 'vitest';
import {
  highlightMatches,
  markHighlights,
  matchTerms,
  porterStem,
  tokenizeForMatching,
} from '../../src/corpus/matching/index.js';

describe('porterStem (Porter 1980 reference pairs)', () => {
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['cats', 'cat'],
    ['agreed', 'agre'],
    ['plastered', 'plaster'],
    ['motoring', 'motor'],
    ['hopping', 'hop'],
    ['falling', 'fall'],
    ['filing', 'file'],
    ['happy', 'happi'],
    ['relational', 'relat'],
    ['conditional', 'condit'],
    ['vietnamization', 'vietnam'],
    ['hopefulness', 'hope'],
    ['electrical', 'electr'],
    ['adjustment', 'adjust'],
    ['adoption', 'adopt'],
    ['generalizations', 'gener'],
    ['vaccines', 'vaccin'],
    ['vaccinated', 'vaccin'],
    ['as', 'as'],
    ['2020', '2020'],
  ])('%s → %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });
});

describe('tokenizeForMatching', () => {
  it('drops links, splits handles and hashtags, normalises numbers and percent, keeps offsets', () => {
    const text = "Trump's #DefundTheCBC @IlhanMN: 70% of $1,000 https://t.co/xyz pic.twitter.com/abc isn't";
    const tokens = tokenizeForMatching(text);
    expect(tokens.map((t) => [t.term, t.kind])).toEqual([
      ['trump', 'word'],
      ['defund', 'hashtag'],
      ['cbc', 'hashtag'],
      ['ilhan', 'mention'],
      ['mn', 'mention'],
      ['70', 'number'],
      ['percent', 'word'],
      ['dollar', 'word'],
      ['1000', 'number'],
      ['not', 'word'],
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end).length).toBeGreaterThan(0);
    expect(text.slice(tokens[1]!.start, tokens[1]!.end)).toBe('Defund');
  });

  it('writes spelled-out numbers as digits', () => {
    expect(matchTerms('Ten times more for a twenty-year-old')).toEqual(['10', 'time', '20', 'year', 'old']);
  });

  it('drops bare domains, also after a dash, and reads a long run of hyphenated letters in one pass', () => {
    expect(matchTerms('see example.org/page and -t.co/abc but not a-b-c')).toEqual(['see', 'not']);
    // "a-a-a-..." was tried as a domain from every word boundary inside it (quadratic: minutes for this).
    expect(matchTerms(`${'a-'.repeat(200_000)} dam`)).toEqual(['dam']);
  });

  it('keeps negations (they change a claim) and drops other stop words', () => {
    expect(matchTerms('The vaccine is not safe')).toEqual(['vaccin', 'not', 'safe']);
    expect(matchTerms('The vaccine is safe')).toEqual(['vaccin', 'safe']);
  });
});

describe('highlightMatches', () => {
  it('merges neighbouring matches across stop words into phrases, with exact offsets', () => {
    const text = 'CBC deletes Trump from Home Alone 2, critics say.';
    const hl = highlightMatches(text, new Set(['trump', 'home', 'alon', 'critic']));
    expect(hl).toEqual([
      { start: 12, end: 33, text: 'Trump from Home Alone' },
      { start: 37, end: 44, text: 'critics' },
    ]);
    expect(markHighlights(text, hl, '[', ']')).toBe('CBC deletes [Trump from Home Alone] 2, [critics] say.');
  });

  it('does not start or end a phrase on a stop word', () => {
    expect(highlightMatches('the dam and the town', new Set(['dam'])).map((h) => h.text)).toEqual(['dam']);
  });
});
